import 'server-only';
import type { Executor } from '@/db/client';
import { insertEmail } from '@/db/queries/email-outbox';
import type { EmailMessage } from './templates';

/** Queues `message` in the caller's transaction: it is sent only if the change commits. */
export async function enqueueEmail(tx: Executor, message: EmailMessage): Promise<void> {
  await insertEmail(tx, message);
}
