import 'server-only';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { appUrl } from '../shared/config';
import { authSecrets } from './secret';

/**
 * Access tokens are HS256 JWTs signed with a key derived (HKDF) from each AUTH_SECRET; the key id
 * (`kid`) names the secret, so secrets rotate without breaking live tokens. Verification allows
 * only HS256 and checks issuer, audience and expiry; the family claim is then checked in the
 * database by the caller.
 */

const ALGORITHM = 'HS256';
const AUDIENCE = 'storefront-api';

type SigningKey = { kid: string; key: Uint8Array };

let cached: { secrets: string; keys: SigningKey[] } | undefined;

/** The derived keys, computed once per set of secrets (not on every request). */
function signingKeys(): SigningKey[] {
  const secrets = authSecrets();
  const id = secrets.join(',');
  if (cached?.secrets !== id) {
    const keys = secrets.map((secret) => {
      const key = new Uint8Array(hkdfSync('sha256', secret, 'shop-account', 'access-token-signing-key', 32));
      const kid = createHash('sha256').update(key).digest('hex').slice(0, 16);
      return { kid, key };
    });
    cached = { secrets: id, keys };
  }
  return cached.keys;
}

export type AccessTokenClaims = { customerId: number; familyId: string };

export async function signAccessToken(claims: AccessTokenClaims & { reference: string }, now: Date, ttlSeconds: number) {
  const [current] = signingKeys();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ fam: claims.familyId, cid: claims.customerId, idCompanyUser: null })
    .setProtectedHeader({ alg: ALGORITHM, kid: current!.kid, typ: 'JWT' })
    .setSubject(claims.reference)
    .setIssuer(appUrl())
    .setAudience(AUDIENCE)
    .setJti(randomBytes(12).toString('base64url'))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(current!.key);
}

/** The claims of a valid token, or null for anything malformed, forged, expired or foreign. */
export async function verifyAccessToken(token: string, now: Date): Promise<AccessTokenClaims | null> {
  const keys = signingKeys();
  try {
    const { payload } = await jwtVerify<JWTPayload & { fam?: unknown; cid?: unknown }>(
      token,
      async (header) => {
        const match = keys.find((k) => k.kid === header.kid);
        if (!match) throw new errors.JWKSNoMatchingKey();
        return match.key;
      },
      { algorithms: [ALGORITHM], issuer: appUrl(), audience: AUDIENCE, currentDate: now, requiredClaims: ['exp', 'sub'] },
    );
    if (typeof payload.fam !== 'string' || typeof payload.cid !== 'number') return null;
    return { customerId: payload.cid, familyId: payload.fam };
  } catch {
    return null;
  }
}
