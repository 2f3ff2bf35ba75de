'use server';

import { cancelEmailChange } from '@/app/_domain/customers/profile';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type CancelState = FormState<null>;

export async function cancelEmailChangeAction(previous: CancelState, data: FormData): Promise<CancelState> {
  const values = formValues(data);
  const result = await runAction(async () => {
    await cancelEmailChange({ key: values.key ?? '' });
    return null;
  });
  // The key is not shown again: the page has it.
  return answerForm(previous, result, {});
}
