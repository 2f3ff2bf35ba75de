import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { isResetKeyValid, requestPasswordReset } from '@/app/_domain/passwords/reset';
import { hashSecretKey } from '@/app/_domain/shared/secrets';
import { PATCH as patchRestorePassword } from '@/app/(storefront-api)/customer-restore-password/route';
import {
  bearer,
  callRoute,
  createCustomer,
  createSignedInCustomer,
  document,
  emailsOfKind,
  emailsTo,
  expectInvalidAccessToken,
  jsonApiRequest,
  latestResetKey,
  linkKey,
  readError,
  readErrors,
  readFieldErrors,
  RESET_LINK_PATH,
  uniqueEmail,
  uniqueIp,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customerKeys, customers, emailOutbox, type CustomerRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { GET, POST } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const RESET_LINK = `${APP_URL}${RESET_LINK_PATH}?key=`;
const HOUR_MS = 60 * 60 * 1000;
const TOO_MANY = { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' };
const KEY_INVALID = { status: 422, code: '415', detail: 'Restore password key is not valid.' };
const NEW_PASSWORD = 'a-brand-new-password-1';

afterEach(() => {
  vi.unstubAllEnvs();
});

function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/customer-forgotten-password', body, { headers }));
}

/** POST /customer-forgotten-password from a client IP of its own (unless `headers` names one). */
function forgot(attributes: Record<string, unknown>, headers: TestHeaders = {}): Promise<Response> {
  return post(document('customer-forgotten-password', attributes), { 'X-Forwarded-For': uniqueIp(), ...headers });
}

function fromIp(ip: string): TestHeaders {
  return { 'X-Forwarded-For': ip };
}

function restore(attributes: Record<string, unknown>): Promise<Response> {
  return callRoute(patchRestorePassword, jsonApiRequest('/customer-restore-password', document('customer-restore-password', attributes), { method: 'PATCH' }));
}

function restoreWith(key: string, password = NEW_PASSWORD): Promise<Response> {
  return restore({ restorePasswordKey: key, password, confirmPassword: password });
}

function resetEmails(address: string) {
  return emailsOfKind(address, 'reset-password');
}

async function row(customer: TestCustomer): Promise<CustomerRow> {
  const [found] = await db().select().from(customers).where(eq(customers.id, customer.id));
  if (!found) throw new Error(`no customer ${customer.id}`);
  return found;
}

async function resetKeyRows(customer: TestCustomer) {
  return db()
    .select()
    .from(customerKeys)
    .where(eq(customerKeys.customerId, customer.id))
    .then((rows) => rows.filter((r) => r.purpose === 'reset_password'));
}

async function expectNoContent(response: Response): Promise<void> {
  if (response.status !== 204) throw new Error(`expected 204, got ${response.status}: ${await response.text()}`);
  expect(await response.text()).toBe('');
}

/** Checks a 429/4401 answer with a Retry-After within the hour-long window. */
async function expectTooMany(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(3600);
  expect(await readErrors(response)).toEqual([TOO_MANY]);
}

/** Status, headers and body of a response, for byte-for-byte comparisons. */
async function snapshot(response: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return { status: response.status, headers: [...response.headers].sort(), body: await response.text() };
}

describe('POST /customer-forgotten-password: success', () => {
  it('answers 204 with an empty body for a registered address', async () => {
    const customer = await createCustomer();

    const response = await forgot({ email: customer.email });

    await expectNoContent(response);
  });

  it('answers 204 with an empty body for an address nobody registered', async () => {
    await expectNoContent(await forgot({ email: uniqueEmail('nobody') }));
  });

  it('answers a registered and an unknown address byte-identically: status, headers and body', async () => {
    const customer = await createCustomer();
    const ip = uniqueIp();

    const known = await snapshot(await forgot({ email: customer.email }, fromIp(ip)));
    const unknown = await snapshot(await forgot({ email: uniqueEmail('nobody') }, fromIp(ip)));

    expect(known.status).toBe(204);
    expect(unknown).toEqual(known);
    // What a 204 must (not) carry: no body, no content type, not cacheable.
    expect(known.body).toBe('');
    expect(known.headers.find(([name]) => name === 'content-type')).toBeUndefined();
    expect(known.headers.find(([name]) => name === 'cache-control')?.[1]).toBe('no-store');
  });

  it("queues exactly one 'reset-password' email to a registered address, with the APP_URL link in text and HTML", async () => {
    const customer = await createCustomer();

    await forgot({ email: customer.email });

    const messages = await emailsTo(customer.email);
    const resets = messages.filter((m) => m.kind === 'reset-password');
    expect(resets).toHaveLength(1);
    const [message] = resets;
    expect(message!.subject).toBe('Reset your password');
    expect(message!.toAddress.toLowerCase()).toBe(customer.email.toLowerCase());
    expect(message!.customerId).toBe(customer.id);
    expect(message!.textBody).toContain(RESET_LINK);
    expect(message!.htmlBody).toContain(RESET_LINK);
    // Text and HTML carry the same key, and it is the one that works at PATCH /customer-restore-password.
    const key = linkKey(message!.textBody, RESET_LINK_PATH);
    expect(key).not.toBeNull();
    expect(linkKey(message!.htmlBody, RESET_LINK_PATH)).toBe(key);
    expect(message!.textBody).not.toContain(customer.password);
    expect(await isResetKeyValid(key!)).toBe(true);
  });

  it('queues no email at all for an address nobody registered', async () => {
    const email = uniqueEmail('nobody');
    const outboxBefore = await db().$count(emailOutbox);

    await expectNoContent(await forgot({ email }));

    expect(await emailsTo(email)).toEqual([]);
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
  });

  it('finds the account whatever the case and surrounding spaces of the submitted address', async () => {
    const customer = await createCustomer();

    await expectNoContent(await forgot({ email: `  ${customer.email.toUpperCase()} ` }));

    expect(await resetEmails(customer.email)).toHaveLength(1);
  });

  it('builds the link from APP_URL, not from forged Host and X-Forwarded-Host headers', async () => {
    const customer = await createCustomer();

    const response = await forgot(
      { email: customer.email },
      { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' },
    );

    await expectNoContent(response);
    const [message] = await resetEmails(customer.email);
    for (const part of [message!.textBody, message!.htmlBody]) {
      expect(part).toContain(RESET_LINK);
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('internal.test');
      expect(part).not.toContain('http://');
    }
  });

  it('follows APP_URL when it is configured otherwise', async () => {
    vi.stubEnv('APP_URL', 'https://other-shop.example.test/');
    const customer = await createCustomer();

    await expectNoContent(await forgot({ email: customer.email }, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' }));

    const [message] = await resetEmails(customer.email);
    expect(message!.textBody).toContain(`https://other-shop.example.test${RESET_LINK_PATH}?key=`);
    expect(message!.htmlBody).toContain(`https://other-shop.example.test${RESET_LINK_PATH}?key=`);
    expect(message!.textBody).not.toContain('evil.example');
  });

  it('sets password_reset_requested_at on the customer to the time of the request', async () => {
    const customer = await createCustomer();
    expect((await row(customer)).passwordResetRequestedAt).toBeNull();
    const before = Date.now();

    await expectNoContent(await forgot({ email: customer.email }));

    const requestedAt = (await row(customer)).passwordResetRequestedAt;
    expect(requestedAt).toBeInstanceOf(Date);
    expect(requestedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(requestedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('leaves the password and the sign-in as they were (a request alone changes nothing)', async () => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    await expectNoContent(await forgot({ email: customer.email }));

    const after = await row(customer);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.confirmedAt).toEqual(before.confirmedAt);
  });

  it('stores the key only as its SHA-256, valid for exactly 1 hour, with at least 128 bits of randomness', async () => {
    const customer = await createCustomer();
    const now = new Date(Date.now() - 60_000);

    await requestPasswordReset({ email: customer.email }, { clientIp: uniqueIp(), now });

    const key = await latestResetKey(customer.email);
    // base64url: 6 bits per character, so ≥ 22 characters for 128 bits.
    expect(key).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const keys = await resetKeyRows(customer);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.keyHash).toBe(hashSecretKey(key));
    expect(keys[0]!.keyHash).not.toContain(key);
    expect(keys[0]!.expiresAt.getTime()).toBe(now.getTime() + HOUR_MS);

    // Another request gets a fresh key, not the same one again.
    await requestPasswordReset({ email: customer.email }, { clientIp: uniqueIp(), now });
    expect(await latestResetKey(customer.email)).not.toBe(key);
  });

  it('invalidates the first key with a second request: the first key then fails at restore with 415, the second works', async () => {
    const customer = await createCustomer();
    await expectNoContent(await forgot({ email: customer.email }));
    const first = await latestResetKey(customer.email);
    await expectNoContent(await forgot({ email: customer.email }));
    const second = await latestResetKey(customer.email);
    expect(second).not.toBe(first);
    expect(await resetEmails(customer.email)).toHaveLength(2);
    expect(await resetKeyRows(customer)).toHaveLength(1);

    const refused = await restoreWith(first);
    expect(refused.status).toBe(422);
    expect(await readError(refused)).toMatchObject(KEY_INVALID);

    await expectNoContent(await restoreWith(second));
  });

  it("sends nothing to an anonymized customer's old address", async () => {
    const customer = await createSignedInCustomer();
    await anonymizeCustomer(principalOf(customer, { familyId: customer.familyId }), customer.id);
    const outboxBefore = await db().$count(emailOutbox);

    await expectNoContent(await forgot({ email: customer.email }));

    expect(await emailsTo(customer.email)).toEqual([]);
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
    expect(await resetKeyRows(customer)).toEqual([]);
  });

  it('sends nothing for an anonymized row that still holds its address, and answers as for anyone else', async () => {
    const customer = await createCustomer();
    await db().update(customers).set({ anonymizedAt: new Date() }).where(eq(customers.id, customer.id));
    const ip = uniqueIp();

    const anonymized = await snapshot(await forgot({ email: customer.email }, fromIp(ip)));
    const unknown = await snapshot(await forgot({ email: uniqueEmail('nobody') }, fromIp(ip)));

    expect(anonymized.status).toBe(204);
    expect(anonymized).toEqual(unknown);
    expect(await resetEmails(customer.email)).toEqual([]);
    expect(await resetKeyRows(customer)).toEqual([]);
  });

  it('requestPasswordReset resolves without writing a key or an email for an unknown address', async () => {
    const outboxBefore = await db().$count(emailOutbox);
    const keysBefore = await db().$count(customerKeys);

    await expect(requestPasswordReset({ email: uniqueEmail('nobody') }, { clientIp: uniqueIp() })).resolves.toBeUndefined();

    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
    expect(await db().$count(customerKeys)).toBe(keysBefore);
  });

});

describe('POST /customer-forgotten-password: validation (422/901)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a missing email', {}, 'This field is missing.'],
    ['an empty email', { email: '' }, 'This value should not be blank.'],
    ['a blank email', { email: '   ' }, 'This value should not be blank.'],
    ['a null email', { email: null }, 'This value should not be blank.'],
    ['an email without @', { email: 'not-an-email' }, 'This value is not a valid email address.'],
    ['an email without domain', { email: 'ada@' }, 'This value is not a valid email address.'],
    ['an email with spaces inside', { email: 'ada lovelace@example.com' }, 'This value is not a valid email address.'],
    ['an email of 101 characters', { email: `${'a'.repeat(89)}@example.com` }, 'This value is too long. It should have 100 characters or less.'],
  ])('answers %s with 422/901 "email => …" and Glue\'s text; no email is queued', async (_, attributes, message) => {
    const outboxBefore = await db().$count(emailOutbox);

    const response = await forgot(attributes);

    expect(await readFieldErrors(response)).toEqual({ email: message });
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
  });

  it('ignores unknown attributes', async () => {
    const customer = await createCustomer();

    await expectNoContent(await forgot({ email: customer.email, password: 'x', customerReference: 'DE--1' }));

    expect(await resetEmails(customer.email)).toHaveLength(1);
  });
});

describe('POST /customer-forgotten-password: request format', () => {
  it.each<[string, (email: string) => Promise<Response>, number, string | undefined]>([
    [
      'Content-Type text/plain',
      (email) => post(JSON.stringify(document('customer-forgotten-password', { email })), { 'Content-Type': 'text/plain' }),
      415,
      undefined,
    ],
    [
      'no Content-Type',
      (email) => post(JSON.stringify(document('customer-forgotten-password', { email })), { 'Content-Type': null }),
      415,
      undefined,
    ],
    [
      'a form post',
      (email) => post(`email=${encodeURIComponent(email)}`, { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      undefined,
    ],
    ['another resource type', (email) => post(document('customers', { email })), 400, 'Invalid type.'],
    ['malformed JSON', () => post('{"data":'), 400, 'Post data is invalid.'],
    ['a document without data', (email) => post({ email }), 400, 'Post data is invalid.'],
    ['data without attributes', () => post({ data: { type: 'customer-forgotten-password' } }), 400, 'Post data is invalid.'],
    [
      'a body over 64 KiB',
      (email) => post(document('customer-forgotten-password', { email, padding: 'x'.repeat(65 * 1024) })),
      413,
      undefined,
    ],
  ])('answers %s with its status and no code, and sends no email', async (_, send, status, detail) => {
    const customer = await createCustomer();

    const response = await send(customer.email);

    expect(response.status).toBe(status);
    const error = await readError(response);
    expect(error).not.toHaveProperty('code');
    if (detail) expect(error.detail).toBe(detail);
    expect(await resetEmails(customer.email)).toEqual([]);
    expect((await row(customer)).passwordResetRequestedAt).toBeNull();
  });

  it('accepts Content-Type application/json as well', async () => {
    const customer = await createCustomer();

    await expectNoContent(await forgot({ email: customer.email }, { 'Content-Type': 'application/json' }));

    expect(await resetEmails(customer.email)).toHaveLength(1);
  });

  it('answers a bad Bearer token on this public endpoint with 401/001 and sends no email', async () => {
    const customer = await createCustomer();

    await expectInvalidAccessToken(await forgot({ email: customer.email }, bearer('not-a-token')));

    expect(await resetEmails(customer.email)).toEqual([]);
  });

  it('answers GET with a JSON:API 405 and an Allow header naming POST', async () => {
    const response = await callRoute(GET, jsonApiRequest('/customer-forgotten-password', undefined, { method: 'GET' }));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    await readError(response);
  });
});

describe('POST /customer-forgotten-password: rate limit per address (RATE_LIMIT_EMAILS_PER_ADDRESS=2)', () => {
  it.each([
    ['an existing', async () => (await createCustomer()).email],
    ['a non-existing', async () => uniqueEmail('nobody')],
  ])('answers the 3rd request for %s address with 429/4401 and Retry-After, whatever the client IP', async (_, address) => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const email = await address();

    await expectNoContent(await forgot({ email }, fromIp(uniqueIp())));
    await expectNoContent(await forgot({ email }, fromIp(uniqueIp())));

    await expectTooMany(await forgot({ email }, fromIp(uniqueIp())));
  });

  it('queues no email with the refused request and keeps the last key working', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const customer = await createCustomer();
    await forgot({ email: customer.email });
    await forgot({ email: customer.email });
    const key = await latestResetKey(customer.email);

    await expectTooMany(await forgot({ email: customer.email }));

    expect(await resetEmails(customer.email)).toHaveLength(2);
    expect(await isResetKeyValid(key)).toBe(true);
  });

  it('answers an existing and a non-existing address with byte-identical 429s', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const existing = (await createCustomer()).email;
    const unknown = uniqueEmail('nobody');
    for (const email of [existing, unknown]) {
      for (let i = 0; i < 2; i += 1) await expectNoContent(await forgot({ email }));
    }

    const responses = [await forgot({ email: existing }), await forgot({ email: unknown })];

    expect(responses.map((r) => r.status)).toEqual([429, 429]);
    const [a, b] = await Promise.all(responses.map((r) => r.text()));
    expect(a).toBe(b);
  });

  it('counts the submitted address trimmed and lower-cased', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const customer = await createCustomer();

    await expectNoContent(await forgot({ email: customer.email.toUpperCase() }));
    await expectNoContent(await forgot({ email: `  ${customer.email} ` }));

    await expectTooMany(await forgot({ email: customer.email }));
  });

  it('keeps other addresses usable while one is limited', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const limited = uniqueEmail('nobody');
    const other = await createCustomer();
    const ip = uniqueIp();
    for (let i = 0; i < 2; i += 1) await forgot({ email: limited }, fromIp(ip));
    await expectTooMany(await forgot({ email: limited }, fromIp(ip)));

    await expectNoContent(await forgot({ email: other.email }, fromIp(ip)));

    expect(await resetEmails(other.email)).toHaveLength(1);
  });

  it('opens the address again once the hour-long window has passed (injected clock)', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const customer = await createCustomer();
    const start = new Date();
    const at = (ms: number) => ({ clientIp: uniqueIp(), now: new Date(start.getTime() + ms) });
    await requestPasswordReset({ email: customer.email }, at(0));
    await requestPasswordReset({ email: customer.email }, at(1000));

    const error = await requestPasswordReset({ email: customer.email }, at(HOUR_MS - 1000)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'rateLimited', retryAfterSeconds: 1 });

    await expect(requestPasswordReset({ email: customer.email }, at(HOUR_MS))).resolves.toBeUndefined();
    expect(await resetEmails(customer.email)).toHaveLength(3);
  });
});

