import 'server-only';
import { getDb } from '@/db/client';
import type { Executor } from '@/db/client';
import {
  decrementRateLimit,
  deleteAndDecrementRateLimits,
  deleteRateLimit,
  incrementRateLimit,
  incrementRateLimitsUnlessLocked,
  selectRateLimit,
  touchRateLimit,
} from '@/db/queries/rate-limits';
import { rateLimit, type LimitName } from '../shared/config';
import { DomainError } from '../shared/errors';

/**
 * Fixed-window rate limits kept in Postgres, so every app instance shares them.
 * Subjects are client IPs or submitted emails (trimmed, lower-cased, whether or not an account
 * exists), so a 429 never tells whether an address is registered.
 */

function keyOf(name: LimitName, subject: string): string {
  return `${name}:${subject.trim().toLowerCase()}`;
}

function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

/** Counts one attempt; throws `rateLimited` (with the seconds left) once the limit is exceeded. */
export async function consumeRateLimit(name: LimitName, subject: string, now: Date): Promise<void> {
  const { max, windowSeconds } = rateLimit(name);
  const row = await incrementRateLimit(getDb(), keyOf(name, subject), now, new Date(now.getTime() + windowSeconds * 1000));
  if (row.hits > max) throw new DomainError('rateLimited', { retryAfterSeconds: secondsUntil(row.windowEndsAt, now) });
}

/** Takes back one counted attempt (e.g. a sign-in that turned out to succeed). */
export async function undoRateLimitHit(name: LimitName, subject: string): Promise<void> {
  await decrementRateLimit(getDb(), keyOf(name, subject));
}

/** Throws `rateLimited` when `subject` has already used up its attempts, without counting one. */
export async function assertNotRateLimited(name: LimitName, subject: string, now: Date): Promise<void> {
  const { max } = rateLimit(name);
  const row = await selectRateLimit(getDb(), keyOf(name, subject));
  if (row && row.windowEndsAt > now && row.hits >= max) {
    throw new DomainError('rateLimited', { retryAfterSeconds: secondsUntil(row.windowEndsAt, now) });
  }
}

type Limit = { name: LimitName; subject: string };

/**
 * `assertNotRateLimited(lock)` and then `consumeRateLimit` of each of `attempts`, in one round
 * trip: throws `rateLimited` without counting while `lock` has used up its attempts, else counts
 * one attempt against each and throws when one of them is over its limit.
 */
export async function consumeRateLimitsUnlessLocked(lock: Limit, attempts: Limit[], now: Date): Promise<void> {
  const result = await incrementRateLimitsUnlessLocked(
    getDb(),
    { key: keyOf(lock.name, lock.subject), max: rateLimit(lock.name).max },
    attempts.map(({ name, subject }) => ({ key: keyOf(name, subject), windowEndsAt: new Date(now.getTime() + rateLimit(name).windowSeconds * 1000) })),
    now,
  );
  if (result.locked) throw new DomainError('rateLimited', { retryAfterSeconds: secondsUntil(result.locked.windowEndsAt, now) });
  attempts.forEach(({ name }, i) => {
    const counter = result.counters[i]!;
    if (counter.hits > rateLimit(name).max) throw new DomainError('rateLimited', { retryAfterSeconds: secondsUntil(counter.windowEndsAt, now) });
  });
}

/** `resetRateLimit(reset)` and `undoRateLimitHit(undo)` in one round trip (a sign-in that succeeded). */
export async function resetAndUndoRateLimits(reset: Limit, undo: Limit): Promise<void> {
  await deleteAndDecrementRateLimits(getDb(), keyOf(reset.name, reset.subject), keyOf(undo.name, undo.subject));
}

/** Rewrites `subject`'s counter unchanged in `tx` (work that costs what a real write costs). */
export async function touchRateLimitCounter(tx: Executor, name: LimitName, subject: string): Promise<void> {
  await touchRateLimit(tx, keyOf(name, subject));
}

export async function resetRateLimit(name: LimitName, subject: string): Promise<void> {
  await deleteRateLimit(getDb(), keyOf(name, subject));
}
