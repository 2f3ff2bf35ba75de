'use server';

import { requestPasswordReset } from '@/app/_domain/passwords/reset';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

export async function requestPasswordResetAction(values: unknown) {
  const context = await actionContext();
  return runAction(() => requestPasswordReset(values, context));
}
