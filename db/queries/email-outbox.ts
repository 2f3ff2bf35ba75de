import { desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../client';
import { emailOutbox } from '../schema';

export type OutboxRow = typeof emailOutbox.$inferSelect;

export async function insertEmail(
  db: Executor,
  values: Pick<typeof emailOutbox.$inferInsert, 'customerId' | 'kind' | 'toAddress' | 'subject' | 'textBody' | 'htmlBody'>,
) {
  const [row] = await db.insert(emailOutbox).values(values).returning({ id: emailOutbox.id });
  return row!;
}

/**
 * Claims up to `limit` due messages for `leaseSeconds`. FOR UPDATE SKIP LOCKED makes concurrent
 * deliverers (several app instances) pick disjoint rows; the lease keeps a claimed row from being
 * picked again while it is being sent, and frees it if this instance dies mid-send.
 */
export async function claimDueEmails(db: Executor, now: Date, limit: number, leaseSeconds: number) {
  const nowIso = now.toISOString();
  const result = await db.execute<{ id: number }>(sql`
    update ${emailOutbox} set locked_until = ${nowIso}::timestamptz + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from ${emailOutbox}
      where sent_at is null and next_attempt_at <= ${nowIso}::timestamptz
        and (locked_until is null or locked_until <= ${nowIso}::timestamptz)
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = rowsOf<{ id: number }>(result).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  return db
    .select()
    .from(emailOutbox)
    .where(inArray(emailOutbox.id, ids))
    .orderBy(emailOutbox.id);
}

export async function markEmailSent(db: Executor, id: number, providerMessageId: string | null, now: Date) {
  await db
    .update(emailOutbox)
    .set({ sentAt: now, providerMessageId, lockedUntil: null, lastError: null, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(eq(emailOutbox.id, id));
}

export async function markEmailFailed(db: Executor, id: number, error: string, nextAttemptAt: Date) {
  await db
    .update(emailOutbox)
    .set({ lastError: error.slice(0, 1000), nextAttemptAt, lockedUntil: null, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(eq(emailOutbox.id, id));
}

export async function selectRecentEmails(db: Executor, limit: number, toAddress?: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(toAddress ? sql`lower(${emailOutbox.toAddress}) = ${toAddress.trim().toLowerCase()}` : undefined)
    .orderBy(desc(emailOutbox.id))
    .limit(limit);
}

export async function selectEmailById(db: Executor, id: number) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

/** Deletes every message about a customer (sent or not): part of anonymization. */
export async function deleteCustomerEmails(db: Executor, customerId: number) {
  await db.delete(emailOutbox).where(eq(emailOutbox.customerId, customerId));
}

/** The messages about one customer, newest first, without their bodies (which may hold keys). */
export async function selectEmailLogOfCustomer(db: Executor, customerId: number) {
  return db
    .select({ kind: emailOutbox.kind, to: emailOutbox.toAddress, subject: emailOutbox.subject, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
    .from(emailOutbox)
    .where(eq(emailOutbox.customerId, customerId))
    .orderBy(desc(emailOutbox.id));
}
