import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import { changePassword } from '@/app/_domain/passwords/change';
import { POST as postAccessTokens } from '@/app/(storefront-api)/access-tokens/route';
import { GET as getCustomers } from '@/app/(storefront-api)/customers/route';
import { POST as postRefreshTokens } from '@/app/(storefront-api)/refresh-tokens/route';
import {
  bearer,
  callRoute,
  createCustomer,
  createSignedInCustomer,
  document,
  domainErrorOf,
  emailsTo,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  jsonApiRequest,
  readError,
  readErrors,
  readFieldErrors,
  readJsonApi,
  type SignedInCustomer,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customers, emailOutbox, sessions, tokenFamilies, type CustomerRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { PATCH as patchWithReference } from './[customerReference]/route';
import { PATCH } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const NEW_PASSWORD = 'a-brand-new-password-1';
const FORBIDDEN = { status: 403, code: '411', detail: 'Unauthorized request.' };
const INVALID_PASSWORD = { status: 400, code: '408', detail: 'Invalid password.' };
const MISMATCH = {
  status: 422,
  code: '406',
  detail: 'Value in field newPassword should be identical to value in the confirmPassword field.',
};

type Attributes = Record<string, unknown>;
type Send = (customer: SignedInCustomer, body: unknown, headers?: TestHeaders) => Promise<Response>;

const viaPlainPath: Send = (_customer, body, headers = {}) =>
  callRoute(PATCH, jsonApiRequest('/customer-password', body, { method: 'PATCH', headers }));

function viaReference(reference: string, body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(
    patchWithReference,
    jsonApiRequest(`/customer-password/${encodeURIComponent(reference)}`, body, { method: 'PATCH', headers }),
    { customerReference: reference },
  );
}

const viaOwnReference: Send = (customer, body, headers) => viaReference(customer.reference, body, headers);

const routes: [string, Send][] = [
  ['PATCH /customer-password', viaPlainPath],
  ['PATCH /customer-password/{customerReference}', viaOwnReference],
];

function passwordChange(customer: SignedInCustomer, attributes: Attributes, send: Send = viaPlainPath): Promise<Response> {
  return send(customer, document('customer-password', attributes), bearer(customer.accessToken));
}

function validChange(customer: TestCustomer, newPassword = NEW_PASSWORD): Attributes {
  return { password: customer.password, newPassword, confirmPassword: newPassword };
}

function signIn(email: string, password: string): Promise<Response> {
  return callRoute(postAccessTokens, jsonApiRequest('/access-tokens', document('access-tokens', { username: email, password })));
}

function refresh(refreshToken: string): Promise<Response> {
  return callRoute(postRefreshTokens, jsonApiRequest('/refresh-tokens', document('refresh-tokens', { refreshToken })));
}

function listCustomers(accessToken: string): Promise<Response> {
  return callRoute(getCustomers, jsonApiRequest('/customers', undefined, { method: 'GET', headers: bearer(accessToken) }));
}

async function row(customer: TestCustomer): Promise<CustomerRow> {
  const [found] = await db().select().from(customers).where(eq(customers.id, customer.id));
  if (!found) throw new Error(`no customer ${customer.id}`);
  return found;
}

async function expectSignInFails(email: string, password: string): Promise<void> {
  const response = await signIn(email, password);
  expect(response.status).toBe(401);
  expect(await readErrors(response)).toEqual([{ status: 401, code: '003', detail: 'Failed to authenticate user.' }]);
}

async function expectSignInWorks(email: string, password: string): Promise<void> {
  const response = await signIn(email, password);
  expect(response.status).toBe(201);
  const body = await readJsonApi<{ data: { type: string; attributes: { accessToken: string } } }>(response);
  expect(body.data.type).toBe('access-tokens');
  expect(body.data.attributes.accessToken).toEqual(expect.any(String));
}

async function expectStillSignedIn(accessToken: string, customer: TestCustomer): Promise<void> {
  const response = await listCustomers(accessToken);
  expect(response.status).toBe(200);
  const body = await readJsonApi<{ data: { id: string }[] }>(response);
  expect(body.data.map((c) => c.id)).toEqual([customer.reference]);
}

async function expectRefreshFails(refreshToken: string): Promise<void> {
  const response = await refresh(refreshToken);
  expect(response.status).toBe(401);
  expect(await readErrors(response)).toEqual([{ status: 401, code: '004', detail: 'Failed to refresh token.' }]);
}

function passwordChangedEmails(customer: TestCustomer) {
  return emailsTo(customer.email).then((messages) => messages.filter((m) => m.kind === 'password-changed'));
}

/** What must hold after any refused request: nothing written, every login still live. */
async function expectNothingChanged(customer: SignedInCustomer, before: CustomerRow, other: { accessToken: string }): Promise<void> {
  expect(await row(customer)).toEqual(before);
  expect(await passwordChangedEmails(customer)).toEqual([]);
  await expectStillSignedIn(customer.accessToken, customer);
  await expectStillSignedIn(other.accessToken, customer);
}

describe.each(routes)('%s', (_, send) => {
  it('answers 204 with an empty body; the old password stops signing in, the new one works', async () => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    const response = await passwordChange(customer, validChange(customer), send);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = await row(customer);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.passwordHash).not.toContain(NEW_PASSWORD);
    await expectSignInFails(customer.email, customer.password);
    await expectSignInWorks(customer.email, NEW_PASSWORD);
  });

  it("keeps the caller's access and refresh token working and ends every other token family and browser session", async () => {
    const customer = await createSignedInCustomer();
    const otherFamily = await issueTokens(customer);
    const thirdFamily = await issueTokens(customer);
    const sessionA = await startBrowserSession(customer.id);
    const sessionB = await startBrowserSession(customer.id);
    const bystander = await createSignedInCustomer();
    const bystanderSession = await startBrowserSession(bystander.id);

    expect((await passwordChange(customer, validChange(customer), send)).status).toBe(204);

    await expectStillSignedIn(customer.accessToken, customer);
    await expectInvalidAccessToken(await listCustomers(otherFamily.accessToken));
    await expectInvalidAccessToken(await listCustomers(thirdFamily.accessToken));
    await expectRefreshFails(otherFamily.refreshToken);
    await expectRefreshFails(thirdFamily.refreshToken);
    expect(await resolveBrowserSession(sessionA)).toBeNull();
    expect(await resolveBrowserSession(sessionB)).toBeNull();

    const rotated = await refresh(customer.refreshToken);
    expect(rotated.status).toBe(201);
    const { data } = await readJsonApi<{ data: { attributes: { accessToken: string } } }>(rotated);
    await expectStillSignedIn(data.attributes.accessToken, customer);

    await expectStillSignedIn(bystander.accessToken, bystander);
    expect((await refresh(bystander.refreshToken)).status).toBe(201);
    expect(await resolveBrowserSession(bystanderSession)).not.toBeNull();
  });

  it('queues one "password changed" email to the customer with no key and no password in it', async () => {
    const customer = await createSignedInCustomer();

    await passwordChange(customer, validChange(customer), send);

    const messages = await passwordChangedEmails(customer);
    expect(messages).toHaveLength(1);
    for (const part of [messages[0]!.subject, messages[0]!.textBody, messages[0]!.htmlBody]) {
      expect(part).not.toContain('key=');
      expect(part).not.toContain(NEW_PASSWORD);
      expect(part).not.toContain(customer.password);
      expect(part).not.toContain(customer.accessToken);
      expect(part).not.toContain(customer.refreshToken);
    }
  });

  it('answers a wrong current password with 400/408 "Invalid password." and writes nothing', async () => {
    const customer = await createSignedInCustomer();
    const other = await issueTokens(customer);
    const before = await row(customer);

    const response = await passwordChange(customer, { ...validChange(customer), password: `${customer.password}x` }, send);

    expect(response.status).toBe(400);
    expect(await readError(response)).toMatchObject(INVALID_PASSWORD);
    await expectNothingChanged(customer, before, other);
    await expectSignInFails(customer.email, NEW_PASSWORD);
  });

  it('answers newPassword ≠ confirmPassword with 422/406 and writes nothing', async () => {
    const customer = await createSignedInCustomer();
    const other = await issueTokens(customer);
    const before = await row(customer);

    const response = await passwordChange(customer, { ...validChange(customer), confirmPassword: `${NEW_PASSWORD}x` }, send);

    expect(response.status).toBe(422);
    expect(await readError(response)).toMatchObject(MISMATCH);
    await expectNothingChanged(customer, before, other);
  });
});

