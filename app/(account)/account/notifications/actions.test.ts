import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requirePrincipal } from '@/app/_auth/current';
import { adminPrincipal, customerPrincipal } from '@/app/_domain/auth/principal';
import { findSubscription, setProduct, subscribe } from '@/app/_domain/notifications/service';
import { getDb } from '@/db/client';
import { insertCustomer } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { unsubscribeOwnAction } from './actions';

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

vi.mock('@/app/_auth/current', () => ({ requirePrincipal: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((url: string) => {
    throw new Redirect(url);
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

const context = { clientIp: '198.51.100.9' };

function form(key: unknown): FormData {
  const data = new FormData();
  data.set('key', String(key));
  return data;
}

/** Where the action sent the browser. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Redirect);
  return (error as Redirect).url;
}

let ada: ReturnType<typeof customerPrincipal>;
let bob: ReturnType<typeof customerPrincipal>;

beforeEach(async () => {
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
  const [a, b] = await Promise.all([
    insertCustomer(getDb(), { publicKey: `ADA${suffix}`, email: `ada-${suffix}@example.com` }),
    insertCustomer(getDb(), { publicKey: `BOB${suffix}`, email: `bob-${suffix}@example.com` }),
  ]);
  ada = customerPrincipal(a!.id, { sessionId: 'ada-session' });
  bob = customerPrincipal(b!.id, { sessionId: 'bob-session' });
  await setProduct(adminPrincipal(1), 'OWN-1', { name: 'Desk lamp', isAvailable: false });
});

describe('unsubscribeOwnAction (a row of /account/notifications)', () => {
  it('ends the shopper’s own subscription and comes back to the list with a notice', async () => {
    vi.mocked(requirePrincipal).mockResolvedValue(ada);
    const { key } = await subscribe(ada, { email: `list-${ada.customerId}@example.com`, sku: 'OWN-1' }, context);

    expect(await redirectOf(unsubscribeOwnAction(form(key)))).toBe('/account/notifications?done=unsubscribed');
    expect(await findSubscription({ key })).toBeNull();
    expect(requirePrincipal).toHaveBeenCalledWith('/account/notifications');
  });

  it('never ends another shopper’s (or a guest’s) subscription: the key is not found for this account', async () => {
    vi.mocked(requirePrincipal).mockResolvedValue(bob);
    const { key: adasKey } = await subscribe(ada, { email: `other-${ada.customerId}@example.com`, sku: 'OWN-1' }, context);
    const { key: guestKey } = await subscribe(null, { email: `guest-${ada.customerId}@example.com`, sku: 'OWN-1' }, context);

    expect(await redirectOf(unsubscribeOwnAction(form(adasKey)))).toBe('/account/notifications?error=not-found');
    expect(await redirectOf(unsubscribeOwnAction(form(guestKey)))).toBe('/account/notifications?error=not-found');
    expect(await findSubscription({ key: adasKey })).not.toBeNull();
    expect(await findSubscription({ key: guestKey })).not.toBeNull();
  });

  it.each([[form('')], [form('x'.repeat(500))], [null], ['key'], [{ key: 'forged' }]])('answers a malformed or forged argument %# on the page, never a crash', async (argument) => {
    vi.mocked(requirePrincipal).mockResolvedValue(ada);
    expect(await redirectOf(unsubscribeOwnAction(argument))).toBe('/account/notifications?error=not-found');
  });

  it('sends a signed-out visitor to the sign-in page before anything else', async () => {
    vi.mocked(requirePrincipal).mockImplementation(async (returnTo) => {
      throw new Redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
    });
    const { key } = await subscribe(ada, { email: `signed-out-${ada.customerId}@example.com`, sku: 'OWN-1' }, context);
    expect(await redirectOf(unsubscribeOwnAction(form(key)))).toBe('/login?callbackUrl=%2Faccount%2Fnotifications');
    expect(await findSubscription({ key })).not.toBeNull();
  });
});
