'use server';

import { requirePrincipal } from '@/app/_auth/current';
import { requestEmailChange } from '@/app/_domain/customers/profile';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

export async function requestEmailChangeAction(values: unknown) {
  const principal = await requirePrincipal('/account/email');
  const context = await actionContext();
  return runAction(() => requestEmailChange(principal, values, context));
}
