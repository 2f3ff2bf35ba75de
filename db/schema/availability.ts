import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from './customers';

const ts = () => timestamp({ withTimezone: true, precision: 6 });

/** What the catalog (another system) tells the shop about a product: it exists, and whether it can be bought. */
export const products = pgTable('products', {
  sku: text().primaryKey(),
  name: text().notNull(),
  isAvailable: boolean().notNull(),
  /** The product's page in the shop; null: our own /products/{sku}. */
  url: text(),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});

/**
 * Back-in-stock subscriptions (Glue's availability-notifications): one per address and product.
 * `key` (128 random bits, hex) is the resource id and the unsubscribe link's secret. A subscription
 * ends when its notice is written to the outbox (in the same statement that deletes it).
 */
export const availabilitySubscriptions = pgTable(
  'availability_subscriptions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text().notNull(),
    sku: text()
      .notNull()
      .references(() => products.sku, { onDelete: 'cascade' }),
    email: text().notNull(),
    /** The signed-in customer who subscribed; anonymizing the customer deletes it. */
    customerId: bigint({ mode: 'number' }).references(() => customers.id, { onDelete: 'cascade' }),
    localeName: text().notNull().default('en_US'),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('availability_subscriptions_key_key').on(t.key),
    uniqueIndex('availability_subscriptions_email_sku_key').on(sql`lower(${t.email})`, t.sku),
    index('availability_subscriptions_sku_idx').on(t.sku, t.id),
    index('availability_subscriptions_customer_idx').on(t.customerId),
  ],
);

/**
 * A product that came back: its subscribers are still to be notified. Written by the PUT that
 * turned the product available (one row, whatever the number of subscribers); the fan-out moves
 * its subscribers to the outbox in batches and then deletes it.
 */
export const productRestocks = pgTable('product_restocks', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sku: text()
    .notNull()
    .references(() => products.sku, { onDelete: 'cascade' }),
  /** Subscriptions made up to this moment are notified (later ones wait for the next return). */
  createdAt: ts().notNull().defaultNow(),
});

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
export type SubscriptionRow = typeof availabilitySubscriptions.$inferSelect;
