import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { verifyPassword } from '@/app/_domain/passwords/hashing';
import { isResetKeyValid, requestPasswordReset, resetPassword } from '@/app/_domain/passwords/reset';
import { POST as postAccessTokens } from '@/app/(storefront-api)/access-tokens/route';
import { POST as postForgottenPassword } from '@/app/(storefront-api)/customer-forgotten-password/route';
import { GET as getCustomers } from '@/app/(storefront-api)/customers/route';
import { POST as postRefreshTokens } from '@/app/(storefront-api)/refresh-tokens/route';
import {
  bearer,
  callRoute,
  createCustomer,
  createSignedInCustomer,
  document,
  domainErrorOf,
  emailsOfKind,
  emailsTo,
  expectInvalidAccessToken,
  issueTokens,
  jsonApiRequest,
  latestResetKey,
  linkKey,
  readError,
  readErrors,
  readFieldErrors,
  readJsonApi,
  requestResetKey,
  uniqueIp,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customerKeys, customers, emailOutbox, tokenFamilies, type CustomerRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { PATCH as patchWithId } from './[id]/route';
import { GET, PATCH } from './route';

/**
 * A pass-through of password hashing (argon2id as in production) with a gate for the concurrency
 * tests: while `gate.expected` is set, every finished hash waits until that many are finished, so
 * the racing requests reach the database at the same moment instead of one hash-time apart.
 */
const gate = vi.hoisted(() => ({ expected: 0, waiting: [] as (() => void)[] }));
vi.mock('@/app/_domain/passwords/hashing', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/app/_domain/passwords/hashing')>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      const hash = await original.hashPassword(password);
      if (gate.expected > 0) {
        await new Promise<void>((resolve) => {
          gate.waiting.push(resolve);
          if (gate.waiting.length >= gate.expected) {
            gate.expected = 0;
            for (const release of gate.waiting.splice(0)) release();
          }
        });
      }
      return hash;
    },
  };
});

/** Makes the next `count` password hashes finish together (see the mock above). */
function hashTogether(count: number): void {
  gate.waiting.length = 0;
  gate.expected = count;
}

const database = setupTestDatabase();
const db = () => database.handle().db;

