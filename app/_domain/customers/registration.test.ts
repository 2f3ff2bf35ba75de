import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { selectCustomerByEmail } from '@/db/queries/customers';
import { customers, sessions } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { domainErrorOf, emailsOfKind, linkKey, uniqueEmail } from '@/test/support/jsonapi-client';
import { resolveBrowserSession } from '../auth/sessions';
import { confirmCustomer, confirmCustomerAndSignIn, registerCustomer } from './registration';

setupTestDatabase();

const valid = {
  salutation: 'Ms',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'Ada@Example.com',
  password: 'analytical-engine',
  confirmPassword: 'analytical-engine',
  acceptedTerms: true,
};

const DAY_MS = 24 * 60 * 60 * 1000;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('registerCustomer', () => {
  it('creates an unconfirmed customer with an argon2id hash', async () => {
    const view = await registerCustomer(valid, { clientIp: '203.0.113.1' });
    expect(view.reference).toMatch(/^DE--\d+$/);
    expect(view.isConfirmed).toBe(false);
    const row = await selectCustomerByEmail(getDb(), 'ada@example.com');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

/** A new unconfirmed customer and the key of its emailed confirmation link. */
async function registered(now?: Date): Promise<{ id: number; email: string; key: string }> {
  const email = uniqueEmail('confirm');
  const view = await registerCustomer({ ...valid, email }, { clientIp: '203.0.113.2', ...(now ? { now } : {}) });
  const [mail] = await emailsOfKind(email, 'confirm-registration');
  const key = linkKey(mail!.textBody, '/register/confirm');
  if (!key) throw new Error('no confirmation link');
  return { id: view.id, email, key };
}

function sessionsOf(customerId: number) {
  return getDb().select().from(sessions).where(eq(sessions.customerId, customerId));
}

describe('confirmCustomerAndSignIn: the emailed link signs the shopper in', () => {
  it('confirms the email and starts a browser session for the key’s customer, in one step', async () => {
    const shopper = await registered();
    const now = new Date();

    const { customer, sessionId } = await confirmCustomerAndSignIn({ key: shopper.key }, { now, userAgent: FIREFOX });

    expect(customer).toMatchObject({ id: shopper.id, email: shopper.email, isConfirmed: true });
    expect(sessionId).toEqual(expect.any(String));
    expect(await resolveBrowserSession(sessionId!)).toMatchObject({ customerId: shopper.id, sessionId });
    const [session] = await sessionsOf(shopper.id);
    expect(session).toMatchObject({ id: sessionId, userAgent: FIREFOX, createdAt: now });
    expect((await selectCustomerByEmail(getDb(), shopper.email))?.lastLoginAt).toEqual(now);
  });

  it('works once: a used key signs nobody in', async () => {
    const shopper = await registered();
    await confirmCustomerAndSignIn({ key: shopper.key }, {});

    expect((await domainErrorOf(confirmCustomerAndSignIn({ key: shopper.key }, {}))).code).toBe('confirmationKeyInvalid');
    expect(await sessionsOf(shopper.id)).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous clicks sign in', async () => {
    const shopper = await registered();
    const results = await Promise.allSettled([
      confirmCustomerAndSignIn({ key: shopper.key }, {}),
      confirmCustomerAndSignIn({ key: shopper.key }, {}),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await sessionsOf(shopper.id)).toHaveLength(1);
  });

  it('refuses an expired, unknown or malformed key and changes nothing', async () => {
    const registeredAt = new Date('2025-03-10T08:00:00.000Z');
    const shopper = await registered(registeredAt);

    const expired = await domainErrorOf(confirmCustomerAndSignIn({ key: shopper.key }, { now: new Date(registeredAt.getTime() + DAY_MS + 1000) }));
    expect(expired.code).toBe('confirmationKeyInvalid');
    expect((await domainErrorOf(confirmCustomerAndSignIn({ key: 'not-a-key' }, {}))).code).toBe('confirmationKeyInvalid');
    expect((await domainErrorOf(confirmCustomerAndSignIn({ key: '' }, {}))).code).toBe('validation');
    expect((await domainErrorOf(confirmCustomerAndSignIn({}, {}))).code).toBe('validation');

    expect(await sessionsOf(shopper.id)).toHaveLength(0);
    expect((await selectCustomerByEmail(getDb(), shopper.email))?.confirmedAt).toBeNull();
  });

  it('confirms a deactivated account but does not sign it in', async () => {
    const shopper = await registered();
    await getDb().update(customers).set({ isActive: false }).where(eq(customers.id, shopper.id));

    const { customer, sessionId } = await confirmCustomerAndSignIn({ key: shopper.key }, {});

    expect(customer.isConfirmed).toBe(true);
    expect(sessionId).toBeNull();
    expect(await sessionsOf(shopper.id)).toHaveLength(0);
  });

  it('the API’s confirmation (POST /customer-confirmation) signs nobody in', async () => {
    const shopper = await registered();
    await confirmCustomer({ key: shopper.key }, {});
    expect(await sessionsOf(shopper.id)).toHaveLength(0);
  });
});
