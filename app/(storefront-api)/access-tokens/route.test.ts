import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authorizeCredentials } from '@/app/_auth/credentials';
import { authenticate } from '@/app/_domain/auth/authenticate';
import { resolveBrowserSession } from '@/app/_domain/auth/sessions';
import { createAccessTokens } from '@/app/_domain/auth/tokens';
import { verifyPassword } from '@/app/_domain/passwords/hashing';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import { GET as getCustomers } from '@/app/(storefront-api)/customers/route';
import {
  bearer,
  callRoute,
  createCustomer,
  document,
  expectInvalidAccessToken,
  issueTokens,
  jsonApiRequest,
  readError,
  readErrors,
  readFieldErrors,
  readJsonApi,
  uniqueEmail,
  uniqueIp,
  WWW_AUTHENTICATE,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customers, sessions, tokenFamilies } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { POST } from './route';

// A pass-through spy: hashing works as in production, the test only sees which hash was verified.
vi.mock('@/app/_domain/passwords/hashing', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/app/_domain/passwords/hashing')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const MINUTE_MS = 60 * 1000;
const WINDOW_MS = 15 * MINUTE_MS;
const FAILED = { status: 401, code: '003', detail: 'Failed to authenticate user.' };
const TOO_MANY = { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' };

afterEach(() => {
  vi.unstubAllEnvs();
});

type TokenDocument = {
  data: { type: string; id: string | null; attributes: Record<string, unknown> };
  links: { self: string };
};

function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/access-tokens', body, { headers }));
}

function signIn(attributes: Record<string, unknown>, headers: TestHeaders = {}): Promise<Response> {
  return post(document('access-tokens', attributes), headers);
}

function fromIp(ip: string): TestHeaders {
  return { 'X-Forwarded-For': ip };
}

function credentials(customer: TestCustomer, password = customer.password) {
  return { username: customer.email, password };
}

async function expectFailed(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
  expect(await readErrors(response)).toEqual([FAILED]);
}

/** Checks a 429/4401 answer and returns its Retry-After in seconds. */
async function expectTooMany(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(await readErrors(response)).toEqual([TOO_MANY]);
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  const seconds = Number(retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(900);
  return seconds;
}

async function expectCreated(response: Response): Promise<TokenDocument> {
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return readJsonApi<TokenDocument>(response);
}

/** The DomainError `promise` rejects with (fails when it resolves or rejects with anything else). */
async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** The `code` of the error `authorizeCredentials` throws (fails when it returns). */
async function authorizeFailure(username: string, password: string, ip: string): Promise<string> {
  const error = await authorize(username, password, ip).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
    throw new Error(`expected a sign-in error with a code, got ${String(error)}`);
  }
  return error.code;
}

function authorize(username: string, password: string, ip: string) {
  return authorizeCredentials({ username, password }, new Request('http://x', { headers: { 'x-forwarded-for': ip } }));
}

async function familiesOf(customerId: number) {
  return db().select().from(tokenFamilies).where(eq(tokenFamilies.customerId, customerId));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('POST /access-tokens: success', () => {
  it('answers 201 with an access-tokens resource: id null, Bearer, 8-hour access and 30-day refresh token', async () => {
    const customer = await createCustomer();

    const response = await signIn(credentials(customer));

    const body = await expectCreated(response);
    expect(body.data).toMatchObject({
      type: 'access-tokens',
      id: null,
      attributes: {
        tokenType: 'Bearer',
        expiresIn: 28800,
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        refreshTokenExpiresIn: 2592000,
        idCompanyUser: null,
      },
    });
    expect(Object.keys(body.data.attributes).sort()).toEqual(
      ['accessToken', 'expiresIn', 'idCompanyUser', 'refreshToken', 'refreshTokenExpiresIn', 'tokenType'].sort(),
    );
    expect(body.data.attributes.refreshToken).not.toBe(body.data.attributes.accessToken);
    expect(body.links).toEqual({ self: `${APP_URL}/access-tokens` });
  });

  it('issues an HS256 JWT with a kid, the customer reference as subject, issuer APP_URL and expiresIn seconds of life', async () => {
    const customer = await createCustomer();

    const body = await expectCreated(await signIn(credentials(customer)));

    const accessToken = body.data.attributes.accessToken as string;
    expect(accessToken.split('.')).toHaveLength(3);
    const header = decodeProtectedHeader(accessToken);
    expect(header.alg).toBe('HS256');
    expect(typeof header.kid).toBe('string');
    expect(header.kid).not.toBe('');
    const claims = decodeJwt(accessToken);
    expect(claims.sub).toBe(customer.reference);
    expect(claims.iss).toBe(APP_URL);
    expect(claims.aud).toBeDefined();
    expect(claims.exp! - claims.iat!).toBe(28800);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.stringify(claims)).not.toContain(customer.password);
  });

  it('gives an access token that opens GET /customers for that customer', async () => {
    const customer = await createCustomer();
    const body = await expectCreated(await signIn(credentials(customer)));

    const response = await callRoute(
      getCustomers,
      jsonApiRequest('/customers', undefined, { method: 'GET', headers: bearer(body.data.attributes.accessToken as string) }),
    );

    expect(response.status).toBe(200);
    const customersDocument = await readJsonApi<{ data: { id: string }[] }>(response);
    expect(customersDocument.data.map((c) => c.id)).toEqual([customer.reference]);
  });

  it('honours ACCESS_TOKEN_TTL in expiresIn and in the token expiry', async () => {
    vi.stubEnv('ACCESS_TOKEN_TTL', '600');
    const customer = await createCustomer();

    const body = await expectCreated(await signIn(credentials(customer)));

    expect(body.data.attributes.expiresIn).toBe(600);
    const claims = decodeJwt(body.data.attributes.accessToken as string);
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(body.data.attributes.refreshTokenExpiresIn).toBe(2592000);
  });

  it('honours REFRESH_TOKEN_TTL in refreshTokenExpiresIn', async () => {
    vi.stubEnv('REFRESH_TOKEN_TTL', '3600');
    const customer = await createCustomer();

    const body = await expectCreated(await signIn(credentials(customer)));

    expect(body.data.attributes.refreshTokenExpiresIn).toBe(3600);
    expect(body.data.attributes.expiresIn).toBe(28800);
  });

  it('finds the account whatever the case and surrounding spaces of the username', async () => {
    const customer = await createCustomer();

    const response = await signIn({ username: `  ${customer.email.toUpperCase()} `, password: customer.password });

    expect(response.status).toBe(201);
  });

  it('accepts Content-Type application/json as well', async () => {
    const customer = await createCustomer();
    const response = await signIn(credentials(customer), { 'Content-Type': 'application/json' });
    expect(response.status).toBe(201);
  });

  it('starts a new token family with different tokens on every sign-in', async () => {
    const customer = await createCustomer();

    const first = await expectCreated(await signIn(credentials(customer)));
    const second = await expectCreated(await signIn(credentials(customer)));

    expect(second.data.attributes.accessToken).not.toBe(first.data.attributes.accessToken);
    expect(second.data.attributes.refreshToken).not.toBe(first.data.attributes.refreshToken);
    expect(await familiesOf(customer.id)).toHaveLength(2);
  });

  it('signs in although a valid Bearer token of another login is sent along', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);

    const response = await signIn(credentials(customer), bearer(accessToken));

    expect(response.status).toBe(201);
  });
});