describe('POST /customer-forgotten-password: rate limit per client IP (RATE_LIMIT_EMAILS_PER_IP=2)', () => {
  it('answers the 3rd request from one X-Forwarded-For IP with 429/4401 across different addresses; another IP is fine', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_IP', '2');
    const ip = uniqueIp();
    const third = await createCustomer();

    await expectNoContent(await forgot({ email: (await createCustomer()).email }, fromIp(ip)));
    await expectNoContent(await forgot({ email: uniqueEmail('nobody') }, fromIp(ip)));

    await expectTooMany(await forgot({ email: third.email }, fromIp(ip)));
    expect(await resetEmails(third.email)).toEqual([]);

    await expectNoContent(await forgot({ email: third.email }, fromIp(uniqueIp())));
    expect(await resetEmails(third.email)).toHaveLength(1);
  });

  it('checks the request format before the rate limit', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_IP', '1');
    const ip = uniqueIp();
    await expectNoContent(await forgot({ email: uniqueEmail('nobody') }, fromIp(ip)));

    expect((await post('{"data":', fromIp(ip))).status).toBe(400);
    expect((await post(document('customer-forgotten-password', { email: uniqueEmail() }), { ...fromIp(ip), 'Content-Type': 'text/plain' })).status).toBe(415);
    await expectTooMany(await forgot({ email: 'not-an-email' }, fromIp(ip)));
  });
});
