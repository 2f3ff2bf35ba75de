import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, type Executor } from '../client';
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

const epochMs = (column: SQLWrapper) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * One statement for a guarded attempt: unless `lock`'s counter is used up (at least `lock.max`
 * hits in a live window), adds one hit to each of `counters` (the upsert of `incrementRateLimit`).
 * Returns the lock's window end when it is locked (nothing counted), else each counter's new count
 * and window end, in order.
 */
export async function incrementRateLimitsUnlessLocked(
  db: Executor,
  lock: { key: string; max: number },
  counters: { key: string; windowEndsAt: Date }[],
  now: Date,
): Promise<{ locked: { windowEndsAt: Date } } | { locked: null; counters: { hits: number; windowEndsAt: Date }[] }> {
  const nowIso = now.toISOString();
  const upserts = counters.map(
    ({ key, windowEndsAt }, i) => sql`${sql.raw(`counter_${i}`)} as (
      insert into ${rateLimits} (key, hits, window_ends_at)
      select ${key}, 1, ${windowEndsAt.toISOString()}::timestamptz where (select locked_until from lock) is null
      on conflict (key) do update set
        hits = case when ${rateLimits.windowEndsAt} <= ${nowIso}::timestamptz then 1 else ${rateLimits.hits} + 1 end,
        window_ends_at = case when ${rateLimits.windowEndsAt} <= ${nowIso}::timestamptz then excluded.window_ends_at else ${rateLimits.windowEndsAt} end
      returning ${i}::int as position, hits, window_ends_at)`,
  );
  const counted = sql.join(
    counters.map((_, i) => sql`select position, hits, ${epochMs(sql`window_ends_at`)} as ends_ms from ${sql.raw(`counter_${i}`)}`),
    sql` union all `,
  );
  const rows = rowsOf<{ locked_ms: number | null; position: number | null; hits: number | null; ends_ms: number | null }>(
    await db.execute(sql`
      with lock as (
        select (select ${epochMs(rateLimits.windowEndsAt)} from ${rateLimits}
                where ${rateLimits.key} = ${lock.key} and ${rateLimits.windowEndsAt} > ${nowIso}::timestamptz and ${rateLimits.hits} >= ${lock.max}) as locked_until
      ), ${sql.join(upserts, sql`, `)}
      select lock.locked_until as locked_ms, counted.position, counted.hits, counted.ends_ms
      from lock left join (${counted}) as counted on true
      order by counted.position`),
  );
  const lockedMs = rows[0]?.locked_ms;
  if (lockedMs !== null && lockedMs !== undefined) return { locked: { windowEndsAt: new Date(Number(lockedMs)) } };
  return { locked: null, counters: rows.map((row) => ({ hits: Number(row.hits), windowEndsAt: new Date(Number(row.ends_ms)) })) };
}

/** One statement: deletes the counter `reset` and takes one hit back from `undo`. */
export async function deleteAndDecrementRateLimits(db: Executor, reset: string, undo: string) {
  await db.execute(sql`
    with reset as (delete from ${rateLimits} where ${rateLimits.key} = ${reset})
    update ${rateLimits} set hits = greatest(${rateLimits.hits} - 1, 0) where ${rateLimits.key} = ${undo}`);
}