describe('PATCH /customer-password: validation (422/901)', () => {
  it.each<[string, string, string]>([
    ['7 characters', 'abcdefg', 'This value is too short. It should have 8 characters or more.'],
    ['7 code points of 2 UTF-16 units each', '😀'.repeat(7), 'This value is too short. It should have 8 characters or more.'],
    ['7 code points after NFC (10 before)', 'e\u0301'.repeat(3) + 'abcd', 'This value is too short. It should have 8 characters or more.'],
    ['65 characters', 'x'.repeat(65), 'This value is too long. It should have 64 characters or less.'],
    ['65 code points of 2 UTF-16 units each', '😀'.repeat(65), 'This value is too long. It should have 64 characters or less.'],
    ['one of the most common passwords, in any case', 'QWERTYUIOP', 'This password is too common. Choose a less predictable one.'],
  ])('answers a newPassword of %s with 422/901 and writes nothing', async (_, newPassword, message) => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    const response = await passwordChange(customer, validChange(customer, newPassword));

    expect(await readFieldErrors(response)).toEqual({ newPassword: message });
    expect(await row(customer)).toEqual(before);
    expect(await passwordChangedEmails(customer)).toEqual([]);
  });

  it.each<[string, string]>([
    // ('abcdefgh' itself is one of the most common passwords.)
    ['8 characters', 'abcdefgz'],
    ['8 code points of 2 UTF-16 units each', '😀'.repeat(8)],
    ['8 code points after NFC (12 before)', 'e\u0301'.repeat(4) + 'abcd'],
    ['64 characters', 'x'.repeat(64)],
    ['64 code points of 2 UTF-16 units each (128 units)', '😀'.repeat(64)],
  ])('accepts a newPassword of %s, and it signs in afterwards', async (_, newPassword) => {
    const customer = await createSignedInCustomer();

    const response = await passwordChange(customer, validChange(customer, newPassword));

    expect(response.status).toBe(204);
    await expectSignInWorks(customer.email, newPassword);
  });

  it('hashes the NFC form: a password set in decomposed form signs in when typed composed', async () => {
    const customer = await createSignedInCustomer();
    const decomposed = 'Cafe\u0301-au-lait';

    expect((await passwordChange(customer, validChange(customer, decomposed))).status).toBe(204);

    await expectSignInWorks(customer.email, decomposed.normalize('NFC'));
  });

  it('answers missing fields with "This field is missing." for each, all at once', async () => {
    const customer = await createSignedInCustomer();

    const response = await passwordChange(customer, {});

    expect(await readFieldErrors(response)).toEqual({
      password: 'This field is missing.',
      newPassword: 'This field is missing.',
      confirmPassword: 'This field is missing.',
    });
  });

  it('answers blank fields with "This value should not be blank." for each', async () => {
    const customer = await createSignedInCustomer();

    const response = await passwordChange(customer, { password: '', newPassword: '', confirmPassword: '' });

    expect(await readFieldErrors(response)).toEqual({
      password: 'This value should not be blank.',
      newPassword: 'This value should not be blank.',
      confirmPassword: 'This value should not be blank.',
    });
  });
});

