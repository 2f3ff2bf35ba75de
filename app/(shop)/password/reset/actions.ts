'use server';

import { resetPassword } from '@/app/_domain/passwords/reset';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type ResetState = FormState<{ email: string }>;

/** Sets the new password; the answer carries the account's email, so the sign-in form below starts with it. */
export async function resetPasswordAction(previous: ResetState, data: FormData): Promise<ResetState> {
  const values = formValues(data);
  return answerForm(previous, await runAction(() => resetPassword(values)), values);
}