describe('POST /access-tokens: field validation (422/901)', () => {
  it('reports missing username and password with "This field is missing."', async () => {
    expect(await readFieldErrors(await signIn({}))).toEqual({
      username: 'This field is missing.',
      password: 'This field is missing.',
    });
  });

  it('reports blank username and password with "This value should not be blank."', async () => {
    expect(await readFieldErrors(await signIn({ username: '   ', password: '' }))).toEqual({
      username: 'This value should not be blank.',
      password: 'This value should not be blank.',
    });
  });

  it('treats null username and password as blank', async () => {
    expect(await readFieldErrors(await signIn({ username: null, password: null }))).toEqual({
      username: 'This value should not be blank.',
      password: 'This value should not be blank.',
    });
  });

  it('reports a blank password alone when the username is given', async () => {
    const customer = await createCustomer();
    expect(await readFieldErrors(await signIn({ username: customer.email, password: '' }))).toEqual({
      password: 'This value should not be blank.',
    });
  });

  it('rejects a password of 1,025 code points as too long, and checks one of 1,024 code points', async () => {
    const customer = await createCustomer();
    const emoji = '😀'; // one code point, two UTF-16 units

    const tooLong = await signIn({ username: customer.email, password: emoji.repeat(1025) });
    expect(await readFieldErrors(tooLong)).toEqual({
      password: 'This value is too long. It should have 1024 characters or less.',
    });

    await expectFailed(await signIn({ username: customer.email, password: emoji.repeat(1024) }));
  });

  it('counts the 1,024 code points after NFC: 1,024 decomposed é (2,048 code points before NFC) are checked, not refused', async () => {
    const customer = await createCustomer();
    const decomposedE = 'e\u0301';

    await expectFailed(await signIn({ username: customer.email, password: decomposedE.repeat(1024) }));
  });

  it('issues no tokens for a request that fails validation', async () => {
    const customer = await createCustomer();
    await signIn({ username: customer.email, password: '' });
    await signIn({ username: customer.email });
    expect(await familiesOf(customer.id)).toHaveLength(0);
  });
});

