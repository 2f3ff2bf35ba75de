'use server';

import { findSubscription, unsubscribe } from '@/app/_domain/notifications/service';
import { runAction } from '@/app/_transport/forms/action-state';

/** What the unsubscribe page shows after its button: done (with what ended), or the link is spent. */
export type UnsubscribeState =
  | { status: 'idle' }
  | { status: 'done'; productName: string; email: string }
  | { status: 'invalid' };

function keyOf(form: unknown): string {
  const value = form instanceof FormData ? form.get('key') : null;
  return typeof value === 'string' ? value : '';
}

/**
 * The button of the link in the confirmation email (useActionState: it works without JavaScript).
 * Opening the link changes nothing (mail scanners open links); only this POST deletes.
 */
export async function unsubscribeAction(_previous: unknown, form: unknown): Promise<UnsubscribeState> {
  const key = keyOf(form);
  const result = await runAction(async () => {
    // Read first, so the page can still say what ended: the subscription is gone afterwards.
    const subscription = await findSubscription({ key });
    await unsubscribe({ key });
    return subscription;
  });
  if (!result.ok || !result.data) return { status: 'invalid' };
  return { status: 'done', productName: result.data.productName, email: result.data.email };
}