const HOUR_MS = 60 * 60 * 1000;
const NEW_PASSWORD = 'a-brand-new-password-1';
const KEY_INVALID = {
  status: 422,
  code: '415',
  detail: 'Restore password key is not valid.',
  source: { pointer: '/data/attributes/restorePasswordKey' },
};
const MISMATCH = {
  status: 422,
  code: '406',
  detail: 'Value in field password should be identical to value in the confirmPassword field.',
};
const FAILED_SIGN_IN = { status: 401, code: '003', detail: 'Failed to authenticate user.' };
const FAILED_REFRESH = { status: 401, code: '004', detail: 'Failed to refresh token.' };
const TOO_MANY = { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' };

afterEach(() => {
  vi.unstubAllEnvs();
  gate.expected = 0;
});

type Attributes = Record<string, unknown>;
type Send = (body: unknown, headers?: TestHeaders) => Promise<Response>;

const viaPlainPath: Send = (body, headers = {}) =>
  callRoute(PATCH, jsonApiRequest('/customer-restore-password', body, { method: 'PATCH', headers }));

function viaId(id: string): Send {
  return (body, headers = {}) =>
    callRoute(patchWithId, jsonApiRequest(`/customer-restore-password/${id}`, body, { method: 'PATCH', headers }), { id });
}

const routes: [string, Send][] = [
  ['PATCH /customer-restore-password', viaPlainPath],
  ['PATCH /customer-restore-password/mine', viaId('mine')],
  ['PATCH /customer-restore-password/1', viaId('1')],
];

function restore(attributes: Attributes, send: Send = viaPlainPath): Promise<Response> {
  return send(document('customer-restore-password', attributes));
}

function validReset(key: string, password = NEW_PASSWORD): Attributes {
  return { restorePasswordKey: key, password, confirmPassword: password };
}

/** The same reset in the domain's names (`key` is Glue's `restorePasswordKey`). */
function domainReset(key: string, password = NEW_PASSWORD): Attributes {
  return { key, password, confirmPassword: password };
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

async function expectNoContent(response: Response): Promise<void> {
  if (response.status !== 204) throw new Error(`expected 204, got ${response.status}: ${await response.text()}`);
  expect(await response.text()).toBe('');
}

async function expectKeyInvalid(response: Response): Promise<void> {
  expect(response.status).toBe(422);
  expect(await readErrors(response)).toEqual([KEY_INVALID]);
}

async function expectSignInFails(email: string, password: string): Promise<void> {
  const response = await signIn(email, password);
  expect(response.status).toBe(401);
  expect(await readErrors(response)).toEqual([FAILED_SIGN_IN]);
}

async function expectSignInWorks(email: string, password: string): Promise<void> {
  const response = await signIn(email, password);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  const body = await readJsonApi<{ data: { type: string; attributes: { accessToken: string } } }>(response);
  expect(body.data.type).toBe('access-tokens');
  expect(body.data.attributes.accessToken).toEqual(expect.any(String));
}

async function expectRefreshFails(refreshToken: string): Promise<void> {
  const response = await refresh(refreshToken);
  expect(response.status).toBe(401);
  expect(await readErrors(response)).toEqual([FAILED_REFRESH]);
}

function passwordChangedEmails(customer: TestCustomer) {
  return emailsOfKind(customer.email, 'password-changed');
}

/** A confirmed customer and the key of a reset link requested just now. */
async function customerWithKey(options: { confirmed?: boolean } = {}): Promise<TestCustomer & { key: string }> {
  const customer = await createCustomer(options);
  return { ...customer, key: await requestResetKey(customer.email) };
}

/** What must hold after a refused request: the customer row as before, no notice, the key still live. */
async function expectNothingUsedUp(customer: TestCustomer & { key: string }, before: CustomerRow): Promise<void> {
  expect(await row(customer)).toEqual(before);
  expect(await passwordChangedEmails(customer)).toEqual([]);
  expect(await isResetKeyValid(customer.key)).toBe(true);
  await expectSignInWorks(customer.email, customer.password);
}

describe.each(routes)('%s', (_, send) => {
  it('answers 204 with an empty body; the new password then signs in at POST /access-tokens and the old one fails with 401/003', async () => {
    const customer = await customerWithKey();

    await expectNoContent(await restore(validReset(customer.key), send));

    await expectSignInWorks(customer.email, NEW_PASSWORD);
    await expectSignInFails(customer.email, customer.password);
  });

  it('answers a second use of the key with 422/415 "Restore password key is not valid." and keeps the first new password', async () => {
    const customer = await customerWithKey();
    await expectNoContent(await restore(validReset(customer.key), send));
    const hashAfterFirst = (await row(customer)).passwordHash;

    await expectKeyInvalid(await restore(validReset(customer.key, 'yet-another-password-2'), send));

    expect((await row(customer)).passwordHash).toBe(hashAfterFirst);
    await expectSignInWorks(customer.email, NEW_PASSWORD);
    await expectSignInFails(customer.email, 'yet-another-password-2');
  });

  it('answers an unknown key with 422/415 and changes nothing', async () => {
    const customer = await customerWithKey();
    const before = await row(customer);

    await expectKeyInvalid(await restore(validReset(`${customer.key}x`), send));
    await expectKeyInvalid(await restore(validReset('not-a-key'), send));

    await expectNothingUsedUp(customer, before);
  });

  it('answers password ≠ confirmPassword with 422/406 and does not use up the key', async () => {
    const customer = await customerWithKey();
    const before = await row(customer);

    const response = await restore({ ...validReset(customer.key), confirmPassword: `${NEW_PASSWORD}x` }, send);

    expect(response.status).toBe(422);
    expect(await readError(response)).toMatchObject(MISMATCH);
    await expectNothingUsedUp(customer, before);
    await expectNoContent(await restore(validReset(customer.key), send));
    await expectSignInWorks(customer.email, NEW_PASSWORD);
  });

  it('answers Content-Type text/plain with 415 and no code, and does not use up the key', async () => {
    const customer = await customerWithKey();
    const before = await row(customer);

    const response = await send(JSON.stringify(document('customer-restore-password', validReset(customer.key))), {
      'Content-Type': 'text/plain',
    });

    expect(response.status).toBe(415);
    expect(await readError(response)).not.toHaveProperty('code');
    await expectNothingUsedUp(customer, before);
  });
});

describe('PATCH /customer-restore-password: the stored password', () => {
  it('stores an argon2id hash with m=19456, t=2, p=1 (type argon2id) that verifies the new password only', async () => {
    const customer = await customerWithKey();

    await expectNoContent(await restore(validReset(customer.key)));

    const after = await row(customer);
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(after.passwordHashType).toBe('argon2id');
    expect(after.passwordHash).not.toContain(NEW_PASSWORD);
    expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash!, customer.password)).toBe(false);
  });

  it('hashes the NFC form: a password set in decomposed form signs in when typed composed', async () => {
    const customer = await customerWithKey();
    const decomposed = 'Cafe\u0301-au-lait';

    await expectNoContent(await restore(validReset(customer.key, decomposed)));

    await expectSignInWorks(customer.email, decomposed.normalize('NFC'));
  });

  it('does not sign the shopper in: no body, no cookie, no new token family', async () => {
    const customer = await customerWithKey();

    const response = await restore(validReset(customer.key));

    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('');
    expect(await db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, customer.id))).toEqual([]);
  });

  it('uses the key that came in the email of POST /customer-forgotten-password', async () => {
    const customer = await createCustomer();
    const forgotten = await callRoute(
      postForgottenPassword,
      jsonApiRequest('/customer-forgotten-password', document('customer-forgotten-password', { email: customer.email })),
    );
    expect(forgotten.status).toBe(204);

    await expectNoContent(await restore(validReset(await latestResetKey(customer.email))));

    await expectSignInWorks(customer.email, NEW_PASSWORD);
  });
});

