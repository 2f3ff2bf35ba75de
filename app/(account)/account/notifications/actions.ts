'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { unsubscribeOwn } from '@/app/_domain/notifications/service';
import { runAction } from '@/app/_transport/forms/action-state';

const PAGE = '/account/notifications';

/**
 * A row's "Unsubscribe" button (a plain `<form action>`: it posts without JavaScript too). Only the
 * shopper's own subscriptions; a stale or forged key comes back as a message on the page.
 */
export async function unsubscribeOwnAction(form: unknown) {
  const principal = await requirePrincipal(PAGE);
  const value = form instanceof FormData ? form.get('key') : null;
  const key = typeof value === 'string' ? value : '';
  const result = await runAction(() => unsubscribeOwn(principal, principal.customerId, { key }));
  revalidatePath(PAGE);
  redirect(result.ok ? `${PAGE}?done=unsubscribed` : `${PAGE}?error=not-found`);
}
