'use server';

import { requestPasswordReset } from '@/app/_domain/passwords/reset';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type ForgotState = FormState<null>;

export async function requestPasswordResetAction(previous: ForgotState, data: FormData): Promise<ForgotState> {
  const values = formValues(data);
  const context = await actionContext();
  const result = await runAction(async () => {
    await requestPasswordReset(values, context);
    return null;
  });
  return answerForm(previous, result, values);
}
