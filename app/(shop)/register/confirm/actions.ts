'use server';

import { resendConfirmation } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_lib/action-context';
import { runAction } from '@/app/_lib/action-state';

export async function resendConfirmationAction(values: unknown) {
  const context = await actionContext();
  return runAction(() => resendConfirmation(values, context));
}
