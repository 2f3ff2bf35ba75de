'use server';

import { requirePrincipal } from '@/app/_auth/current';
import { requestEmailChange } from '@/app/_domain/customers/profile';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type EmailChangeState = FormState<null>;

export async function requestEmailChangeAction(previous: EmailChangeState, data: FormData): Promise<EmailChangeState> {
  const principal = await requirePrincipal('/account/email');
  const values = formValues(data);
  const context = await actionContext();
  const result = await runAction(async () => {
    await requestEmailChange(principal, values, context);
    return null;
  });
  return answerForm(previous, result, values);
}
