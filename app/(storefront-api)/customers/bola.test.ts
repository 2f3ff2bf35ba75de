import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { PATCH as patchPassword } from '@/app/(storefront-api)/customer-password/[customerReference]/route';
import {
  bearer,
  callRoute,
  createSignedInCustomer,
  document,
  emailsTo,
  jsonApiRequest,
  readErrors,
  readJsonApi,
  uniqueEmail,
  type SignedInCustomer,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customerKeys, customers, refreshTokens, sessions, tokenFamilies } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE, GET, PATCH } from './[customerReference]/route';

/**
 * BOLA matrix: customer A's valid token against customer B's reference, on every endpoint that
 * takes a customer reference. Each answer must be the contract's error, leave B (and A) exactly
 * as they were, and be byte-identical to the answer for a reference that does not exist.
 */

const database = setupTestDatabase();
const db = () => database.handle().db;

const NOT_FOUND = { status: 404, code: '402', detail: 'Customer not found.' };
const FORBIDDEN = { status: 403, code: '411', detail: 'Unauthorized request.' };

type Attack = (attacker: SignedInCustomer, reference: string) => Promise<Response>;

function send(handler: typeof GET, method: string, path: string, reference: string, accessToken: string, body?: unknown) {
  return callRoute(handler, jsonApiRequest(path, body, { method, headers: bearer(accessToken) }), { customerReference: reference });
}

/** A PATCH that, were it allowed, would change every writable attribute and start an email change. */
function takeover(): Record<string, unknown> {
  return {
    salutation: 'Mr',
    firstName: 'Mallory',
    lastName: 'Attacker',
    gender: 'Male',
    dateOfBirth: '1970-01-01',
    email: uniqueEmail('takeover'),
  };
}

const matrix: [string, typeof NOT_FOUND, Attack][] = [
  [
    'GET /customers/{ref}',
    NOT_FOUND,
    (a, ref) => send(GET, 'GET', `/customers/${encodeURIComponent(ref)}`, ref, a.accessToken),
  ],
  [
    'PATCH /customers/{ref}',
    FORBIDDEN,
    (a, ref) => send(PATCH, 'PATCH', `/customers/${encodeURIComponent(ref)}`, ref, a.accessToken, document('customers', takeover())),
  ],
  [
    'DELETE /customers/{ref}',
    FORBIDDEN,
    (a, ref) => send(DELETE, 'DELETE', `/customers/${encodeURIComponent(ref)}`, ref, a.accessToken),
  ],
  [
    "PATCH /customer-password/{ref} with the attacker's own current password",
    FORBIDDEN,
    (a, ref) =>
      send(
        patchPassword,
        'PATCH',
        `/customer-password/${encodeURIComponent(ref)}`,
        ref,
        a.accessToken,
        document('customer-password', { password: a.password, newPassword: 'attacker-chosen-1', confirmPassword: 'attacker-chosen-1' }),
      ),
  ],
];

/** Everything stored about a customer, in a stable order. */
async function stateOf(customer: SignedInCustomer) {
  const id = customer.id;
  return {
    customer: await db().select().from(customers).where(eq(customers.id, id)),
    keys: await db().select().from(customerKeys).where(eq(customerKeys.customerId, id)).orderBy(asc(customerKeys.keyHash)),
    families: await db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, id)).orderBy(asc(tokenFamilies.id)),
    refreshTokens: await db().select().from(refreshTokens).where(eq(refreshTokens.customerId, id)).orderBy(asc(refreshTokens.tokenHash)),
    sessions: await db().select().from(sessions).where(eq(sessions.customerId, id)).orderBy(asc(sessions.id)),
    emails: (await emailsTo(customer.email)).map((m) => m.id),
  };
}

async function expectStillSignedIn(customer: SignedInCustomer): Promise<void> {
  const response = await send(GET, 'GET', `/customers/${customer.reference}`, customer.reference, customer.accessToken);
  expect(response.status).toBe(200);
  const body = await readJsonApi<{ data: { id: string; attributes: { email: string } } }>(response);
  expect(body.data.id).toBe(customer.reference);
  expect(body.data.attributes.email).toBe(customer.email);
}

describe.each(matrix)("customer A's token against customer B's reference: %s", (_, expected, attack) => {
  it(`answers ${expected.status}/${expected.code} and leaves B and A exactly as they were`, async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    const bSession = await startBrowserSession(b.id);
    const aBefore = await stateOf(a);
    const bBefore = await stateOf(b);

    const response = await attack(a, b.reference);

    expect(response.status).toBe(expected.status);
    const text = await response.clone().text();
    expect(await readErrors(response)).toEqual([expected]);
    for (const secret of [b.email, 'Ada', 'Lovelace', b.accessToken, 'argon2']) expect(text).not.toContain(secret);
    expect(await stateOf(b)).toEqual(bBefore);
    expect(await stateOf(a)).toEqual(aBefore);
    await expectStillSignedIn(b);
    await expectStillSignedIn(a);
    expect(await resolveBrowserSession(bSession)).toMatchObject({ customerId: b.id });
  });

  it("answers B's existing reference, an anonymized customer's and non-existent ones with byte-identical bodies", async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    const gone = await createSignedInCustomer();
    await anonymizeCustomer(principalOf(gone), gone.id);

    const answers = [];
    for (const reference of [b.reference, gone.reference, 'DE--999999999', `DE--${b.id + 1000}`, 'XX--1', 'DE--abc']) {
      const response = await attack(a, reference);
      answers.push({
        status: response.status,
        contentType: response.headers.get('content-type'),
        wwwAuthenticate: response.headers.get('www-authenticate'),
        text: await response.text(),
      });
    }

    expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(answers[0]!.status).toBe(expected.status);
    expect(JSON.parse(answers[0]!.text)).toEqual({ errors: [expected] });
  });
});
