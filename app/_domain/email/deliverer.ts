import { logUnexpected } from '../shared/log';
import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { claimDueEmails, markEmailFailed, markEmailSent, type OutboxRow } from '@/db/queries/email-outbox';
import { emailFrom, resendApiKey } from '../shared/config';

/**
 * Delivers the email outbox through Resend. Rows are claimed with FOR UPDATE SKIP LOCKED plus a
 * lease, so several instances never send one message twice; the row id is Resend's idempotency key,
 * so a retry after a lost answer is not sent twice either. A failure (the SDK returns `error`, it
 * does not throw) is retried with exponential backoff capped at 60 seconds, for as long as it takes.
 */

const BATCH_SIZE = 20;
const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 60;

export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
}

type SendResult = { id: string | null; error: string | null };

async function send(resend: Resend, row: OutboxRow): Promise<SendResult> {
  try {
    const { data, error } = await resend.emails.send(
      { from: emailFrom(), to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody },
      { idempotencyKey: `email-outbox-${row.id}` },
    );
    if (error) return { id: null, error: `${error.name}: ${error.message}` };
    return { id: data?.id ?? null, error: null };
  } catch (error) {
    return { id: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Sends one batch of due messages; returns how many were delivered and how many failed. */
export async function deliverDueEmails(now: () => Date = () => new Date()): Promise<{ sent: number; failed: number }> {
  const key = resendApiKey();
  if (!key) return { sent: 0, failed: 0 };
  const resend = new Resend(key);
  const db = getDb();
  const rows = await claimDueEmails(db, now(), BATCH_SIZE, LEASE_SECONDS);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const result = await send(resend, row);
    if (result.error === null) {
      await markEmailSent(db, row.id, result.id, now());
      sent += 1;
    } else {
      const next = new Date(now().getTime() + backoffSeconds(row.attempts + 1) * 1000);
      await markEmailFailed(db, row.id, result.error, next);
      failed += 1;
    }
  }
  return { sent, failed };
}

const globalKey = Symbol.for('shop-account.email-deliverer');
type GlobalWithTimer = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

/** Polls the outbox every `intervalMs` for the life of the process (started by instrumentation.ts). */
export function startEmailDeliverer(intervalMs = 1000): void {
  const store = globalThis as GlobalWithTimer;
  if (store[globalKey]) return;
  const tick = async () => {
    try {
      let batch;
      do {
        batch = await deliverDueEmails();
      } while (batch.sent + batch.failed === BATCH_SIZE);
    } catch (error) {
      logUnexpected('email', error);
    } finally {
      store[globalKey] = setTimeout(tick, intervalMs);
      store[globalKey].unref();
    }
  };
  store[globalKey] = setTimeout(tick, intervalMs);
  store[globalKey].unref();
}
