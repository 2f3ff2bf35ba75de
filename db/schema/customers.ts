import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
};

/**
 * One row per shopper, shared by the storefront (customerReference `<STORE>--<id>`) and the admin API (`id`).
 * Anonymized rows stay for order history with every personal column cleared.
 */
export const customers = pgTable(
  'customers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    referenceKey: text(),
    publicKey: text().notNull(),
    salutation: text(),
    title: text(),
    firstName: text(),
    lastName: text(),
    email: text(),
    gender: text(),
    dateOfBirth: date({ mode: 'string' }),
    phone: text(),
    company: text(),
    groups: text().array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text(),
    passwordHashType: text(),
    isActive: boolean().notNull().default(true),
    confirmedAt: timestamp({ withTimezone: true, precision: 6 }),
    anonymizedAt: timestamp({ withTimezone: true, precision: 6 }),
    lastLoginAt: timestamp({ withTimezone: true, precision: 6 }),
    passwordResetRequestedAt: timestamp({ withTimezone: true, precision: 6 }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('customers_email_lower_key').on(sql`lower(${t.email})`),
    uniqueIndex('customers_reference_key_key').on(t.referenceKey),
    uniqueIndex('customers_public_key_key').on(t.publicKey),
    index('customers_created_at_idx').on(t.createdAt, t.id),
    index('customers_updated_at_idx').on(t.updatedAt, t.id),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;
