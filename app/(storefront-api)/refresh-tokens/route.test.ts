import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshAccessTokens, resolveAccessToken, type TokenPair } from '@/app/_domain/auth/tokens';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import { GET as getCustomers } from '@/app/(storefront-api)/customers/route';
import {
  bearer,
  callRoute,
  createCustomer,
  document,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  jsonApiRequest,
  readErrors,
  readFieldErrors,
  readJsonApi,
  WWW_AUTHENTICATE,
  type TestCustomer,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { customers } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE } from './[refreshToken]/route';
import { POST } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const REFRESH_FAILED = { status: 401, code: '004', detail: 'Failed to refresh token.' };

afterEach(() => {
  vi.unstubAllEnvs();
});

type TokenDocument = {
  data: { type: string; id: string | null; attributes: Record<string, unknown> };
  links: { self: string };
};

function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/refresh-tokens', body, { headers }));
}

function refresh(refreshToken: unknown, headers: TestHeaders = {}): Promise<Response> {
  return post(document('refresh-tokens', { refreshToken }), headers);
}

/** Refreshes through the route and returns the new pair (fails unless the answer is 201). */
async function refreshed(refreshToken: string): Promise<TokenPair> {
  const response = await refresh(refreshToken);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  const body = await readJsonApi<TokenDocument>(response);
  return body.data.attributes as TokenPair;
}

function revoke(refreshToken: string, headers: TestHeaders): Promise<Response> {
  return callRoute(
    DELETE,
    jsonApiRequest(`/refresh-tokens/${encodeURIComponent(refreshToken)}`, undefined, { method: 'DELETE', headers }),
    { refreshToken },
  );
}

function getOwnCustomers(accessToken: string): Promise<Response> {
  return callRoute(getCustomers, jsonApiRequest('/customers', undefined, { method: 'GET', headers: bearer(accessToken) }));
}

async function expectRefreshFailed(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
  expect(await readErrors(response)).toEqual([REFRESH_FAILED]);
}