describe('PATCH /customer-password: order of checks (901 → 411 → 406 → 408)', () => {
  it("answers a too short newPassword for another customer's reference with 422/901", async () => {
    const caller = await createSignedInCustomer();
    const other = await createCustomer();

    const response = await viaReference(
      other.reference,
      document('customer-password', { password: caller.password, newPassword: 'short', confirmPassword: 'short' }),
      bearer(caller.accessToken),
    );

    expect(await readFieldErrors(response)).toEqual({ newPassword: 'This value is too short. It should have 8 characters or more.' });
  });

  it("answers a mismatch for another customer's reference with 403/411", async () => {
    const caller = await createSignedInCustomer();
    const other = await createCustomer();

    const response = await viaReference(
      other.reference,
      document('customer-password', { ...validChange(caller), confirmPassword: 'something-else-1' }),
      bearer(caller.accessToken),
    );

    expect(response.status).toBe(403);
    expect(await readErrors(response)).toEqual([FORBIDDEN]);
  });

  it('answers a mismatch together with a wrong current password with 422/406', async () => {
    const customer = await createSignedInCustomer();

    const response = await passwordChange(customer, { password: 'wrong-password-1', newPassword: NEW_PASSWORD, confirmPassword: 'other-password-1' });

    expect(response.status).toBe(422);
    expect(await readError(response)).toMatchObject(MISMATCH);
  });
});