describe('POST /access-tokens: failed authentication (401/003)', () => {
  async function anonymized(options: { keepEmail: boolean }): Promise<TestCustomer> {
    const customer = await createCustomer();
    await db()
      .update(customers)
      .set({ anonymizedAt: new Date(), ...(options.keepEmail ? {} : { email: null }) })
      .where(eq(customers.id, customer.id));
    return customer;
  }

  it.each([
    ['a wrong password', async () => credentials(await createCustomer(), 'not-the-password')],
    ['an unknown email', async () => ({ username: uniqueEmail('nobody'), password: 'any-password-at-all' })],
    ['an unconfirmed account (correct password)', async () => credentials(await createCustomer({ confirmed: false }))],
    ['an anonymized account (email removed)', async () => credentials(await anonymized({ keepEmail: false }))],
    ['an anonymized account that still has its email', async () => credentials(await anonymized({ keepEmail: true }))],
  ])('answers %s with 401/003 "Failed to authenticate user." and WWW-Authenticate', async (_, attributes) => {
    await expectFailed(await signIn(await attributes()));
  });

  it('answers a deactivated account (is_active false) with 401/003', async () => {
    const customer = await createCustomer();
    await db().update(customers).set({ isActive: false }).where(eq(customers.id, customer.id));
    await expectFailed(await signIn(credentials(customer)));
  });

  it('answers unknown email, wrong password and unconfirmed account with byte-identical bodies and the same headers', async () => {
    const confirmed = await createCustomer();
    const unconfirmed = await createCustomer({ confirmed: false });

    const responses = [
      await signIn({ username: uniqueEmail('nobody'), password: 'some-password' }),
      await signIn(credentials(confirmed, 'wrong-password')),
      await signIn(credentials(unconfirmed)),
      await signIn(credentials(unconfirmed, 'wrong-password')),
    ];

    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual({ errors: [FAILED] });
    const headers = responses.map((r) => [...r.headers.entries()].sort());
    for (const h of headers) expect(h).toEqual(headers[0]);
  });

  it('issues no tokens to an unconfirmed account', async () => {
    const customer = await createCustomer({ confirmed: false });
    await expectFailed(await signIn(credentials(customer)));
    expect(await familiesOf(customer.id)).toHaveLength(0);
  });

  it('verifies the password of an unknown email against an argon2id hash with the cost of a real one', async () => {
    const customer = await createCustomer();
    const [row] = await db().select().from(customers).where(eq(customers.id, customer.id));
    const costOf = (hash: string) => /^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$/.exec(hash)?.[0];
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();

    await expectFailed(await signIn({ username: uniqueEmail('nobody'), password: 'wrong-password' }));

    expect(verify).toHaveBeenCalledTimes(1);
    const [dummyHash, password] = verify.mock.calls[0]!;
    expect(password).toBe('wrong-password');
    expect(costOf(dummyHash)).toBeDefined();
    expect(costOf(dummyHash)).toBe(costOf(row!.passwordHash!));
    expect(dummyHash).not.toBe(row!.passwordHash);
  });

  it('spends about as long on an unknown email as on a wrong password (an argon2 verify runs for both)', async () => {
    const customer = await createCustomer();
    const ip = uniqueIp();
    const timed = async (attributes: Record<string, unknown>) => {
      const start = performance.now();
      const response = await signIn(attributes, fromIp(ip));
      const elapsed = performance.now() - start;
      expect(response.status).toBe(401);
      return elapsed;
    };
    const unknownEmail = () => timed({ username: uniqueEmail('nobody'), password: 'wrong-password' });
    const wrongPassword = () => timed(credentials(customer, 'wrong-password'));
    await unknownEmail();
    await wrongPassword();

    // 1 + 5 failures for the account stay below the default limit of 10.
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      unknown.push(await unknownEmail());
      wrong.push(await wrongPassword());
    }

    expect(median(unknown)).toBeGreaterThanOrEqual(0.5 * median(wrong));
    expect(median(wrong)).toBeGreaterThanOrEqual(0.5 * median(unknown));
  });
});