async function expectAccessWorks(accessToken: string, customer: TestCustomer): Promise<void> {
  const response = await getOwnCustomers(accessToken);
  expect(response.status).toBe(200);
  const body = await readJsonApi<{ data: { id: string }[] }>(response);
  expect(body.data.map((c) => c.id)).toEqual([customer.reference]);
}

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('POST /refresh-tokens: rotation', () => {
  it('answers 201 with a refresh-tokens resource holding a new pair', async () => {
    const customer = await createCustomer();
    const old = await issueTokens(customer);

    const response = await refresh(old.refreshToken);

    expect(response.status).toBe(201);
    const body = await readJsonApi<TokenDocument>(response);
    expect(body.data).toMatchObject({
      type: 'refresh-tokens',
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
    expect(body.links).toEqual({ self: `${APP_URL}/refresh-tokens` });
    const fresh = body.data.attributes as TokenPair;
    expect(fresh.refreshToken).not.toBe(old.refreshToken);
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(decodeJwt(fresh.accessToken).sub).toBe(customer.reference);
    await expectAccessWorks(fresh.accessToken, customer);
  });

  it('answers the old refresh token afterwards with 401/004 "Failed to refresh token." and WWW-Authenticate', async () => {
    const customer = await createCustomer();
    const old = await issueTokens(customer);
    await refreshed(old.refreshToken);

    await expectRefreshFailed(await refresh(old.refreshToken));
  });

  it('rotates again and again: each new refresh token works once', async () => {
    const customer = await createCustomer();
    let pair = await issueTokens(customer);
    for (let i = 0; i < 3; i += 1) pair = await refreshed(pair.refreshToken);
    await expectAccessWorks(pair.accessToken, customer);
  });

  it('honours ACCESS_TOKEN_TTL and REFRESH_TOKEN_TTL in the new pair', async () => {
    const customer = await createCustomer();
    const old = await issueTokens(customer);
    vi.stubEnv('ACCESS_TOKEN_TTL', '900');
    vi.stubEnv('REFRESH_TOKEN_TTL', '7200');

    const fresh = await refreshed(old.refreshToken);

    expect(fresh.expiresIn).toBe(900);
    expect(fresh.refreshTokenExpiresIn).toBe(7200);
    const claims = decodeJwt(fresh.accessToken);
    expect(claims.exp! - claims.iat!).toBe(900);
  });
});

describe('POST /refresh-tokens: reuse of a used refresh token revokes its family', () => {
  it('fails the replay, the newest refresh token and every access token of the family; another family keeps working', async () => {
    const customer = await createCustomer();
    const first = await issueTokens(customer);
    const second = await refreshed(first.refreshToken);
    const newest = await refreshed(second.refreshToken);
    const otherFamily = await issueTokens(customer);
    await expectAccessWorks(newest.accessToken, customer);

    await expectRefreshFailed(await refresh(first.refreshToken));

    await expectRefreshFailed(await refresh(newest.refreshToken));
    for (const { accessToken } of [first, second, newest]) await expectInvalidAccessToken(await getOwnCustomers(accessToken));

    await expectAccessWorks(otherFamily.accessToken, customer);
    const rotated = await refreshed(otherFamily.refreshToken);
    await expectAccessWorks(rotated.accessToken, customer);
  });

  it('revokes the family when the newest-but-one token is presented again, not only the first', async () => {
    const customer = await createCustomer();
    const first = await issueTokens(customer);
    const second = await refreshed(first.refreshToken);
    const third = await refreshed(second.refreshToken);

    await expectRefreshFailed(await refresh(second.refreshToken));

    await expectRefreshFailed(await refresh(third.refreshToken));
    await expectInvalidAccessToken(await getOwnCustomers(third.accessToken));
  });

  it("leaves another customer's families alone", async () => {
    const victim = await createCustomer();
    const bystander = await createCustomer();
    const victimTokens = await issueTokens(victim);
    const bystanderTokens = await issueTokens(bystander);
    await refreshed(victimTokens.refreshToken);

    await expectRefreshFailed(await refresh(victimTokens.refreshToken));

    await expectAccessWorks(bystanderTokens.accessToken, bystander);
    await refreshed(bystanderTokens.refreshToken);
  });
});

describe('POST /refresh-tokens: parallel refreshes with the same token', () => {
  it('lets at most one of two concurrent refreshes succeed, and afterwards every token of the family fails', async () => {
    const customer = await createCustomer();
    // Several rounds, so that real interleavings occur on Postgres (PGlite serializes the queries).
    for (let round = 0; round < 5; round += 1) {
      const original = await issueTokens(customer);

      const responses = await Promise.all([refresh(original.refreshToken), refresh(original.refreshToken)]);

      const winners = responses.filter((r) => r.status === 201);
      expect(winners.length).toBeLessThanOrEqual(1);
      for (const loser of responses.filter((r) => r.status !== 201)) await expectRefreshFailed(loser);
      const issued = await Promise.all(
        winners.map(async (r) => (await readJsonApi<TokenDocument>(r)).data.attributes as TokenPair),
      );

      for (const pair of [original, ...issued]) {
        await expectRefreshFailed(await refresh(pair.refreshToken));
        await expectInvalidAccessToken(await getOwnCustomers(pair.accessToken));
      }
    }
  });

  it('keeps the other families of the customer working after the race', async () => {
    const customer = await createCustomer();
    const racing = await issueTokens(customer);
    const other = await issueTokens(customer);

    await Promise.all([refresh(racing.refreshToken), refresh(racing.refreshToken)]);

    await expectAccessWorks(other.accessToken, customer);
    await refreshed(other.refreshToken);
  });
});

describe('POST /refresh-tokens: refused tokens', () => {
  it('answers an unknown refresh token with 401/004', async () => {
    await expectRefreshFailed(await refresh('this-token-was-never-issued-0123456789abcdef'));
  });

  it('refuses a refresh token once REFRESH_TOKEN_TTL has passed, and accepts it one second before', async () => {
    const customer = await createCustomer();
    const issuedAt = new Date('2025-05-01T10:00:00.000Z');
    const ttlMs = 2_592_000 * 1000;
    const expired = await issueTokens(customer, issuedAt);
    const fresh = await issueTokens(customer, issuedAt);

    const error = await domainErrorOf(
      refreshAccessTokens({ refreshToken: expired.refreshToken }, { now: new Date(issuedAt.getTime() + ttlMs + 1000) }),
    );
    expect(error.code).toBe('invalidRefreshToken');

    const pair = await refreshAccessTokens({ refreshToken: fresh.refreshToken }, { now: new Date(issuedAt.getTime() + ttlMs - 1000) });
    expect(pair.refreshToken).toEqual(expect.any(String));
  });

  it('honours a shorter REFRESH_TOKEN_TTL', async () => {
    vi.stubEnv('REFRESH_TOKEN_TTL', '60');
    const customer = await createCustomer();
    const issuedAt = new Date('2025-05-01T10:00:00.000Z');
    const pair = await issueTokens(customer, issuedAt);

    const error = await domainErrorOf(
      refreshAccessTokens({ refreshToken: pair.refreshToken }, { now: new Date(issuedAt.getTime() + 61_000) }),
    );
    expect(error.code).toBe('invalidRefreshToken');
  });

  it('answers an expired refresh token through the route with 401/004', async () => {
    const customer = await createCustomer();
    // Issued more than 30 days ago on the real clock the route uses.
    const pair = await issueTokens(customer, new Date(Date.now() - 2_592_000 * 1000 - 60_000));
    await expectRefreshFailed(await refresh(pair.refreshToken));
  });

  it('does not revoke the family when an expired refresh token is presented: its access token stays valid', async () => {
    vi.stubEnv('REFRESH_TOKEN_TTL', '60');
    const customer = await createCustomer();
    const issuedAt = new Date('2025-05-01T10:00:00.000Z');
    const pair = await issueTokens(customer, issuedAt);

    const error = await domainErrorOf(
      refreshAccessTokens({ refreshToken: pair.refreshToken }, { now: new Date(issuedAt.getTime() + 61_000) }),
    );

    expect(error.code).toBe('invalidRefreshToken');
    expect(await resolveAccessToken(pair.accessToken, new Date(issuedAt.getTime() + 120_000))).toMatchObject({
      customerId: customer.id,
    });
  });

  it('refuses to refresh once the customer is deactivated', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    await db().update(customers).set({ isActive: false }).where(eq(customers.id, customer.id));

    await expectRefreshFailed(await refresh(pair.refreshToken));
  });

  it('refuses to refresh once the customer is anonymized', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    await db().update(customers).set({ anonymizedAt: new Date(), email: null }).where(eq(customers.id, customer.id));

    await expectRefreshFailed(await refresh(pair.refreshToken));
  });
});

