import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import { anonymizeCustomer, deleteOwnAccount } from '@/app/_domain/customers/anonymization';
import { requestEmailChange } from '@/app/_domain/customers/profile';
import { registerCustomer } from '@/app/_domain/customers/registration';
import { hashSecretKey } from '@/app/_domain/shared/secrets';
import { POST as postAccessTokens } from '@/app/(storefront-api)/access-tokens/route';
import { POST as postRefreshTokens } from '@/app/(storefront-api)/refresh-tokens/route';
import {
  bearer,
  callRoute,
  createCustomer,
  createSignedInCustomer,
  document,
  domainErrorOf,
  everyRowAsText,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  jsonApiRequest,
  readErrors,
  selectRows,
  uniqueEmail,
  type SignedInCustomer,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { insertCustomerKey } from '@/db/queries/customer-keys';
import { customerKeys, customers, sessions, tokenFamilies, type CustomerRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE, GET } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const HOUR_MS = 60 * 60 * 1000;
const FORBIDDEN = { status: 403, code: '411', detail: 'Unauthorized request.' };
const PERSONAL_COLUMNS = [
  'salutation',
  'title',
  'first_name',
  'last_name',
  'email',
  'gender',
  'date_of_birth',
  'phone',
  'company',
  'password_hash',
] as const;

function deleteCustomer(reference: string, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(
    DELETE,
    jsonApiRequest(`/customers/${encodeURIComponent(reference)}`, undefined, { method: 'DELETE', headers }),
    { customerReference: reference },
  );
}

function getCustomer(reference: string, accessToken: string): Promise<Response> {
  return callRoute(
    GET,
    jsonApiRequest(`/customers/${encodeURIComponent(reference)}`, undefined, { method: 'GET', headers: bearer(accessToken) }),
    { customerReference: reference },
  );
}

function refresh(refreshToken: string): Promise<Response> {
  return callRoute(postRefreshTokens, jsonApiRequest('/refresh-tokens', document('refresh-tokens', { refreshToken })));
}

function signIn(email: string, password: string): Promise<Response> {
  return callRoute(postAccessTokens, jsonApiRequest('/access-tokens', document('access-tokens', { username: email, password })));
}

async function row(customer: TestCustomer): Promise<CustomerRow> {
  const [found] = await db().select().from(customers).where(eq(customers.id, customer.id));
  if (!found) throw new Error(`no customer ${customer.id}`);
  return found;
}

/** The raw database row, column names as stored. */
async function rawRow(customer: TestCustomer): Promise<Record<string, unknown>> {
  const [found] = await selectRows(sql`select * from customers where id = ${customer.id}`);
  if (!found) throw new Error(`no customer ${customer.id}`);
  return found;
}

function keysOf(customer: TestCustomer) {
  return db().select().from(customerKeys).where(eq(customerKeys.customerId, customer.id));
}

function actorOf(customer: TestCustomer, sessionId?: string) {
  return principalOf(customer, sessionId ? { sessionId } : {});
}

/** Fills every personal column with a value found nowhere else in the database. */
async function withFullProfile(customer: TestCustomer): Promise<Record<string, string>> {
  const marker = randomBytes(4).toString('hex');
  const values = {
    title: `Prof${marker}`,
    firstName: `Zora${marker}`,
    lastName: `Quill${marker}`,
    gender: 'Female',
    dateOfBirth: '1971-03-04',
    phone: `+49301${parseInt(marker, 16) % 10_000_000}`,
    company: `Company${marker}`,
  };
  await db().update(customers).set(values).where(eq(customers.id, customer.id));
  return values;
}

/** A customer with every kind of pending key: registration confirmation, password reset and email change. */
async function withPendingKeys(customer: TestCustomer): Promise<string> {
  const pendingEmail = uniqueEmail('pending');
  await requestEmailChange(actorOf(customer), { email: pendingEmail, password: customer.password }, { clientIp: '192.0.2.7' });
  await insertCustomerKey(db(), {
    keyHash: hashSecretKey(randomBytes(32).toString('base64url')),
    customerId: customer.id,
    purpose: 'reset_password',
    expiresAt: new Date(Date.now() + HOUR_MS),
  });
  expect(new Set((await keysOf(customer)).map((k) => k.purpose))).toEqual(
    new Set(['confirm_registration', 'reset_password', 'confirm_email_change', 'cancel_email_change']),
  );
  return pendingEmail;
}

async function expectRefreshFails(refreshToken: string): Promise<void> {
  const response = await refresh(refreshToken);
  expect(response.status).toBe(401);
  expect(await readErrors(response)).toEqual([{ status: 401, code: '004', detail: 'Failed to refresh token.' }]);
}

describe('DELETE /customers/{customerReference}', () => {
  it('answers 204 with an empty body', async () => {
    const customer = await createSignedInCustomer();

    const response = await deleteCustomer(customer.reference, bearer(customer.accessToken));

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('keeps the row and its id but sets every personal column to null and anonymized_at', async () => {
    const customer = await createSignedInCustomer();
    await withFullProfile(customer);
    const before = await rawRow(customer);
    for (const column of PERSONAL_COLUMNS) expect(before[column], column).not.toBeNull();
    const startedAt = Date.now();

    await deleteCustomer(customer.reference, bearer(customer.accessToken));

    const after = await rawRow(customer);
    expect(Number(after.id)).toBe(customer.id);
    expect(after.public_key).toBe(before.public_key);
    for (const column of PERSONAL_COLUMNS) expect(after[column], column).toBeNull();
    expect(after.password_hash_type).toBeNull();
    expect(after.last_login_at).toBeNull();
    expect(after.anonymized_at).not.toBeNull();
    expect((await row(customer)).anonymizedAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(after.is_active).toBe(false);
  });

  it('deletes every key of the customer: registration confirmation, password reset and email change', async () => {
    const customer = await createSignedInCustomer();
    await withPendingKeys(customer);
    const other = await createCustomer();
    const othersKeys = await keysOf(other);
    expect(othersKeys.length).toBeGreaterThan(0);

    await deleteCustomer(customer.reference, bearer(customer.accessToken));

    expect(await keysOf(customer)).toEqual([]);
    expect(await keysOf(other)).toEqual(othersKeys);
  });

  it("revokes every session and token family: the caller's tokens, another family's and browser sessions", async () => {
    const customer = await createSignedInCustomer();
    const second = await issueTokens(customer);
    const sessionA = await startBrowserSession(customer.id);
    const sessionB = await startBrowserSession(customer.id);

    expect((await deleteCustomer(customer.reference, bearer(customer.accessToken))).status).toBe(204);

    await expectInvalidAccessToken(await getCustomer(customer.reference, customer.accessToken));
    await expectInvalidAccessToken(await getCustomer(customer.reference, second.accessToken));
    await expectRefreshFails(customer.refreshToken);
    await expectRefreshFails(second.refreshToken);
    expect(await resolveBrowserSession(sessionA)).toBeNull();
    expect(await resolveBrowserSession(sessionB)).toBeNull();
    const families = await db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, customer.id));
    expect(families).toHaveLength(2);
    for (const family of families) expect(family.revokedAt).not.toBeNull();
    const rows = await db().select().from(sessions).where(eq(sessions.customerId, customer.id));
    expect(rows).toHaveLength(2);
    for (const session of rows) expect(session.revokedAt).not.toBeNull();
  });

  it('lets nobody sign in with the old credentials afterwards', async () => {
    const customer = await createSignedInCustomer();

    await deleteCustomer(customer.reference, bearer(customer.accessToken));

    const response = await signIn(customer.email, customer.password);
    expect(response.status).toBe(401);
    expect(await readErrors(response)).toEqual([{ status: 401, code: '003', detail: 'Failed to authenticate user.' }]);
  });

  it.each([
    ['as before', (email: string) => email],
    ['in upper case', (email: string) => email.toUpperCase()],
  ])('frees the email: it can register again %s, as a new customer', async (_, spell) => {
    const customer = await createSignedInCustomer();
    await deleteCustomer(customer.reference, bearer(customer.accessToken));

    const password = 'a-fresh-password-1';
    const view = await registerCustomer(
      { salutation: 'Mr', firstName: 'New', lastName: 'Owner', email: spell(customer.email), password, confirmPassword: password, acceptedTerms: true },
      { clientIp: '192.0.2.7' },
    );

    expect(view.reference).not.toBe(customer.reference);
    expect(view.email).toBe(spell(customer.email));
    expect((await row(customer)).email).toBeNull();
  });

  it('is harmless twice: anonymizeCustomer again does not throw and keeps anonymized_at', async () => {
    const customer = await createSignedInCustomer();
    await deleteCustomer(customer.reference, bearer(customer.accessToken));
    const first = await row(customer);

    await expect(anonymizeCustomer(actorOf(customer), customer.id, { now: new Date(Date.now() + HOUR_MS) })).resolves.toBeUndefined();

    const second = await row(customer);
    expect(second.anonymizedAt).toEqual(first.anonymizedAt);
    expect(withoutUpdatedAt(second)).toEqual(withoutUpdatedAt(first));
  });

  it('answers a second DELETE with the now revoked token with 401/001', async () => {
    const customer = await createSignedInCustomer();
    await deleteCustomer(customer.reference, bearer(customer.accessToken));
    const first = await row(customer);

    await expectInvalidAccessToken(await deleteCustomer(customer.reference, bearer(customer.accessToken)));

    expect(await row(customer)).toEqual(first);
  });

  /** Rows anywhere in the database that still hold one of the anonymized customer's personal data. */
  async function leftoversAfterDeletion(): Promise<{ table: string; text: string }[]> {
    const customer = await createSignedInCustomer();
    const profile = await withFullProfile(customer);
    const pendingEmail = await withPendingKeys(customer);
    await startBrowserSession(customer.id);

    expect((await deleteCustomer(customer.reference, bearer(customer.accessToken))).status).toBe(204);

    const needles = [customer.email, pendingEmail, profile.firstName!, profile.lastName!, profile.title!, profile.phone!, profile.company!];
    return (await everyRowAsText())
      .filter(({ row: text }) => needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase())))
      .map(({ table, row: text }) => ({ table, text: text.slice(0, 200) }));
  }

  it('leaves no personal datum of the customer in any table but the email outbox and the rate-limit counters', async () => {
    const leftovers = await leftoversAfterDeletion();
    // Rate-limit counters are keyed on submitted addresses by contract (whether or not an account
    // exists) and end with their window; they must outlive a deletion to keep limiting.
    expect(leftovers.filter(({ table }) => table !== 'email_outbox' && table !== 'rate_limits')).toEqual([]);
  });

  it('leaves no personal datum of the customer in the email outbox (address, names, pending new address)', async () => {
    const leftovers = await leftoversAfterDeletion();
    expect(leftovers.filter(({ table }) => table === 'email_outbox')).toEqual([]);
  });

  it("answers another customer's reference and a non-existent one with identical 403/411 bodies; nobody is anonymized", async () => {
    const caller = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    await withPendingKeys(other);
    const otherSession = await startBrowserSession(other.id);
    const callerBefore = await row(caller);
    const otherBefore = await row(other);
    const othersKeys = await keysOf(other);

    const responses = [];
    for (const reference of [other.reference, 'DE--999999999', 'XX--1']) {
      responses.push(await deleteCustomer(reference, bearer(caller.accessToken)));
    }

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403]);
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual({ errors: [FORBIDDEN] });
    expect(await row(other)).toEqual(otherBefore);
    expect(await keysOf(other)).toEqual(othersKeys);
    expect((await getCustomer(other.reference, other.accessToken)).status).toBe(200);
    expect(await resolveBrowserSession(otherSession)).not.toBeNull();
    expect(await row(caller)).toEqual(callerBefore);
    expect((await getCustomer(caller.reference, caller.accessToken)).status).toBe(200);
  });

  it('throws forbidden from anonymizeCustomer for a reference that is not the actor\'s', async () => {
    const caller = await createCustomer();
    const other = await createCustomer();
    const otherBefore = await row(other);

    expect((await domainErrorOf(anonymizeCustomer(actorOf(caller), other.id))).code).toBe('forbidden');

    expect(await row(other)).toEqual(otherBefore);
  });

  it('answers 403/002 without a token and 401/001 with a bad one; nothing is anonymized', async () => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    await expectMissingAccessToken(await deleteCustomer(customer.reference));
    await expectInvalidAccessToken(await deleteCustomer(customer.reference, bearer(`${customer.accessToken}x`)));

    expect(await row(customer)).toEqual(before);
    expect((await getCustomer(customer.reference, customer.accessToken)).status).toBe(200);
  });
});