describe('POST /access-tokens: request format', () => {
  it('answers 415 for Content-Type text/plain, before looking at the credentials', async () => {
    const customer = await createCustomer();
    const response = await post(JSON.stringify(document('access-tokens', credentials(customer))), {
      'Content-Type': 'text/plain',
    });
    expect(response.status).toBe(415);
    await readError(response);
    expect(await familiesOf(customer.id)).toHaveLength(0);
  });

  it('answers 415 without a Content-Type', async () => {
    const response = await post(document('access-tokens', { username: 'a@example.com', password: 'x' }), {
      'Content-Type': null,
    });
    expect(response.status).toBe(415);
    await readError(response);
  });

  it('answers 400 "Post data is invalid." for malformed JSON', async () => {
    const response = await post('{"data": {"type": "access-tokens",');
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
  });

  it('answers 400 "Post data is invalid." without attributes', async () => {
    const response = await post({ data: { type: 'access-tokens' } });
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
  });

  it('answers 400 "Invalid type." for another resource type', async () => {
    const customer = await createCustomer();
    const response = await post(document('refresh-tokens', credentials(customer)));
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Invalid type.' }]);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const customer = await createCustomer();
    const response = await signIn({ ...credentials(customer), padding: 'x'.repeat(65 * 1024) });
    expect(response.status).toBe(413);
    await readError(response);
  });
});

describe('POST /access-tokens: a Bearer token on this public endpoint', () => {
  it.each([
    ['garbage', 'not-a-token'],
    ['a forged JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJERS0tMSJ9.c2lnbmF0dXJl'],
  ])('answers %s with 401/001 and WWW-Authenticate, even with correct credentials', async (_, token) => {
    const customer = await createCustomer();
    const response = await signIn(credentials(customer), bearer(token));
    await expectInvalidAccessToken(response);
    expect(await familiesOf(customer.id)).toHaveLength(0);
  });
});