describe('POST /refresh-tokens: validation and request format', () => {
  it('answers a blank refreshToken with 422/901 "This value should not be blank."', async () => {
    expect(await readFieldErrors(await refresh(''))).toEqual({ refreshToken: 'This value should not be blank.' });
    expect(await readFieldErrors(await refresh('   '))).toEqual({ refreshToken: 'This value should not be blank.' });
  });

  it('answers a missing refreshToken with 422/901 "This field is missing."', async () => {
    expect(await readFieldErrors(await post(document('refresh-tokens', {})))).toEqual({
      refreshToken: 'This field is missing.',
    });
  });

  it('answers 415 for Content-Type text/plain and leaves the token usable', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    const response = await post(JSON.stringify(document('refresh-tokens', { refreshToken: pair.refreshToken })), {
      'Content-Type': 'text/plain',
    });
    expect(response.status).toBe(415);
    await readErrors(response);
    await refreshed(pair.refreshToken);
  });

  it('answers 400 "Invalid type." for another resource type and leaves the token usable', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    const response = await post(document('access-tokens', { refreshToken: pair.refreshToken }));
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Invalid type.' }]);
    await refreshed(pair.refreshToken);
  });

  it('answers a bad Bearer token on this public endpoint with 401/001', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    await expectInvalidAccessToken(await refresh(pair.refreshToken, bearer('not-a-token')));
    await refreshed(pair.refreshToken);
  });
});

describe('DELETE /refresh-tokens/{refreshToken}', () => {
  it('answers 204 with an empty body; that refresh token then no longer refreshes', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);

    const response = await revoke(pair.refreshToken, bearer(pair.accessToken));

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectRefreshFailed(await refresh(pair.refreshToken));
  });

  it("revokes only the named token: the caller's other refresh tokens keep working", async () => {
    const customer = await createCustomer();
    const revoked = await issueTokens(customer);
    const kept = await issueTokens(customer);

    expect((await revoke(revoked.refreshToken, bearer(kept.accessToken))).status).toBe(204);

    await expectRefreshFailed(await refresh(revoked.refreshToken));
    await refreshed(kept.refreshToken);
  });

  it("answers 'mine' with 204 and stops every refresh token of the caller, and no one else's", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const first = await issueTokens(customer);
    const second = await issueTokens(customer);
    const rotated = await refreshed(second.refreshToken);
    const othersTokens = await issueTokens(other);

    const response = await revoke('mine', bearer(first.accessToken));

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectRefreshFailed(await refresh(first.refreshToken));
    await expectRefreshFailed(await refresh(rotated.refreshToken));
    await refreshed(othersTokens.refreshToken);
  });

  it("answers another customer's refresh token with 204 and leaves it working", async () => {
    const caller = await createCustomer();
    const owner = await createCustomer();
    const callerTokens = await issueTokens(caller);
    const ownerTokens = await issueTokens(owner);

    const response = await revoke(ownerTokens.refreshToken, bearer(callerTokens.accessToken));

    expect(response.status).toBe(204);
    await refreshed(ownerTokens.refreshToken);
  });

  it('answers an unknown refresh token with 204', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);
    expect((await revoke('never-issued-token', bearer(pair.accessToken))).status).toBe(204);
    await refreshed(pair.refreshToken);
  });

  it('answers 403/002 "Missing access token." without a token, and revokes nothing', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);

    await expectMissingAccessToken(await revoke(pair.refreshToken, {}));
    await expectMissingAccessToken(await revoke('mine', {}));

    await refreshed(pair.refreshToken);
  });

  it('answers 401/001 for a bad token, and revokes nothing', async () => {
    const customer = await createCustomer();
    const pair = await issueTokens(customer);

    await expectInvalidAccessToken(await revoke(pair.refreshToken, bearer(`${pair.accessToken}x`)));

    await refreshed(pair.refreshToken);
  });
});
