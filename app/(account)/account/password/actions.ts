'use server';

import { requirePrincipal } from '@/app/_auth/current';
import { changePassword } from '@/app/_domain/passwords/change';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type PasswordChangeState = FormState<null>;

export async function changePasswordAction(previous: PasswordChangeState, data: FormData): Promise<PasswordChangeState> {
  const principal = await requirePrincipal('/account/password');
  const values = formValues(data);
  const result = await runAction(async () => {
    await changePassword(principal, principal.customerId, values);
    return null;
  });
  return answerForm(previous, result, values);
}