describe('brute force: per account (RATE_LIMIT_LOGIN_FAILURES=3 per 15 minutes)', () => {
  const stubLimit = () => vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');

  it.each([
    ['an existing', async () => (await createCustomer()).email],
    ['a non-existing', async () => uniqueEmail('nobody')],
  ])('answers the 4th attempt for %s email with 429/4401 and a Retry-After of at most 900 seconds', async (_, email) => {
    stubLimit();
    const username = await email();
    for (let i = 0; i < 3; i += 1) {
      await expectFailed(await signIn({ username, password: `wrong-${i}` }, fromIp(uniqueIp())));
    }

    await expectTooMany(await signIn({ username, password: 'wrong-again' }, fromIp(uniqueIp())));
  });

  it('answers existing and non-existing emails with byte-identical 429 bodies', async () => {
    stubLimit();
    const existing = (await createCustomer()).email;
    const unknown = uniqueEmail('nobody');
    for (const username of [existing, unknown]) {
      for (let i = 0; i < 3; i += 1) await signIn({ username, password: 'wrong' });
    }

    const responses = [await signIn({ username: existing, password: 'wrong' }), await signIn({ username: unknown, password: 'wrong' })];

    expect(responses.map((r) => r.status)).toEqual([429, 429]);
    const [a, b] = await Promise.all(responses.map((r) => r.text()));
    expect(a).toBe(b);
  });

  it('refuses even the correct password while the account is locked, and issues no tokens', async () => {
    stubLimit();
    const customer = await createCustomer();
    for (let i = 0; i < 3; i += 1) await expectFailed(await signIn(credentials(customer, 'wrong')));

    await expectTooMany(await signIn(credentials(customer)));
    expect(await familiesOf(customer.id)).toHaveLength(0);
  });

  it('does not lock before the limit: the correct password still works after 2 failures', async () => {
    stubLimit();
    const customer = await createCustomer();
    for (let i = 0; i < 2; i += 1) await expectFailed(await signIn(credentials(customer, 'wrong')));

    expect((await signIn(credentials(customer))).status).toBe(201);
  });

  it('lets no more than the limit of concurrent wrong passwords be checked: of 10 parallel attempts at most 3 answer 401', async () => {
    stubLimit();
    const customer = await createCustomer();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn(credentials(customer, `wrong-${i}`), fromIp(uniqueIp()))),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - statuses.filter((s) => s === 401).length);
  });

  it('counts the submitted email trimmed and lower-cased', async () => {
    stubLimit();
    const customer = await createCustomer();
    for (const spelling of [customer.email.toUpperCase(), `  ${customer.email} `, customer.email]) {
      await expectFailed(await signIn({ username: spelling, password: 'wrong' }));
    }

    await expectTooMany(await signIn(credentials(customer)));
  });

  it('does not count validation failures as failed sign-ins', async () => {
    stubLimit();
    const customer = await createCustomer();
    for (let i = 0; i < 3; i += 1) expect((await signIn({ username: customer.email, password: '' })).status).toBe(422);

    expect((await signIn(credentials(customer))).status).toBe(201);
  });

  it('keeps other accounts usable while one is locked', async () => {
    stubLimit();
    const locked = await createCustomer();
    const other = await createCustomer();
    for (let i = 0; i < 3; i += 1) await signIn(credentials(locked, 'wrong'));

    await expectTooMany(await signIn(credentials(locked)));
    expect((await signIn(credentials(other))).status).toBe(201);
  });

  describe('with an injected clock', () => {
    const start = new Date('2025-06-01T12:00:00.000Z');
    const at = (ms: number) => ({ clientIp: '192.0.2.50', now: new Date(start.getTime() + ms) });

    it('counts down Retry-After to the end of the 15-minute window that the first failure opened', async () => {
      stubLimit();
      const customer = await createCustomer();
      for (const ms of [0, MINUTE_MS, 2 * MINUTE_MS]) {
        expect((await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(ms)))).code).toBe('invalidCredentials');
      }

      const error = await domainErrorOf(createAccessTokens(credentials(customer), at(10 * MINUTE_MS)));
      expect(error.code).toBe('rateLimited');
      expect(error.retryAfterSeconds).toBe(300);

      const justBefore = await domainErrorOf(createAccessTokens(credentials(customer), at(WINDOW_MS - 1000)));
      expect(justBefore.code).toBe('rateLimited');
      expect(justBefore.retryAfterSeconds).toBe(1);
    });

    it('ends the lock when the 15-minute window ends: the correct password then works', async () => {
      stubLimit();
      const customer = await createCustomer();
      for (let i = 0; i < 3; i += 1) await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(i * 1000)));
      expect((await domainErrorOf(createAccessTokens(credentials(customer), at(5000)))).code).toBe('rateLimited');

      const tokens = await createAccessTokens(credentials(customer), at(WINDOW_MS));

      expect(tokens.accessToken).toEqual(expect.any(String));
      expect(await familiesOf(customer.id)).toHaveLength(1);
    });

    it('ends the lock of a non-existing email when the window ends, and a new window starts counting from zero', async () => {
      stubLimit();
      const username = uniqueEmail('nobody');
      for (let i = 0; i < 3; i += 1) await authenticate({ username, password: 'x' }, at(0)).catch(() => undefined);
      expect((await domainErrorOf(authenticate({ username, password: 'x' }, at(1000)))).code).toBe('rateLimited');

      for (let i = 0; i < 3; i += 1) {
        expect((await domainErrorOf(authenticate({ username, password: 'x' }, at(WINDOW_MS + i)))).code).toBe(
          'invalidCredentials',
        );
      }
      expect((await domainErrorOf(authenticate({ username, password: 'x' }, at(WINDOW_MS + 10)))).code).toBe('rateLimited');
    });

    it('resets the account counter on success: 2 failures, 1 success, 2 more failures do not lock', async () => {
      stubLimit();
      const customer = await createCustomer();
      for (let i = 0; i < 2; i += 1) await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(i)));
      await createAccessTokens(credentials(customer), at(10));
      for (let i = 0; i < 2; i += 1) {
        expect((await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(20 + i)))).code).toBe(
          'invalidCredentials',
        );
      }

      await expect(createAccessTokens(credentials(customer), at(30))).resolves.toMatchObject({ expiresIn: 28800 });
    });

    it('locks again after the limit is reached anew following a success', async () => {
      stubLimit();
      const customer = await createCustomer();
      await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(0)));
      await createAccessTokens(credentials(customer), at(10));
      for (let i = 0; i < 3; i += 1) await domainErrorOf(createAccessTokens(credentials(customer, 'wrong'), at(20 + i)));

      expect((await domainErrorOf(createAccessTokens(credentials(customer), at(30)))).code).toBe('rateLimited');
    });
  });
});

