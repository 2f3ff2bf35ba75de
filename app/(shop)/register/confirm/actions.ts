'use server';

import { resendConfirmation } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

export async function resendConfirmationAction(values: unknown) {
  const context = await actionContext();
  return runAction(() => resendConfirmation(values, context));
}