describe('PATCH /customer-password/{customerReference}: ownership and authentication', () => {
  it("answers another customer's reference and a non-existent one with identical 403/411 bodies and changes nobody's password", async () => {
    const caller = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const callerBefore = await row(caller);
    const otherBefore = await row(other);

    const responses = [];
    for (const reference of [other.reference, 'DE--999999999', 'XX--1']) {
      // The other customer's real current password: even that must not help.
      responses.push(await viaReference(reference, document('customer-password', validChange(other)), bearer(caller.accessToken)));
    }

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403]);
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual({ errors: [FORBIDDEN] });
    expect(await row(other)).toEqual(otherBefore);
    expect(await row(caller)).toEqual(callerBefore);
    await expectStillSignedIn(other.accessToken, other);
    expect(await passwordChangedEmails(other)).toEqual([]);
    await expectSignInWorks(other.email, other.password);
  });

  it.each(routes)('%s answers 403/002 without a token and 401/001 with a bad one; nothing changes', async (_, send) => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);
    const body = document('customer-password', validChange(customer));

    await expectMissingAccessToken(await send(customer, body));
    await expectInvalidAccessToken(await send(customer, body, bearer(`${customer.accessToken}x`)));

    expect(await row(customer)).toEqual(before);
  });

  it.each<[string, (c: SignedInCustomer) => Promise<Response>, number, string | undefined]>([
    [
      'Content-Type text/plain',
      (c) =>
        viaPlainPath(c, JSON.stringify(document('customer-password', validChange(c))), {
          ...bearer(c.accessToken),
          'Content-Type': 'text/plain',
        }),
      415,
      undefined,
    ],
    ['another resource type', (c) => viaPlainPath(c, document('customers', validChange(c)), bearer(c.accessToken)), 400, 'Invalid type.'],
    ['malformed JSON', (c) => viaPlainPath(c, '{"data":', bearer(c.accessToken)), 400, 'Post data is invalid.'],
  ])('answers %s with its status and no code', async (_, send, status, detail) => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    const response = await send(customer);

    expect(response.status).toBe(status);
    const [error] = await readErrors(response);
    expect(error).not.toHaveProperty('code');
    if (detail) expect(error!.detail).toBe(detail);
    expect(await row(customer)).toEqual(before);
  });
});

describe('PATCH /customer-password: no secrets in responses', () => {
  it('never shows a hash, a password or a token, in success or error answers', async () => {
    const customer = await createSignedInCustomer();
    const attempts: Attributes[] = [
      { password: 'wrong-password-1', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { password: customer.password, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` },
      { password: customer.password, newPassword: 'short', confirmPassword: 'short' },
      validChange(customer),
    ];
    const hashBefore = (await row(customer)).passwordHash!;

    const texts: string[] = [];
    for (const attributes of attempts) texts.push(await (await passwordChange(customer, attributes)).text());

    expect(texts.at(-1)).toBe('');
    const hashAfter = (await row(customer)).passwordHash!;
    for (const text of texts) {
      for (const secret of ['argon2', hashBefore, hashAfter, customer.password, NEW_PASSWORD, customer.accessToken, customer.refreshToken]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe('changePassword (the browser form)', () => {
  it("keeps the actor's session and ends every other session and every token family", async () => {
    const customer = await createSignedInCustomer();
    const kept = await startBrowserSession(customer.id);
    const ended = await startBrowserSession(customer.id);
    const principal = principalOf(customer, { sessionId: kept });

    await changePassword(principal, customer.id, validChange(customer));

    expect(await resolveBrowserSession(kept)).toMatchObject({ customerId: customer.id, sessionId: kept });
    expect(await resolveBrowserSession(ended)).toBeNull();
    await expectInvalidAccessToken(await listCustomers(customer.accessToken));
    await expectRefreshFails(customer.refreshToken);
    const families = await db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, customer.id));
    for (const family of families) expect(family.revokedAt).not.toBeNull();
    const [keptRow] = await db().select().from(sessions).where(eq(sessions.id, kept));
    expect(keptRow!.revokedAt).toBeNull();
    expect(await passwordChangedEmails(customer)).toHaveLength(1);
  });

  it('throws invalidPassword for a wrong current password and ends no session', async () => {
    const customer = await createSignedInCustomer();
    const kept = await startBrowserSession(customer.id);
    const other = await startBrowserSession(customer.id);
    const before = await row(customer);
    const outboxBefore = await db().$count(emailOutbox);

    const error = await domainErrorOf(
      changePassword(principalOf(customer, { sessionId: kept }), customer.id, {
        ...validChange(customer),
        password: 'wrong-password-1',
      }),
    );

    expect(error.code).toBe('invalidPassword');
    expect(await row(customer)).toEqual(before);
    expect(await resolveBrowserSession(other)).not.toBeNull();
    await expectStillSignedIn(customer.accessToken, customer);
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
  });
});
