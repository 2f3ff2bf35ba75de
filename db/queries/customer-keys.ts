import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../client';
import { customerKeys, type CustomerKeyPurpose } from '../schema';

export async function insertCustomerKey(db: Executor, values: typeof customerKeys.$inferInsert) {
  await db.insert(customerKeys).values(values);
}

export async function deleteCustomerKeys(db: Executor, customerId: number, purpose: CustomerKeyPurpose) {
  await db.delete(customerKeys).where(and(eq(customerKeys.customerId, customerId), eq(customerKeys.purpose, purpose)));
}

/**
 * Deletes and returns a live key in one statement: of two concurrent uses exactly one gets the row.
 * Expired or unknown keys return undefined (an expired row is left for the cleanup).
 */
export async function deleteLiveCustomerKey(db: Executor, keyHash: string, purpose: CustomerKeyPurpose, now: Date) {
  const [row] = await db
    .delete(customerKeys)
    .where(and(eq(customerKeys.keyHash, keyHash), eq(customerKeys.purpose, purpose), gt(customerKeys.expiresAt, now)))
    .returning();
  return row;
}

export async function deleteAllCustomerKeys(db: Executor, customerId: number) {
  await db.delete(customerKeys).where(eq(customerKeys.customerId, customerId));
}

/** A live key without using it (e.g. to decide which page to show). */
export async function selectLiveCustomerKey(db: Executor, keyHash: string, purpose: CustomerKeyPurpose, now: Date) {
  const [row] = await db
    .select()
    .from(customerKeys)
    .where(and(eq(customerKeys.keyHash, keyHash), eq(customerKeys.purpose, purpose), gt(customerKeys.expiresAt, now)));
  return row;
}

export async function deleteExpiredCustomerKeys(db: Executor, now: Date) {
  await db.delete(customerKeys).where(lte(customerKeys.expiresAt, now));
}
