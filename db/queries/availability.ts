import { and, asc, count, eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../client';
import { availabilitySubscriptions, emailOutbox, products, productRestocks, type NewProductRow } from '../schema';

/**
 * Products, back-in-stock subscriptions and the restocks whose subscribers are still to be told.
 * The product row is locked by its upsert, so concurrent updates of one product serialize and
 * exactly one of them sees it turn available.
 */

/** Writes the product and returns it with its availability before the write (null: it is new). Run in a transaction. */
export async function upsertProductLocked(tx: Executor, values: NewProductRow, now: Date) {
  const [inserted] = await tx.insert(products).values({ ...values, createdAt: now, updatedAt: now }).onConflictDoNothing().returning();
  if (inserted) return { product: inserted, wasAvailable: null };
  const [before] = await tx.select({ isAvailable: products.isAvailable }).from(products).where(eq(products.sku, values.sku)).for('update');
  const [row] = await tx
    .update(products)
    .set({ name: values.name, isAvailable: values.isAvailable, url: values.url ?? null, updatedAt: now })
    .where(eq(products.sku, values.sku))
    .returning();
  return { product: row!, wasAvailable: before!.isAvailable };
}

export async function selectProduct(db: Executor, sku: string) {
  const [row] = await db.select().from(products).where(eq(products.sku, sku));
  return row;
}

export async function countSubscribers(db: Executor, sku: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(availabilitySubscriptions).where(eq(availabilitySubscriptions.sku, sku));
  return Number(row?.n ?? 0);
}

/** Inserts a subscription; undefined when the address already follows the product (case-insensitive). */
export async function insertSubscription(db: Executor, values: typeof availabilitySubscriptions.$inferInsert) {
  const [row] = await db.insert(availabilitySubscriptions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function countSubscriptionsOfAddress(db: Executor, email: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(availabilitySubscriptions)
    .where(sql`lower(${availabilitySubscriptions.email}) = ${email.toLowerCase()}`);
  return Number(row?.n ?? 0);
}

/** A subscription with its product's name and page. */
const withProduct = {
  key: availabilitySubscriptions.key,
  sku: availabilitySubscriptions.sku,
  email: availabilitySubscriptions.email,
  customerId: availabilitySubscriptions.customerId,
  localeName: availabilitySubscriptions.localeName,
  createdAt: availabilitySubscriptions.createdAt,
  productName: products.name,
  productUrl: products.url,
  isAvailable: products.isAvailable,
};

export async function selectSubscriptionByKey(db: Executor, key: string) {
  const [row] = await db
    .select(withProduct)
    .from(availabilitySubscriptions)
    .innerJoin(products, eq(products.sku, availabilitySubscriptions.sku))
    .where(eq(availabilitySubscriptions.key, key));
  return row;
}

export async function selectSubscriptionsOfCustomer(db: Executor, customerId: number) {
  return db
    .select(withProduct)
    .from(availabilitySubscriptions)
    .innerJoin(products, eq(products.sku, availabilitySubscriptions.sku))
    .where(eq(availabilitySubscriptions.customerId, customerId))
    .orderBy(asc(availabilitySubscriptions.createdAt), asc(availabilitySubscriptions.id));
}

/** Deletes a subscription by its key (optionally only the customer's own); returns it, or undefined. */
export async function deleteSubscriptionByKey(db: Executor, key: string, customerId?: number) {
  const [row] = await db
    .delete(availabilitySubscriptions)
    .where(and(eq(availabilitySubscriptions.key, key), customerId === undefined ? undefined : eq(availabilitySubscriptions.customerId, customerId)))
    .returning();
  return row;
}

/** Anonymization: the customer's subscriptions, and any other made for their address. */
export async function deleteSubscriptionsOfCustomer(db: Executor, customerId: number, email: string | null) {
  await db
    .delete(availabilitySubscriptions)
    .where(
      email
        ? sql`${availabilitySubscriptions.customerId} = ${customerId} or lower(${availabilitySubscriptions.email}) = ${email.toLowerCase()}`
        : eq(availabilitySubscriptions.customerId, customerId),
    );
}

export async function insertRestock(db: Executor, sku: string, now: Date) {
  await db.insert(productRestocks).values({ sku, createdAt: now });
}

/** The oldest restock no other instance is working on, locked for this transaction. */
export async function claimRestock(tx: Executor) {
  const [row] = await tx.select().from(productRestocks).orderBy(asc(productRestocks.id)).limit(1).for('update', { skipLocked: true });
  return row;
}

export async function deleteRestock(tx: Executor, id: number) {
  await tx.delete(productRestocks).where(eq(productRestocks.id, id));
}

/**
 * Moves up to `limit` subscribers of a restock to the outbox in one statement: each subscription is
 * deleted and its notice inserted together, so a subscriber is told exactly once.
 */
export async function moveSubscribersToOutbox(
  tx: Executor,
  restock: { sku: string; createdAt: Date },
  message: { kind: string; subject: string; textBody: string; htmlBody: string },
  limit: number,
): Promise<number> {
  const result = await tx.execute(sql`
    with due as (
      delete from ${availabilitySubscriptions}
      where ${availabilitySubscriptions.id} in (
        select id from ${availabilitySubscriptions}
        where ${availabilitySubscriptions.sku} = ${restock.sku} and ${availabilitySubscriptions.createdAt} <= ${restock.createdAt.toISOString()}::timestamptz
        order by id
        limit ${limit}
      )
      returning email, customer_id
    ), queued as (
      insert into ${emailOutbox} (kind, customer_id, to_address, subject, text_body, html_body)
      select ${message.kind}, customer_id, email, ${message.subject}, ${message.textBody}, ${message.htmlBody} from due
      returning 1
    )
    select count(*)::int as n from queued`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}
