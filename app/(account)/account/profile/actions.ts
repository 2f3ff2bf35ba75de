'use server';

import { revalidatePath } from 'next/cache';
import { requirePrincipal } from '@/app/_auth/current';
import { updateCustomer } from '@/app/_domain/customers/profile';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';
import { profileInput } from '@/app/_transport/forms/profile-input';

export type ProfileState = FormState<null>;

export async function updateProfileAction(previous: ProfileState, data: FormData): Promise<ProfileState> {
  const principal = await requirePrincipal('/account/profile');
  const values = formValues(data);
  const context = await actionContext();
  const result = await runAction(() => updateCustomer(principal, principal.customerId, profileInput(values), context).then(() => null));
  if (result.ok) revalidatePath('/', 'layout');
  // A date the schema refused is shown next to the date's first field.
  return answerForm(previous, result, values);
}
