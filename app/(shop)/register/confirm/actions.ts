'use server';

import { resendConfirmation } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type ResendState = FormState<null>;

/** "Send the confirmation email again" (on the confirmation page and after an unconfirmed sign-in). */
export async function resendConfirmationAction(previous: ResendState, data: FormData): Promise<ResendState> {
  const values = formValues(data);
  const context = await actionContext();
  const result = await runAction(async () => {
    await resendConfirmation(values, context);
    return null;
  });
  return answerForm(previous, result, values);
}
