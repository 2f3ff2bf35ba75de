import { createHash, hkdfSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '@/app/_domain/auth/access-tokens';
import { revokeCustomerLogins } from '@/app/_domain/auth/revocation';
import { endBrowserSession, resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import {
  bearer,
  callRoute,
  createCustomer,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  jsonApiRequest,
  readJsonApi,
  type TestCustomer,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { customers, sessions } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { POST as refreshTokens } from '../refresh-tokens/route';
import { GET } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const DAY_MS = 24 * 60 * 60 * 1000;
const GLUE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

type CustomersDocument = {
  data: { type: string; id: string; attributes: Record<string, unknown>; links: { self: string } }[];
  links: { self: string };
};

function getCustomers(headers: TestHeaders = {}, query = ''): Promise<Response> {
  return callRoute(GET, jsonApiRequest(`/customers${query}`, undefined, { method: 'GET', headers }));
}

async function expectSignedIn(accessToken: string, customer: TestCustomer): Promise<void> {
  const response = await getCustomers(bearer(accessToken));
  expect(response.status).toBe(200);
  const body = await readJsonApi<CustomersDocument>(response);
  expect(body.data.map((c) => c.id)).toEqual([customer.reference]);
}

function refresh(refreshToken: string): Promise<Response> {
  return callRoute(
    refreshTokens,
    jsonApiRequest('/refresh-tokens', { data: { type: 'refresh-tokens', attributes: { refreshToken } } }),
  );
}

async function setCustomer(customer: TestCustomer, values: Partial<typeof customers.$inferInsert>): Promise<void> {
  await db().update(customers).set(values).where(eq(customers.id, customer.id));
}

// ---------------------------------------------------------------- hand-made tokens

/** The signing key as access-tokens.ts derives it from AUTH_SECRET (the first secret signs). */
function derivedKey(secret = process.env.AUTH_SECRET!.split(',')[0]!.trim()): { kid: string; key: Uint8Array } {
  const key = new Uint8Array(hkdfSync('sha256', secret, 'shop-account', 'access-token-signing-key', 32));
  return { kid: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** Signs `payload` as given (no claims added), with `alg` and `kid` in the header. */
function sign(payload: JWTPayload, options: { key?: Uint8Array; kid?: string; alg?: string } = {}): Promise<string> {
  const real = derivedKey();
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', kid: options.kid ?? real.kid, typ: 'JWT' })
    .sign(options.key ?? real.key);
}

function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

type BadToken = (valid: string, customer: TestCustomer, other: TestCustomer) => Promise<string> | string;

const badTokens: [string, BadToken][] = [
  ['garbage', () => 'not-a-jwt'],
  ['a JWT with only two segments', (valid) => valid.split('.').slice(0, 2).join('.')],
  [
    'an alg "none" token carrying the real payload',
    (valid) => `${encodeSegment({ alg: 'none', typ: 'JWT' })}.${valid.split('.')[1]}.`,
  ],
  [
    'an alg "none" token that keeps the real kid',
    (valid) => `${encodeSegment({ alg: 'none', typ: 'JWT', kid: decodeProtectedHeader(valid).kid })}.${valid.split('.')[1]}.`,
  ],
  ['a token signed with another secret', (valid) => sign(decodeJwt(valid), { key: derivedKey('some-other-secret-of-32-characters!').key })],
  ['a token signed with HS512 and the real key', (valid) => sign(decodeJwt(valid), { alg: 'HS512' })],
  ['a token with an unknown kid', (valid) => sign(decodeJwt(valid), { kid: 'ffffffffffffffff' })],
  ['a token without a kid', (valid) => new SignJWT(decodeJwt(valid)).setProtectedHeader({ alg: 'HS256' }).sign(derivedKey().key)],
  ['a token for the wrong audience', (valid) => sign({ ...decodeJwt(valid), aud: 'admin-api' })],
  ['a token from the wrong issuer', (valid) => sign({ ...decodeJwt(valid), iss: 'https://evil.example' })],
  [
    'a token without an expiry',
    (valid) => {
      const { exp: _exp, ...claims } = decodeJwt(valid);
      return sign(claims);
    },
  ],
  [
    'an expired token signed by signAccessToken',
    (valid, customer) =>
      signAccessToken(
        { customerId: customer.id, familyId: decodeJwt(valid).fam as string, reference: customer.reference },
        new Date(Date.now() - 60 * 60 * 1000),
        1,
      ),
  ],
  [
    "a token whose payload was changed to another customer's (signature kept)",
    (valid, _customer, other) => {
      const [header, payload, signature] = valid.split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as JWTPayload;
      return `${header}.${encodeSegment({ ...claims, cid: other.id, sub: other.reference })}.${signature}`;
    },
  ],
  [
    'a token with its signature changed',
    (valid) => {
      const [header, payload, signature] = valid.split('.');
      return `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    },
  ],
  [
    'a well-signed token naming a family that does not exist',
    (valid) => sign({ ...decodeJwt(valid), fam: '00000000-0000-4000-8000-000000000000' }),
  ],
  [
    "a well-signed token naming the caller's family but another customer",
    (valid, _customer, other) => sign({ ...decodeJwt(valid), cid: other.id, sub: other.reference }),
  ],
];

describe('GET /customers', () => {
  it('answers 200 with a collection holding only the caller, every link built from APP_URL', async () => {
    const customer = await createCustomer();
    await createCustomer();
    const { accessToken } = await issueTokens(customer);

    const response = await getCustomers({ ...bearer(accessToken), Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' });

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomersDocument>(response);
    expect(body).toEqual({
      data: [
        {
          type: 'customers',
          id: customer.reference,
          attributes: {
            salutation: 'Ms',
            firstName: 'Ada',
            lastName: 'Lovelace',
            email: customer.email,
            gender: null,
            dateOfBirth: null,
            createdAt: expect.stringMatching(GLUE_TIMESTAMP),
            updatedAt: expect.stringMatching(GLUE_TIMESTAMP),
          },
          links: { self: `${APP_URL}/customers/${customer.reference}` },
        },
      ],
      links: { self: `${APP_URL}/customers` },
    });
  });

  it('never shows a password hash or token', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    const text = await (await getCustomers(bearer(accessToken))).text();
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(customer.password);
    expect(text).not.toContain(accessToken);
  });

  it('honours ?fields[customers]=firstName,email', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);

    const response = await getCustomers(bearer(accessToken), '?fields[customers]=firstName,email');

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomersDocument>(response);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.attributes).toEqual({ firstName: 'Ada', email: customer.email });
  });

  it('answers 403/002 "Missing access token." without a token', async () => {
    await expectMissingAccessToken(await getCustomers());
  });

  it('accepts a token made the way the tests make bad ones when nothing is wrong with it (control)', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    await expectSignedIn(await sign(decodeJwt(accessToken)), customer);
    await expectSignedIn(
      await signAccessToken(
        { customerId: customer.id, familyId: decodeJwt(accessToken).fam as string, reference: customer.reference },
        new Date(),
        60,
      ),
      customer,
    );
  });

  it.each(badTokens)('answers %s with 401/001 "Invalid access token." and WWW-Authenticate', async (_, make) => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    await issueTokens(other);

    const token = await make(accessToken, customer, other);

    expect(token).not.toBe(accessToken);
    await expectInvalidAccessToken(await getCustomers(bearer(token)));
  });

  it.each([
    ['a Basic scheme', (token: string) => `Basic ${token}`],
    ['two tokens', (token: string) => `Bearer ${token} ${token}`],
  ])('answers an Authorization header with %s with 401/001', async (_, header) => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    await expectInvalidAccessToken(await getCustomers({ Authorization: header(accessToken) }));
  });
});

describe('revocation is immediate', () => {
  it('fails every access token of the customer at once after revokeCustomerLogins', async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const first = await issueTokens(customer);
    const second = await issueTokens(customer);
    const othersTokens = await issueTokens(other);
    await expectSignedIn(first.accessToken, customer);

    await revokeCustomerLogins(customer.id, new Date());

    await expectInvalidAccessToken(await getCustomers(bearer(first.accessToken)));
    await expectInvalidAccessToken(await getCustomers(bearer(second.accessToken)));
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    await expectSignedIn(othersTokens.accessToken, other);
  });

  it('keeps the family named in keep and fails only the other families', async () => {
    const customer = await createCustomer();
    const kept = await issueTokens(customer);
    const revoked = await issueTokens(customer);

    await revokeCustomerLogins(customer.id, new Date(), { familyId: decodeJwt(kept.accessToken).fam as string });

    await expectSignedIn(kept.accessToken, customer);
    await expectInvalidAccessToken(await getCustomers(bearer(revoked.accessToken)));
    expect((await refresh(revoked.refreshToken)).status).toBe(401);
    expect((await refresh(kept.refreshToken)).status).toBe(201);
  });

  it('lets a new sign-in work after the revocation', async () => {
    const customer = await createCustomer();
    await issueTokens(customer);
    await revokeCustomerLogins(customer.id, new Date());

    const { accessToken } = await issueTokens(customer);

    await expectSignedIn(accessToken, customer);
  });

  it('fails the token of a customer set inactive', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    await setCustomer(customer, { isActive: false });
    await expectInvalidAccessToken(await getCustomers(bearer(accessToken)));
  });

  it('fails the token of an anonymized customer', async () => {
    const customer = await createCustomer();
    const { accessToken } = await issueTokens(customer);
    await setCustomer(customer, { anonymizedAt: new Date(), email: null, firstName: null, lastName: null });
    await expectInvalidAccessToken(await getCustomers(bearer(accessToken)));
  });
});

describe('browser sessions', () => {
  const start = new Date('2025-03-01T09:00:00.000Z');
  const after = (ms: number) => new Date(start.getTime() + ms);

  async function expiresAt(sessionId: string): Promise<Date> {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    if (!row) throw new Error(`no session ${sessionId}`);
    return row.expiresAt;
  }

  it('resolves a started session to its customer and the session id', async () => {
    const customer = await createCustomer();

    const sessionId = await startBrowserSession(customer.id, start);

    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(await resolveBrowserSession(sessionId, after(1000))).toEqual({
      kind: 'customer',
      customerId: customer.id,
      sessionId,
    });
    expect((await expiresAt(sessionId)).getTime()).toBe(after(30 * DAY_MS).getTime());
  });

  it('resolves an unknown session id to null', async () => {
    expect(await resolveBrowserSession('no-such-session', start)).toBeNull();
  });

  it('resolves an ended session to null; another session of the customer still resolves', async () => {
    const customer = await createCustomer();
    const ended = await startBrowserSession(customer.id, start);
    const other = await startBrowserSession(customer.id, start);

    await endBrowserSession(ended, after(1000));

    expect(await resolveBrowserSession(ended, after(2000))).toBeNull();
    expect(await resolveBrowserSession(other, after(2000))).toMatchObject({ customerId: customer.id, sessionId: other });
  });

  it('resolves every session to null after revokeCustomerLogins, except the one kept', async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const revoked = await startBrowserSession(customer.id, start);
    const kept = await startBrowserSession(customer.id, start);
    const othersSession = await startBrowserSession(other.id, start);

    await revokeCustomerLogins(customer.id, after(1000), { sessionId: kept });

    expect(await resolveBrowserSession(revoked, after(2000))).toBeNull();
    expect(await resolveBrowserSession(kept, after(2000))).toMatchObject({ sessionId: kept });
    expect(await resolveBrowserSession(othersSession, after(2000))).toMatchObject({ customerId: other.id });

    await revokeCustomerLogins(customer.id, after(3000));
    expect(await resolveBrowserSession(kept, after(4000))).toBeNull();
  });

  it('revokes the sessions and the token families in one call', async () => {
    const customer = await createCustomer();
    const sessionId = await startBrowserSession(customer.id);
    const { accessToken } = await issueTokens(customer);

    await revokeCustomerLogins(customer.id, new Date());

    expect(await resolveBrowserSession(sessionId)).toBeNull();
    await expectInvalidAccessToken(await getCustomers(bearer(accessToken)));
  });

  it('expires a session 30 days after it started when it was not used', async () => {
    const customer = await createCustomer();
    const expiring = await startBrowserSession(customer.id, start);
    const lastSecond = await startBrowserSession(customer.id, start);

    expect(await resolveBrowserSession(expiring, after(30 * DAY_MS))).toBeNull();
    expect(await resolveBrowserSession(lastSecond, after(30 * DAY_MS - 1000))).toMatchObject({ sessionId: lastSecond });
  });

  it('extends a session used in its last 15 days to 30 days from that use', async () => {
    const customer = await createCustomer();
    const sessionId = await startBrowserSession(customer.id, start);
    const usedAt = after(15 * DAY_MS + 1000);

    expect(await resolveBrowserSession(sessionId, usedAt)).not.toBeNull();

    expect((await expiresAt(sessionId)).getTime()).toBe(usedAt.getTime() + 30 * DAY_MS);
    expect(await resolveBrowserSession(sessionId, after(40 * DAY_MS))).toMatchObject({ sessionId });
  });

  it('does not extend a session used before its last 15 days', async () => {
    const customer = await createCustomer();
    const sessionId = await startBrowserSession(customer.id, start);

    expect(await resolveBrowserSession(sessionId, after(15 * DAY_MS - 1000))).not.toBeNull();

    expect((await expiresAt(sessionId)).getTime()).toBe(after(30 * DAY_MS).getTime());
    expect(await resolveBrowserSession(sessionId, after(30 * DAY_MS))).toBeNull();
  });

  it('keeps a session alive as long as it is used at least every 15 days', async () => {
    const customer = await createCustomer();
    const sessionId = await startBrowserSession(customer.id, start);
    for (let day = 20; day <= 100; day += 20) {
      expect(await resolveBrowserSession(sessionId, after(day * DAY_MS))).toMatchObject({ sessionId });
    }
  });

  it('does not bring an ended session back by using it', async () => {
    const customer = await createCustomer();
    const sessionId = await startBrowserSession(customer.id, start);
    await endBrowserSession(sessionId, after(20 * DAY_MS));

    expect(await resolveBrowserSession(sessionId, after(20 * DAY_MS + 1000))).toBeNull();
    expect(await resolveBrowserSession(sessionId, after(21 * DAY_MS))).toBeNull();
  });

  it('resolves the session of a customer set inactive or anonymized to null', async () => {
    const inactive = await createCustomer();
    const anonymized = await createCustomer();
    const inactiveSession = await startBrowserSession(inactive.id, start);
    const anonymizedSession = await startBrowserSession(anonymized.id, start);
    await setCustomer(inactive, { isActive: false });
    await setCustomer(anonymized, { anonymizedAt: new Date(), email: null });

    expect(await resolveBrowserSession(inactiveSession, after(1000))).toBeNull();
    expect(await resolveBrowserSession(anonymizedSession, after(1000))).toBeNull();
  });
});
