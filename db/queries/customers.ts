import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { customers, type NewCustomerRow } from '../schema';

/** Inserts a customer; returns undefined when the email (case-insensitive) is already taken. */
export async function insertCustomer(db: Executor, values: NewCustomerRow) {
  const [row] = await db.insert(customers).values(values).onConflictDoNothing().returning();
  return row;
}

/** Inserts a customer; a taken email or reference key throws the unique violation (its constraint tells which). */
export async function insertCustomerStrict(db: Executor, values: NewCustomerRow) {
  const [row] = await db.insert(customers).values(values).returning();
  return row!;
}

export async function selectCustomerById(db: Executor, id: number) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row;
}

export async function selectCustomerByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(sql`lower(${customers.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

/** Marks the customer's email as confirmed (keeps the first confirmation time). */
export async function updateCustomerConfirmed(db: Executor, id: number, now: Date) {
  const [row] = await db
    .update(customers)
    .set({ confirmedAt: sql`coalesce(${customers.confirmedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(customers.id, id), isNull(customers.anonymizedAt)))
    .returning();
  return row;
}

export async function updateCustomerLastLogin(db: Executor, id: number, now: Date) {
  await db.update(customers).set({ lastLoginAt: now }).where(eq(customers.id, id));
}

/** Writes the given profile columns; returns the updated row (undefined for an anonymized customer). */
export async function updateCustomerProfile(db: Executor, id: number, values: Partial<NewCustomerRow>, now: Date) {
  const [row] = await db
    .update(customers)
    .set({ ...values, updatedAt: now })
    .where(and(eq(customers.id, id), isNull(customers.anonymizedAt)))
    .returning();
  return row;
}

export async function updateCustomerPassword(db: Executor, id: number, passwordHash: string | null, passwordHashType: string, now: Date) {
  await db.update(customers).set({ passwordHash, passwordHashType, updatedAt: now }).where(eq(customers.id, id));
}

/**
 * Replaces an imported (or outdated) hash by a new one, only while the row still holds the hash
 * that was checked; never touches `updated_at` (nothing the customer sees changed).
 */
export async function rehashCustomerPassword(
  db: Executor,
  checked: { id: number; passwordHash: string | null; passwordHashType: string | null },
  passwordHash: string,
  passwordHashType: string,
) {
  await db
    .update(customers)
    .set({ passwordHash, passwordHashType })
    .where(
      and(
        eq(customers.id, checked.id),
        checked.passwordHash === null ? isNull(customers.passwordHash) : eq(customers.passwordHash, checked.passwordHash),
        checked.passwordHashType === null ? isNull(customers.passwordHashType) : eq(customers.passwordHashType, checked.passwordHashType),
      ),
    );
}

export async function updateCustomerResetRequested(db: Executor, id: number, now: Date) {
  await db.update(customers).set({ passwordResetRequestedAt: now }).where(eq(customers.id, id));
}

/**
 * Removes every personal datum of a customer; the row, its id and reference stay for order history.
 * Running it again changes nothing but `updated_at`.
 */
export async function anonymizeCustomerRow(db: Executor, id: number, now: Date) {
  await db
    .update(customers)
    .set({
      salutation: null,
      title: null,
      firstName: null,
      lastName: null,
      email: null,
      gender: null,
      dateOfBirth: null,
      phone: null,
      company: null,
      passwordHash: null,
      passwordHashType: null,
      isActive: false,
      lastLoginAt: null,
      passwordResetRequestedAt: null,
      anonymizedAt: sql`coalesce(${customers.anonymizedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
    })
    .where(eq(customers.id, id));
}
