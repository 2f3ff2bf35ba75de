import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { customerAddresses, customers, type NewAddressRow } from '../schema';

/** Locks the customer row: serializes address writes of one customer (default-flag invariants). */
export async function lockCustomerRow(db: Executor, customerId: number) {
  const [row] = await db
    .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName, anonymizedAt: customers.anonymizedAt })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update');
  return row;
}

/** Default addresses first, then oldest first. */
/** An address book's order: default addresses first, then oldest first. */
export const ADDRESS_BOOK_ORDER = [
  desc(sql`(${customerAddresses.isDefaultShipping} or ${customerAddresses.isDefaultBilling})`),
  asc(customerAddresses.createdAt),
  asc(customerAddresses.id),
];

export async function selectAddressesByCustomer(db: Executor, customerId: number) {
  return db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(...ADDRESS_BOOK_ORDER);
}

export async function selectAddressByUuid(db: Executor, customerId: number, uuid: string) {
  const [row] = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.uuid, uuid)));
  return row;
}

export async function selectAddressById(db: Executor, customerId: number, id: number) {
  const [row] = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, id)));
  return row;
}

export async function selectAddressByReferenceKey(db: Executor, customerId: number, referenceKey: string) {
  const [row] = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.referenceKey, referenceKey)));
  return row;
}

/** The address books of several customers (a page of the admin API's list), in book order. */
export async function selectAddressesByCustomers(db: Executor, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(customerAddresses)
    .where(inArray(customerAddresses.customerId, customerIds))
    .orderBy(asc(customerAddresses.customerId), ...ADDRESS_BOOK_ORDER);
}

export async function countAddressesOfCustomer(db: Executor, customerId: number): Promise<number> {
  return db.$count(customerAddresses, eq(customerAddresses.customerId, customerId));
}

export async function selectDefaultFlags(db: Executor, customerId: number) {
  const [row] = await db
    .select({
      hasShipping: sql<boolean>`bool_or(${customerAddresses.isDefaultShipping})`,
      hasBilling: sql<boolean>`bool_or(${customerAddresses.isDefaultBilling})`,
    })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId));
  return { hasShipping: Boolean(row?.hasShipping), hasBilling: Boolean(row?.hasBilling) };
}

export async function clearDefaultAddress(db: Executor, customerId: number, kind: 'shipping' | 'billing') {
  const column = kind === 'shipping' ? customerAddresses.isDefaultShipping : customerAddresses.isDefaultBilling;
  await db
    .update(customerAddresses)
    .set(kind === 'shipping' ? { isDefaultShipping: false } : { isDefaultBilling: false })
    .where(and(eq(customerAddresses.customerId, customerId), eq(column, true)));
}

export async function insertAddress(db: Executor, values: NewAddressRow) {
  const [row] = await db.insert(customerAddresses).values(values).returning();
  return row!;
}

export async function updateAddress(db: Executor, id: number, values: Partial<NewAddressRow>) {
  const [row] = await db.update(customerAddresses).set(values).where(eq(customerAddresses.id, id)).returning();
  return row!;
}

export async function deleteAddress(db: Executor, id: number) {
  await db.delete(customerAddresses).where(eq(customerAddresses.id, id));
}

export async function deleteCustomerAddresses(db: Executor, customerId: number) {
  await db.delete(customerAddresses).where(eq(customerAddresses.customerId, customerId));
}
