'use server';

import { currentPrincipal } from '@/app/_auth/current';
import { subscribe } from '@/app/_domain/notifications/service';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction, type ActionState } from '@/app/_transport/forms/action-state';

/**
 * The notify-me form's state (React's useActionState): the action's answer and the address as
 * submitted, so the page re-rendered after a submit without JavaScript shows it again.
 */
export type NotifyState = { result: ActionState<{ email: string }> | null; email: string };

/** A text field of a submitted form; anything else (a forged call) is an empty field. */
function textOf(form: unknown, name: string): string {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === 'string' ? value : '';
}

/**
 * "Email me when it's back" (`<form action>` through useActionState, so it also works before the
 * page's JavaScript runs). A signed-in shopper's subscription is linked to the account.
 */
export async function subscribeAction(_previous: unknown, form: unknown): Promise<NotifyState> {
  const email = textOf(form, 'email');
  const sku = textOf(form, 'sku');
  const [principal, context] = await Promise.all([currentPrincipal(), actionContext()]);
  const result = await runAction(async () => {
    const subscription = await subscribe(principal, { email, sku }, context);
    return { email: subscription.email };
  });
  return { result, email: email.slice(0, 320) };
}
