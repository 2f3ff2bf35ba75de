import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  ADMIN_KEY_TOUCH_INTERVAL_MS,
  insertAdminApiKey,
  revokeAdminApiKey,
  selectAdminApiKeys,
  selectLiveAdminApiKeyByHash,
  touchAdminApiKey,
} from '@/db/queries/admin-api-keys';
import { adminPrincipal, type AdminPrincipal } from '../auth/principal';
import { hashSecretKey, newSecretKey } from '../shared/secrets';
import { parseInput, requiredText } from '../shared/validation';

/**
 * Admin API keys (`X-Access-Token`), created, listed and revoked with `npm run admin-key`.
 * - A key is `sk_admin_` + 256 random bits (base64url): the prefix makes a leaked key recognisable
 *   to secret scanners. It is shown once; only its SHA-256 (hex) is stored, which is enough for a
 *   random secret of that size.
 * - A key is found by a unique-index lookup of its hash (the secret never meets a byte-wise
 *   comparison), and the stored hash is compared again in constant time.
 * - Every request reads the database (no cache), so a revoked key fails on the next request on
 *   every instance. `last_used_at` is approximate: written at most once a minute per key, and a
 *   failed write never fails the request.
 */

const ADMIN_KEY_PREFIX = 'sk_admin_';

/** Longer input is refused before hashing (a key is 52 characters). */
const MAX_KEY_LENGTH = 200;

const createSchema = z.object({ name: requiredText(100) });

export type AdminKeySummary = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** Creates a key named `name`; the returned `key` is the only copy of the secret. */
export async function createAdminKey(name: unknown): Promise<{ id: number; name: string; key: string }> {
  const input = parseInput(createSchema, { name });
  const key = `${ADMIN_KEY_PREFIX}${newSecretKey()}`;
  const row = await insertAdminApiKey(getDb(), { name: input.name, keyHash: hashSecretKey(key) });
  return { id: row.id, name: row.name, key };
}

/** Every key, revoked ones included, by id. */
export async function listAdminKeys(): Promise<AdminKeySummary[]> {
  const rows = await selectAdminApiKeys(getDb());
  return rows.map(({ id, name, createdAt, lastUsedAt, revokedAt }) => ({ id, name, createdAt, lastUsedAt, revokedAt }));
}

/** Revokes key `id`; false when no live key has that id (a malformed id names no key). */
export async function revokeAdminKey(id: unknown, now: Date = new Date()): Promise<boolean> {
  const keyId = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof keyId !== 'number' || !Number.isSafeInteger(keyId) || keyId <= 0) return false;
  return (await revokeAdminApiKey(getDb(), keyId, now)) !== undefined;
}

/** The admin principal of a live key, or null for a missing, malformed, unknown or revoked one. */
export async function resolveAdminKey(raw: string | null, now: Date = new Date()): Promise<AdminPrincipal | null> {
  if (!raw || raw.length > MAX_KEY_LENGTH) return null;
  const keyHash = hashSecretKey(raw);
  const row = await selectLiveAdminApiKeyByHash(getDb(), keyHash);
  if (!row || !sameHash(row.keyHash, keyHash)) return null;
  // The row tells whether its last use is older than the interval: most requests write nothing.
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= ADMIN_KEY_TOUCH_INTERVAL_MS;
  try {
    if (stale) await touchAdminApiKey(getDb(), row.id, now);
  } catch {
    // Bookkeeping only: the key is valid whether or not its use could be recorded.
  }
  return adminPrincipal(row.id);
}

function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(computed, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