describe('PATCH /customer-restore-password: keys that are not valid (422/415)', () => {
  it('refuses a registration confirmation key (another purpose) and leaves it usable for confirmation', async () => {
    const customer = await createCustomer({ confirmed: false });
    const [confirmation] = await emailsOfKind(customer.email, 'confirm-registration');
    const registrationKey = linkKey(confirmation!.textBody, '/register/confirm');
    expect(registrationKey).not.toBeNull();
    const before = await row(customer);

    await expectKeyInvalid(await restore(validReset(registrationKey!)));

    expect(await row(customer)).toEqual(before);
    expect(await db().$count(customerKeys, eq(customerKeys.customerId, customer.id))).toBe(1);
  });

  it('refuses the key of a customer anonymized after the request', async () => {
    const customer = await createSignedInCustomer();
    const key = await requestResetKey(customer.email);
    await anonymizeCustomer(principalOf(customer, { familyId: customer.familyId }), customer.id);

    await expectKeyInvalid(await restore(validReset(key)));

    const after = await row(customer);
    expect(after.passwordHash).toBeNull();
    expect(after.anonymizedAt).not.toBeNull();
  });

  it('refuses an expired key at the route with 415 too (deliberate: Glue says 400/407)', async () => {
    const customer = await createCustomer();
    const key = await requestResetKey(customer.email, { now: new Date(Date.now() - HOUR_MS - 1000) });
    const before = await row(customer);

    await expectKeyInvalid(await restore(validReset(key)));

    expect(await row(customer)).toEqual(before);
    expect(await passwordChangedEmails(customer)).toEqual([]);
  });

  it('refuses a key superseded by a newer request and takes the newer one', async () => {
    const customer = await createCustomer();
    const first = await requestResetKey(customer.email);
    const second = await requestResetKey(customer.email);

    await expectKeyInvalid(await restore(validReset(first)));
    await expectNoContent(await restore(validReset(second)));
  });
});

describe('PATCH /customer-restore-password: expiry (injected clock)', () => {
  it('throws resetKeyInvalid from resetPassword 1 h + 1 s after the request and changes nothing', async () => {
    const customer = await createCustomer();
    const requestedAt = new Date();
    await requestPasswordReset({ email: customer.email }, { clientIp: uniqueIp(), now: requestedAt });
    const key = await latestResetKey(customer.email);
    const before = await row(customer);

    const error = await domainErrorOf(resetPassword(domainReset(key), { now: new Date(requestedAt.getTime() + HOUR_MS + 1000) }));

    expect(error.code).toBe('resetKeyInvalid');
    expect(await row(customer)).toEqual(before);
    expect(await passwordChangedEmails(customer)).toEqual([]);
    await expectSignInWorks(customer.email, customer.password);
  });

  it('sets the password with resetPassword just before the hour is over', async () => {
    const customer = await createCustomer();
    const requestedAt = new Date();
    await requestPasswordReset({ email: customer.email }, { clientIp: uniqueIp(), now: requestedAt });
    const key = await latestResetKey(customer.email);

    await resetPassword(domainReset(key), { now: new Date(requestedAt.getTime() + HOUR_MS - 1000) });

    await expectSignInWorks(customer.email, NEW_PASSWORD);
    expect(await passwordChangedEmails(customer)).toHaveLength(1);
  });
});

