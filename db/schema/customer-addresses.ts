import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';

export type CollectionPoint = { customerKey: string | null; description: string | null; key: string | null; type: string | null };

/**
 * The address book, shared by the storefront (`uuid` as the address id) and the admin API (`id`,
 * `reference_key`). The partial unique indexes hold the invariant "at most one default shipping
 * and one default billing address per customer" in the database itself.
 */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uuid: uuid().notNull().defaultRandom(),
    customerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    referenceKey: text(),
    salutation: text(),
    gender: text(),
    title: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    street: text().notNull(),
    houseNumber: text().notNull(),
    additional: text(),
    zipCode: text().notNull(),
    city: text().notNull(),
    countryCode: text().notNull(),
    state: text(),
    phone: text(),
    company: text(),
    collectionPoint: jsonb().$type<CollectionPoint>(),
    isDefaultShipping: boolean().notNull().default(false),
    isDefaultBilling: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_addresses_uuid_key').on(t.uuid),
    uniqueIndex('customer_addresses_reference_key_key').on(t.customerId, t.referenceKey),
    uniqueIndex('customer_addresses_default_shipping_key').on(t.customerId).where(sql`${t.isDefaultShipping}`),
    uniqueIndex('customer_addresses_default_billing_key').on(t.customerId).where(sql`${t.isDefaultBilling}`),
    index('customer_addresses_customer_idx').on(t.customerId, t.createdAt),
    // The admin API's filters on the country of the default addresses.
    index('customer_addresses_default_shipping_country_idx').on(t.countryCode, t.customerId).where(sql`${t.isDefaultShipping}`),
    index('customer_addresses_default_billing_country_idx').on(t.countryCode, t.customerId).where(sql`${t.isDefaultBilling}`),
  ],
);

export type AddressRow = typeof customerAddresses.$inferSelect;
export type NewAddressRow = typeof customerAddresses.$inferInsert;