describe('brute force: per client IP (RATE_LIMIT_LOGIN_FAILURES_PER_IP=3 per 15 minutes)', () => {
  it('locks one IP across different emails; another IP is not affected', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES_PER_IP', '3');
    const customer = await createCustomer();
    const attacker = uniqueIp();
    await expectFailed(await signIn(credentials(customer, 'wrong'), fromIp(attacker)));
    await expectFailed(await signIn({ username: uniqueEmail('nobody'), password: 'wrong' }, fromIp(attacker)));
    await expectFailed(await signIn({ username: uniqueEmail('nobody'), password: 'wrong' }, fromIp(attacker)));

    await expectTooMany(await signIn({ username: uniqueEmail('nobody'), password: 'wrong' }, fromIp(attacker)));
    await expectTooMany(await signIn(credentials(customer), fromIp(attacker)));

    expect((await signIn(credentials(customer), fromIp(uniqueIp()))).status).toBe(201);
  });

  it('ends the IP lock when its window ends', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES_PER_IP', '3');
    const customer = await createCustomer();
    const start = new Date('2025-07-01T08:00:00.000Z');
    const ip = uniqueIp();
    const at = (ms: number) => ({ clientIp: ip, now: new Date(start.getTime() + ms) });
    for (let i = 0; i < 3; i += 1) await domainErrorOf(authenticate({ username: uniqueEmail('nobody'), password: 'x' }, at(i)));
    expect((await domainErrorOf(authenticate(credentials(customer), at(1000)))).code).toBe('rateLimited');

    await expect(authenticate(credentials(customer), at(WINDOW_MS))).resolves.toMatchObject({ id: customer.id });
  });

  it('counts nothing while the IP is locked: its attempts do not use up the accounts it tries, and malformed ones are refused as 429 too', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES_PER_IP', '2');
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');
    const customer = await createCustomer();
    const attacker = uniqueIp();
    for (let i = 0; i < 2; i += 1) await expectFailed(await signIn({ username: uniqueEmail('nobody'), password: 'wrong' }, fromIp(attacker)));
    // Locked: five more guesses at the customer's account, none of them counted against it.
    for (let i = 0; i < 5; i += 1) await expectTooMany(await signIn(credentials(customer, 'wrong'), fromIp(attacker)));
    await expectTooMany(await signIn({ username: '', password: '' }, fromIp(attacker)));
    expect((await signIn(credentials(customer), fromIp(uniqueIp()))).status).toBe(201);
  });
});