describe('PATCH /customer-restore-password: validation (422/901)', () => {
  it.each<[string, string, string]>([
    ['7 characters', 'abcdefg', 'This value is too short. It should have 8 characters or more.'],
    ['7 code points of 2 UTF-16 units each', '😀'.repeat(7), 'This value is too short. It should have 8 characters or more.'],
    ['7 code points after NFC (10 before)', 'e\u0301'.repeat(3) + 'abcd', 'This value is too short. It should have 8 characters or more.'],
    ['65 characters', 'x'.repeat(65), 'This value is too long. It should have 64 characters or less.'],
    ['65 code points of 2 UTF-16 units each', '😀'.repeat(65), 'This value is too long. It should have 64 characters or less.'],
    ['one of the most common passwords, in any case', 'Sunshine', 'This password is too common. Choose a less predictable one.'],
  ])('answers a password of %s with 422/901 and does not use up the key', async (_, password, message) => {
    const customer = await customerWithKey();
    const before = await row(customer);

    const response = await restore(validReset(customer.key, password));

    expect(await readFieldErrors(response)).toEqual({ password: message });
    await expectNothingUsedUp(customer, before);
    await expectNoContent(await restore(validReset(customer.key)));
  });

  it.each<[string, string]>([
    // ('abcdefgh' itself is one of the most common passwords.)
    ['8 characters', 'abcdefgz'],
    ['8 code points of 2 UTF-16 units each', '😀'.repeat(8)],
    ['64 characters', 'x'.repeat(64)],
    ['64 code points of 2 UTF-16 units each (128 units)', '😀'.repeat(64)],
  ])('accepts a password of %s, and it signs in afterwards', async (_, password) => {
    const customer = await customerWithKey();

    await expectNoContent(await restore(validReset(customer.key, password)));

    await expectSignInWorks(customer.email, password);
  });

  it('answers missing fields with "This field is missing." for each, all at once', async () => {
    const response = await restore({});

    expect(await readFieldErrors(response)).toEqual({
      restorePasswordKey: 'This field is missing.',
      password: 'This field is missing.',
      confirmPassword: 'This field is missing.',
    });
  });

  it('answers blank fields with "This value should not be blank." for each', async () => {
    const response = await restore({ restorePasswordKey: '', password: '', confirmPassword: '' });

    expect(await readFieldErrors(response)).toEqual({
      restorePasswordKey: 'This value should not be blank.',
      password: 'This value should not be blank.',
      confirmPassword: 'This value should not be blank.',
    });
  });

  it('answers a missing key with 901 and does not touch the live key of the customer', async () => {
    const customer = await customerWithKey();
    const before = await row(customer);

    const response = await restore({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    expect(await readFieldErrors(response)).toEqual({ restorePasswordKey: 'This field is missing.' });
    await expectNothingUsedUp(customer, before);
  });
});

describe('PATCH /customer-restore-password: order of checks (901 → 406 → 415)', () => {
  it('answers a too short password with an unknown key with 422/901', async () => {
    const response = await restore(validReset('unknown-key', 'short'));

    expect(await readFieldErrors(response)).toEqual({ password: 'This value is too short. It should have 8 characters or more.' });
  });

  it('answers a mismatch with an unknown key with 422/406', async () => {
    const response = await restore({ ...validReset('unknown-key'), confirmPassword: 'something-else-1' });

    expect(response.status).toBe(422);
    expect(await readError(response)).toMatchObject(MISMATCH);
  });
});

describe('PATCH /customer-restore-password: request format and method', () => {
  it.each<[string, (key: string) => Promise<Response>, number, string]>([
    ['another resource type', (key) => viaPlainPath(document('customer-password', validReset(key))), 400, 'Invalid type.'],
    ['malformed JSON', () => viaPlainPath('{"data":'), 400, 'Post data is invalid.'],
    ['a document without attributes', () => viaPlainPath({ data: { type: 'customer-restore-password' } }), 400, 'Post data is invalid.'],
  ])('answers %s with 400 and no code, and does not use up the key', async (_, send, status, detail) => {
    const customer = await customerWithKey();
    const before = await row(customer);

    const response = await send(customer.key);

    expect(response.status).toBe(status);
    expect(await readErrors(response)).toEqual([{ status, detail }]);
    await expectNothingUsedUp(customer, before);
  });

  it('answers a bad Bearer token on this public endpoint with 401/001 and does not use up the key', async () => {
    const customer = await customerWithKey();
    const before = await row(customer);

    await expectInvalidAccessToken(await viaPlainPath(document('customer-restore-password', validReset(customer.key)), bearer('not-a-token')));

    await expectNothingUsedUp(customer, before);
  });

  it('answers GET with a JSON:API 405 and an Allow header naming PATCH', async () => {
    const response = await callRoute(GET, jsonApiRequest('/customer-restore-password', undefined, { method: 'GET' }));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('PATCH, OPTIONS');
    await readError(response);
  });
});

describe('PATCH /customer-restore-password: concurrency', () => {
  it('answers two simultaneous PATCHes with one key with exactly one 204; only the winner’s password signs in', async () => {
    const customer = await customerWithKey();
    const passwords = ['first-racer-password', 'second-racer-password'] as const;
    hashTogether(2);

    const responses = await Promise.all([
      restore(validReset(customer.key, passwords[0])),
      viaId('mine')(document('customer-restore-password', validReset(customer.key, passwords[1]))),
    ]);

    const statuses = responses.map((r) => r.status);
    expect([...statuses].sort()).toEqual([204, 422]);
    const loser = responses[statuses.indexOf(422)]!;
    expect(await readErrors(loser)).toEqual([KEY_INVALID]);
    const winner = passwords[statuses.indexOf(204)]!;
    const other = passwords[statuses.indexOf(422)]!;
    await expectSignInWorks(customer.email, winner);
    await expectSignInFails(customer.email, other);
    expect(await passwordChangedEmails(customer)).toHaveLength(1);
  });

  it('lets exactly one of 8 simultaneous PATCHes with one key through', async () => {
    const customer = await customerWithKey();
    hashTogether(8);

    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => restore(validReset(customer.key, `racer-password-${i}`))),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(7);
    expect(await passwordChangedEmails(customer)).toHaveLength(1);
    await expectSignInWorks(customer.email, `racer-password-${statuses.indexOf(204)}`);
  });
});

describe('PATCH /customer-restore-password: every login of the customer ends', () => {
  it('ends every browser session and every token family (access → 401/001, refresh → 401/004); other customers stay signed in', async () => {
    const customer = await createSignedInCustomer();
    const secondFamily = await issueTokens(customer);
    const sessionA = await startBrowserSession(customer.id);
    const sessionB = await startBrowserSession(customer.id);
    const bystander = await createSignedInCustomer();
    const bystanderSession = await startBrowserSession(bystander.id);
    const key = await requestResetKey(customer.email);
    expect(await resolveBrowserSession(sessionA)).not.toBeNull();
    expect((await listCustomers(customer.accessToken)).status).toBe(200);

    await expectNoContent(await restore(validReset(key)));

    expect(await resolveBrowserSession(sessionA)).toBeNull();
    expect(await resolveBrowserSession(sessionB)).toBeNull();
    for (const tokens of [customer, secondFamily]) {
      await expectInvalidAccessToken(await listCustomers(tokens.accessToken));
      await expectRefreshFails(tokens.refreshToken);
    }
    const families = await db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, customer.id));
    expect(families).toHaveLength(2);
    for (const family of families) expect(family.revokedAt).not.toBeNull();

    expect((await listCustomers(bystander.accessToken)).status).toBe(200);
    expect(await resolveBrowserSession(bystanderSession)).not.toBeNull();
    expect((await refresh(bystander.refreshToken)).status).toBe(201);
  });

  it('queues one "password changed" email to the customer with no key= link and no password in it', async () => {
    const customer = await customerWithKey();

    await expectNoContent(await restore(validReset(customer.key)));

    const messages = await passwordChangedEmails(customer);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.subject).toBe('Your password was changed');
    expect(message!.customerId).toBe(customer.id);
    for (const part of [message!.subject, message!.textBody, message!.htmlBody]) {
      expect(part).not.toContain('key=');
      expect(part).not.toContain(customer.key);
      expect(part).not.toContain(NEW_PASSWORD);
      expect(part).not.toContain(customer.password);
    }
    // The notice is the only email the reset adds.
    expect((await emailsTo(customer.email)).map((m) => m.kind)).toEqual(['password-changed', 'reset-password', 'confirm-registration']);
  });

  it('queues nothing and ends nothing when the key is not valid', async () => {
    const customer = await createSignedInCustomer();
    const session = await startBrowserSession(customer.id);
    await requestResetKey(customer.email);
    const outboxBefore = await db().$count(emailOutbox);

    await expectKeyInvalid(await restore(validReset('not-the-key')));

    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
    expect(await resolveBrowserSession(session)).not.toBeNull();
    expect((await listCustomers(customer.accessToken)).status).toBe(200);
  });
});

