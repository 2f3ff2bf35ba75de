import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
    /** Null with `passwordHashType` 'external': the shop's own service checks the password. */
    passwordHash: text(),
    /** argon2id (ours), or an imported kind re-hashed at the next sign-in (see passwords/imported.ts). */
    passwordHashType: text(),
    /** Custom data imported from a former system (the admin API's `legacyCustomData`). */
    legacyCustomData: jsonb().$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
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
    // The admin API's sorts: keyset pagination over (value, id); a missing value sorts as the
    // smallest one, so every sort is a plain row comparison on one index.
    index('customers_birth_date_idx').on(sql`coalesce(${t.dateOfBirth}, '-infinity'::date)`, t.id),
    index('customers_first_name_idx').on(sql`coalesce(${t.firstName}, '')`, t.id),
    index('customers_last_name_idx').on(sql`coalesce(${t.lastName}, '')`, t.id),
    index('customers_last_login_at_idx').on(sql`coalesce(${t.lastLoginAt}, '-infinity'::timestamptz)`, t.id),
    index('customers_password_reset_requested_at_idx').on(sql`coalesce(${t.passwordResetRequestedAt}, '-infinity'::timestamptz)`, t.id),
    // The admin API's filters (id, referenceKey, created/updated at have theirs above).
    index('customers_groups_idx').using('gin', t.groups),
    index('customers_is_active_idx').on(t.isActive, t.id),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;