describe('shared counter: the Auth.js credentials callback and POST /access-tokens', () => {
  it('adds failures through authorizeCredentials and POST /access-tokens up to one lock', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');
    const customer = await createCustomer();

    expect(await authorizeFailure(customer.email, 'wrong', uniqueIp())).toBe('invalid_credentials');
    expect(await authorizeFailure(customer.email, 'wrong', uniqueIp())).toBe('invalid_credentials');
    await expectFailed(await signIn(credentials(customer, 'wrong'), fromIp(uniqueIp())));

    const code = await authorizeFailure(customer.email, customer.password, uniqueIp());
    expect(code).toMatch(/^rate_limited_\d+$/);
    const seconds = Number(code.slice('rate_limited_'.length));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(900);
    await expectTooMany(await signIn(credentials(customer), fromIp(uniqueIp())));
  });

  it('locks the browser sign-in after failures through POST /access-tokens, for a non-existing email too', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');
    const username = uniqueEmail('nobody');
    for (let i = 0; i < 3; i += 1) await expectFailed(await signIn({ username, password: 'wrong' }));

    expect(await authorizeFailure(username, 'wrong', uniqueIp())).toMatch(/^rate_limited_\d+$/);
  });

  it('counts authorizeCredentials failures against the client IP from X-Forwarded-For', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES_PER_IP', '2');
    const customer = await createCustomer();
    const ip = uniqueIp();
    expect(await authorizeFailure(uniqueEmail('nobody'), 'wrong', ip)).toBe('invalid_credentials');
    expect(await authorizeFailure(uniqueEmail('nobody'), 'wrong', ip)).toBe('invalid_credentials');

    await expectTooMany(await signIn(credentials(customer), fromIp(ip)));
    expect((await signIn(credentials(customer), fromIp(uniqueIp()))).status).toBe(201);
  });

  it('returns the id of a new live session row on success', async () => {
    const customer = await createCustomer();
    const before = Date.now();

    const user = await authorize(customer.email, customer.password, uniqueIp());

    expect(user).toEqual({ id: expect.any(String) });
    const [row] = await db().select().from(sessions).where(eq(sessions.id, user.id));
    expect(row).toBeDefined();
    expect(row!.customerId).toBe(customer.id);
    expect(row!.revokedAt).toBeNull();
    expect(row!.expiresAt.getTime()).toBeGreaterThan(before + 29 * 24 * 60 * MINUTE_MS);
    expect(await resolveBrowserSession(user.id)).toMatchObject(principalOf(customer));
  });

  it('starts a distinct session for every sign-in', async () => {
    const customer = await createCustomer();
    const first = await authorize(customer.email, customer.password, uniqueIp());
    const second = await authorize(customer.email, customer.password, uniqueIp());
    expect(second.id).not.toBe(first.id);
  });

  it('says "unconfirmed" only after the correct password of an unconfirmed account', async () => {
    const customer = await createCustomer({ confirmed: false });

    expect(await authorizeFailure(customer.email, 'wrong', uniqueIp())).toBe('invalid_credentials');
    expect(await authorizeFailure(customer.email, customer.password, uniqueIp())).toBe('unconfirmed');
    expect(await db().$count(sessions, eq(sessions.customerId, customer.id))).toBe(0);
  });

  it('answers an unknown email with "invalid_credentials"', async () => {
    expect(await authorizeFailure(uniqueEmail('nobody'), 'whatever', uniqueIp())).toBe('invalid_credentials');
  });

  it('resets the shared account counter after a browser sign-in', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '3');
    const customer = await createCustomer();
    for (let i = 0; i < 2; i += 1) await expectFailed(await signIn(credentials(customer, 'wrong')));
    await authorize(customer.email, customer.password, uniqueIp());
    for (let i = 0; i < 2; i += 1) await expectFailed(await signIn(credentials(customer, 'wrong')));

    expect((await signIn(credentials(customer))).status).toBe(201);
  });
});
