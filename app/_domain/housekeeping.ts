import { logUnexpected } from './shared/log';
import { getDb } from '@/db/client';
import { deleteExpiredCustomerKeys } from '@/db/queries/customer-keys';
import { deleteExpiredRateLimits } from '@/db/queries/rate-limits';

/**
 * Deletes rows nobody can use any more: rate-limit counters whose window has ended and email keys
 * that have expired. Safe to run from every instance at once (plain DELETEs).
 */
export async function deleteExpiredRows(now: Date = new Date()): Promise<void> {
  const db = getDb();
  await deleteExpiredRateLimits(db, now);
  await deleteExpiredCustomerKeys(db, now);
}

const globalKey = Symbol.for('shop-account.housekeeping');
type GlobalWithTimer = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

/** Runs `deleteExpiredRows` every `intervalMs` for the life of the process (started by instrumentation.ts). */
export function startHousekeeping(intervalMs = 10 * 60 * 1000): void {
  const store = globalThis as GlobalWithTimer;
  if (store[globalKey]) return;
  store[globalKey] = setInterval(() => {
    deleteExpiredRows().catch((error) => logUnexpected('housekeeping', error));
  }, intervalMs);
  store[globalKey].unref();
}