describe('PATCH /customer-restore-password: confirmation and sign-in lock', () => {
  it('confirms an unconfirmed account, which can then get tokens', async () => {
    const customer = await customerWithKey({ confirmed: false });
    expect((await row(customer)).confirmedAt).toBeNull();
    await expectSignInFails(customer.email, customer.password);
    const before = Date.now();

    await expectNoContent(await restore(validReset(customer.key)));

    const { confirmedAt } = await row(customer);
    expect(confirmedAt).toBeInstanceOf(Date);
    expect(confirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(confirmedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    await expectSignInWorks(customer.email, NEW_PASSWORD);
  });

  it('keeps the first confirmation time of an account that was already confirmed', async () => {
    const customer = await customerWithKey();
    const { confirmedAt } = await row(customer);
    expect(confirmedAt).not.toBeNull();

    await expectNoContent(await restore(validReset(customer.key)));

    expect((await row(customer)).confirmedAt).toEqual(confirmedAt);
  });

  it('lifts a sign-in lock (RATE_LIMIT_LOGIN_FAILURES=3): after the reset the new password gets 201 at once', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');
    const customer = await createCustomer();
    for (let i = 0; i < 3; i += 1) await expectSignInFails(customer.email, `wrong-password-${i}`);
    const locked = await signIn(customer.email, customer.password);
    expect(locked.status).toBe(429);
    expect(await readErrors(locked)).toEqual([TOO_MANY]);
    const key = await requestResetKey(customer.email);

    await expectNoContent(await restore(validReset(key)));

    await expectSignInWorks(customer.email, NEW_PASSWORD);
  });
});

describe('isResetKeyValid', () => {
  it('is true for a live key and never uses it up', async () => {
    const customer = await customerWithKey();

    for (let i = 0; i < 3; i += 1) expect(await isResetKeyValid(customer.key)).toBe(true);

    await expectNoContent(await restore(validReset(customer.key)));
  });

  it('is false for an unknown key and an empty one', async () => {
    const customer = await customerWithKey();

    expect(await isResetKeyValid(`${customer.key}x`)).toBe(false);
    expect(await isResetKeyValid('not-a-key')).toBe(false);
    expect(await isResetKeyValid('')).toBe(false);
  });

  it('is false for a used key', async () => {
    const customer = await customerWithKey();
    await expectNoContent(await restore(validReset(customer.key)));

    expect(await isResetKeyValid(customer.key)).toBe(false);
  });

  it('is false for a superseded key and true for the newer one', async () => {
    const customer = await customerWithKey();
    const newer = await requestResetKey(customer.email);

    expect(await isResetKeyValid(customer.key)).toBe(false);
    expect(await isResetKeyValid(newer)).toBe(true);
  });

  it('is false for an expired key: true just before the hour is over, false 1 s after', async () => {
    const customer = await createCustomer();
    const requestedAt = new Date();
    const key = await requestResetKey(customer.email, { now: requestedAt });

    expect(await isResetKeyValid(key, { now: new Date(requestedAt.getTime() + HOUR_MS - 1000) })).toBe(true);
    expect(await isResetKeyValid(key, { now: new Date(requestedAt.getTime() + HOUR_MS + 1000) })).toBe(false);
    // Asking never used it up.
    expect(await isResetKeyValid(key)).toBe(true);
  });

  it('is false for a registration confirmation key', async () => {
    const customer = await createCustomer({ confirmed: false });
    const [confirmation] = await emailsOfKind(customer.email, 'confirm-registration');

    expect(await isResetKeyValid(linkKey(confirmation!.textBody, '/register/confirm')!)).toBe(false);
  });
});
