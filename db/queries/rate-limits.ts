import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { rateLimits } from '../schema';

/**
 * Adds one hit to a fixed-window counter in a single atomic upsert and returns the new count and
 * the window end. A counter whose window has ended starts again at 1.
 */
export async function incrementRateLimit(db: Executor, key: string, now: Date, windowEndsAt: Date) {
  const nowIso = now.toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, windowEndsAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowEndsAt} <= ${nowIso}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= ${nowIso}::timestamptz then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning();
  return row!;
}

export async function selectRateLimit(db: Executor, key: string) {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  return row;
}

export async function decrementRateLimit(db: Executor, key: string) {
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Rewrites a counter's row unchanged: a committed write of the same size as a real one. */
export async function touchRateLimit(db: Executor, key: string) {
  await db.update(rateLimits).set({ hits: sql`${rateLimits.hits}` }).where(eq(rateLimits.key, key));
}

export async function deleteRateLimit(db: Executor, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function deleteExpiredRateLimits(db: Executor, now: Date) {
  await db.delete(rateLimits).where(sql`${rateLimits.windowEndsAt} <= ${now.toISOString()}::timestamptz`);
}
