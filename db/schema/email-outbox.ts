import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers';

/**
 * Transactional outbox: a message is written in the same transaction as the change that causes it
 * and delivered later by the deliverer, which claims rows with FOR UPDATE SKIP LOCKED.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    /** The customer the message is about; anonymizing the customer deletes their messages. */
    customerId: bigint({ mode: 'number' }).references(() => customers.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true, precision: 6 }),
    lastError: text(),
    providerMessageId: text(),
    sentAt: timestamp({ withTimezone: true, precision: 6 }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_customer_idx').on(t.customerId),
    index('email_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
  ],
);
