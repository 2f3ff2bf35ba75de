import 'server-only';
import type { Executor } from '@/db/client';
import { insertEmail } from '@/db/queries/email-outbox';
import type { EmailMessage } from './templates';

/**
 * Queues `message` about customer `customerId` in the caller's transaction: it is sent only if the
 * change commits, and deleted if the customer is anonymized.
 */
export async function enqueueEmail(tx: Executor, customerId: number | null, message: EmailMessage): Promise<void> {
  await insertEmail(tx, { ...message, customerId });
}
