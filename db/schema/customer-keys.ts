import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers';

/**
 * Single-use secrets sent by email (registration confirmation, password reset, email change and
 * its cancellation). Only the SHA-256 of a key is stored; using a key deletes its row, so it works
 * once. `newEmail` is the address an email-change key confirms, or the old address a cancel key
 * restores.
 */
export const customerKeys = pgTable(
  'customer_keys',
  {
    keyHash: text().primaryKey(),
    customerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ['confirm_registration', 'reset_password', 'confirm_email_change', 'cancel_email_change'] }).notNull(),
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [index('customer_keys_customer_purpose_idx').on(t.customerId, t.purpose)],
);

export type CustomerKeyPurpose = (typeof customerKeys.$inferSelect)['purpose'];
