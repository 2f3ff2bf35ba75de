import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { adminApiKeys } from '../schema';

/** How often a busy key writes `last_used_at`: at most once per this many milliseconds. */
export const ADMIN_KEY_TOUCH_INTERVAL_MS = 60_000;

export async function insertAdminApiKey(db: Executor, values: { name: string; keyHash: string }) {
  const [row] = await db.insert(adminApiKeys).values(values).returning();
  return row!;
}

export async function selectAdminApiKeys(db: Executor) {
  return db.select().from(adminApiKeys).orderBy(asc(adminApiKeys.id));
}

/** The unrevoked key with this hash (a unique-index lookup), or undefined. */
export async function selectLiveAdminApiKeyByHash(db: Executor, keyHash: string) {
  const [row] = await db
    .select()
    .from(adminApiKeys)
    .where(and(eq(adminApiKeys.keyHash, keyHash), isNull(adminApiKeys.revokedAt)));
  return row;
}

/** Revokes a live key; undefined when there is no such key or it was revoked already. */
export async function revokeAdminApiKey(db: Executor, id: number, now: Date) {
  const [row] = await db
    .update(adminApiKeys)
    .set({ revokedAt: now })
    .where(and(eq(adminApiKeys.id, id), isNull(adminApiKeys.revokedAt)))
    .returning();
  return row;
}

/**
 * Sets `last_used_at` to `now` unless it was written less than a minute ago; the condition is in
 * the WHERE clause, so a key serving many requests writes once a minute. True when it wrote.
 */
export async function touchAdminApiKey(db: Executor, id: number, now: Date): Promise<boolean> {
  const before = new Date(now.getTime() - ADMIN_KEY_TOUCH_INTERVAL_MS);
  const rows = await db
    .update(adminApiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(adminApiKeys.id, id), or(isNull(adminApiKeys.lastUsedAt), lt(adminApiKeys.lastUsedAt, before))))
    .returning({ id: adminApiKeys.id });
  return rows.length > 0;
}