describe('deleteOwnAccount (the browser path)', () => {
  async function browserCustomer(): Promise<{ customer: SignedInCustomer; sessionId: string; before: CustomerRow }> {
    const customer = await createSignedInCustomer();
    const sessionId = await startBrowserSession(customer.id);
    return { customer, sessionId, before: await row(customer) };
  }

  it('anonymizes with the right password and confirm: true, and ends the session', async () => {
    const { customer, sessionId } = await browserCustomer();
    await withPendingKeys(customer);

    await deleteOwnAccount(actorOf(customer, sessionId), { password: customer.password, confirm: true });

    const after = await rawRow(customer);
    for (const column of PERSONAL_COLUMNS) expect(after[column], column).toBeNull();
    expect(after.anonymized_at).not.toBeNull();
    expect(await keysOf(customer)).toEqual([]);
    expect(await resolveBrowserSession(sessionId)).toBeNull();
    await expectInvalidAccessToken(await getCustomer(customer.reference, customer.accessToken));
  });

  it('throws invalidPassword for a wrong password and changes nothing', async () => {
    const { customer, sessionId, before } = await browserCustomer();
    const keys = await keysOf(customer);

    const error = await domainErrorOf(deleteOwnAccount(actorOf(customer, sessionId), { password: `${customer.password}x`, confirm: true }));

    expect(error.code).toBe('invalidPassword');
    expect(await row(customer)).toEqual(before);
    expect(await keysOf(customer)).toEqual(keys);
    expect(await resolveBrowserSession(sessionId)).not.toBeNull();
    expect((await getCustomer(customer.reference, customer.accessToken)).status).toBe(200);
  });

  it.each<[string, Record<string, unknown>]>([
    ['confirm: false', { confirm: false }],
    ['no confirm', {}],
    ['confirm: "true" as a string', { confirm: 'true' }],
    ['confirm: "on"', { confirm: 'on' }],
  ])('throws validation for %s, even with the right password, and changes nothing', async (_, extra) => {
    const { customer, sessionId, before } = await browserCustomer();

    const error = await domainErrorOf(deleteOwnAccount(actorOf(customer, sessionId), { password: customer.password, ...extra }));

    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['confirm']);
    expect(await row(customer)).toEqual(before);
    expect(await resolveBrowserSession(sessionId)).not.toBeNull();
  });

  it('throws validation for a missing password', async () => {
    const { customer, sessionId, before } = await browserCustomer();

    const error = await domainErrorOf(deleteOwnAccount(actorOf(customer, sessionId), { confirm: true }));

    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['password']);
    expect(await row(customer)).toEqual(before);
  });
});

function withoutUpdatedAt(customer: CustomerRow): Omit<CustomerRow, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = customer;
  return rest;
}
