'use server';

import { currentPrincipal } from '@/app/_auth/current';
import { subscribe } from '@/app/_domain/notifications/service';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type NotifyState = FormState<{ email: string }>;

/**
 * "Email me when it's back" (a progressive form: it also works before the page's JavaScript
 * runs). A signed-in shopper's subscription is linked to the account.
 */
export async function subscribeAction(previous: unknown, data: unknown): Promise<NotifyState> {
  const values = formValues(data);
  const [principal, context] = await Promise.all([currentPrincipal(), actionContext()]);
  const result = await runAction(async () => {
    const subscription = await subscribe(principal, { email: values.email ?? '', sku: values.sku ?? '' }, context);
    return { email: subscription.email };
  });
  return answerForm(previous, result, values);
}
