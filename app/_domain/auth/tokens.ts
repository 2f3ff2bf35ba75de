import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import {
  insertRefreshToken,
  revokeCustomerTokenFamilies,
  revokeTokenFamily,
  insertTokenFamilyWithRefreshToken,
  selectLiveTokenFamily,
  selectLiveTokenFamilyWithAddresses,
  selectRefreshToken,
  touchTokenFamily,
  markRefreshTokenUsed,
} from '@/db/queries/auth';
import type { AddressRow, CustomerRow } from '@/db/schema';
import { toCustomerReference } from '../customers/reference';
import { accessTokenTtlSeconds, refreshTokenTtlSeconds } from '../shared/config';
import { nowOf, storedUserAgent, type RequestContext } from '../shared/context';
import { LAST_USED_PRECISION_MS } from './sessions';
import { DomainError } from '../shared/errors';
import { hashSecretKey } from '../shared/secrets';
import { parseInput } from '../shared/validation';
import { signAccessToken, verifyAccessToken } from './access-tokens';
import { customerPrincipal, type CustomerPrincipal } from './principal';
import { authenticate } from './authenticate';
import { refreshTokenSchema } from './schema';

/**
 * OAuth-style API tokens (Glue's password grant).
 * - Every POST /access-tokens starts a token family; its access tokens (JWT, 8 h) name the family
 *   and every request checks that the family is live, so revocation is immediate.
 * - Refresh tokens are 256-bit random strings, stored as SHA-256, valid 30 days, rotated on every
 *   use. Presenting a used one again (a replay, or the loser of two parallel refreshes) revokes the
 *   whole family: its refresh tokens and every access token issued from it.
 */

export type TokenPair = { accessToken: string; expiresIn: number; refreshToken: string; refreshTokenExpiresIn: number };

/** A refresh token's secret, its stored row and the lifetimes (the access token is signed apart). */
function newRefreshToken(now: Date) {
  const expiresIn = accessTokenTtlSeconds();
  const refreshTokenExpiresIn = refreshTokenTtlSeconds();
  const refreshToken = randomBytes(32).toString('base64url');
  const row = { tokenHash: hashSecretKey(refreshToken), createdAt: now, expiresAt: new Date(now.getTime() + refreshTokenExpiresIn * 1000) };
  return { refreshToken, row, expiresIn, refreshTokenExpiresIn };
}

async function signedPair(customerId: number, familyId: string, now: Date, fresh: ReturnType<typeof newRefreshToken>): Promise<TokenPair> {
  const accessToken = await signAccessToken({ customerId, familyId, reference: toCustomerReference(customerId) }, now, fresh.expiresIn);
  return { accessToken, expiresIn: fresh.expiresIn, refreshToken: fresh.refreshToken, refreshTokenExpiresIn: fresh.refreshTokenExpiresIn };
}

/** The next pair of an existing family (a refresh). */
async function issueTokenPair(customerId: number, familyId: string, now: Date): Promise<TokenPair> {
  const fresh = newRefreshToken(now);
  await insertRefreshToken(getDb(), { ...fresh.row, familyId, customerId });
  return signedPair(customerId, familyId, now, fresh);
}

/**
 * POST /access-tokens: checks the credentials (shared limits) and starts a token family (one
 * statement with its first refresh token, sent with the sign-in's own writes).
 */
export async function createAccessTokens(input: unknown, context: RequestContext): Promise<TokenPair> {
  const now = nowOf(context);
  const familyId = randomUUID();
  const fresh = newRefreshToken(now);
  const customer = await authenticate(input, { ...context, now }, (signedIn) =>
    insertTokenFamilyWithRefreshToken(getDb(), { id: familyId, customerId: signedIn.id, userAgent: storedUserAgent(context.userAgent) }, fresh.row),
  );
  return signedPair(customer.id, familyId, now, fresh);
}

/** POST /refresh-tokens: rotates a refresh token; reuse revokes its family. */
export async function refreshAccessTokens(input: unknown, context: Pick<RequestContext, 'now'>): Promise<TokenPair> {
  const now = nowOf(context);
  const { refreshToken } = parseInput(refreshTokenSchema, input);
  const tokenHash = hashSecretKey(refreshToken);
  const db = getDb();
  const used = await markRefreshTokenUsed(db, tokenHash, now);
  if (!used) {
    const known = await selectRefreshToken(db, tokenHash);
    if (known?.usedAt) await revokeTokenFamily(db, known.familyId, now);
    throw new DomainError('invalidRefreshToken');
  }
  const family = await selectLiveTokenFamily(db, used.familyId);
  if (!family) throw new DomainError('invalidRefreshToken');
  return issueTokenPair(used.customerId, used.familyId, now);
}

/**
 * The principal of a valid, unrevoked access token; null otherwise. `withAddresses`: the same
 * statement reads the customer's address book along (`GET …/addresses` needs nothing else).
 */
export async function resolveAccessToken(token: string, now: Date = new Date(), options: { withAddresses?: boolean } = {}): Promise<CustomerPrincipal | null> {
  const claims = await verifyAccessToken(token, now);
  if (!claims) return null;
  const row: { family: { lastUsedAt: Date }; customer: CustomerRow; addresses?: AddressRow[] } | undefined = options.withAddresses
    ? await selectLiveTokenFamilyWithAddresses(getDb(), claims.familyId)
    : await selectLiveTokenFamily(getDb(), claims.familyId);
  if (!row || row.customer.id !== claims.customerId) return null;
  if (now.getTime() - row.family.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) await touchTokenFamily(getDb(), claims.familyId, now);
  // The rows the check read are the account as of this request: `getOwnCustomer` and
  // `listAddresses` need no second query.
  return customerPrincipal(claims.customerId, { familyId: claims.familyId }, row.customer, row.addresses);
}

/**
 * DELETE /refresh-tokens/{token} (API sign-out): ends the token family of one of the caller's
 * refresh tokens, or every family of the caller for `mine` — refresh and access tokens alike, so
 * no access token outlives the sign-out (a deliberate, safer deviation from Glue). Another
 * customer's (or an unknown) token is silently left alone.
 */
export async function revokeRefreshToken(principal: CustomerPrincipal, token: string, now: Date = new Date()): Promise<void> {
  const db = getDb();
  if (token === 'mine') {
    await revokeCustomerTokenFamilies(db, principal.customerId, now);
    return;
  }
  const known = await selectRefreshToken(db, hashSecretKey(token));
  if (known && known.customerId === principal.customerId) await revokeTokenFamily(db, known.familyId, now);
}
