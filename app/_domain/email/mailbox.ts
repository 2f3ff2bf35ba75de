import 'server-only';
import { getDb } from '@/db/client';
import { selectRecentEmails } from '@/db/queries/email-outbox';
import { devMailboxEnabled } from '../shared/config';

export type MailboxMessage = {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  sentAt: string | null;
};

/**
 * The development mailbox: the newest outbox messages, optionally for one address.
 * Returns null when the mailbox is off (production without DEV_MAILBOX=1).
 */
export async function readDevMailbox(options: { to?: string; limit?: number } = {}): Promise<MailboxMessage[] | null> {
  if (!devMailboxEnabled()) return null;
  const rows = await selectRecentEmails(getDb(), Math.min(options.limit ?? 50, 200), options.to || undefined);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.toAddress,
    subject: r.subject,
    text: r.textBody,
    html: r.htmlBody,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
