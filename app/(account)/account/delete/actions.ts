'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/app/_auth/auth';
import { requirePrincipal } from '@/app/_auth/current';
import { deleteOwnAccount } from '@/app/_domain/customers/anonymization';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type DeletionState = FormState<null>;

export async function deleteAccountAction(previous: DeletionState, data: FormData): Promise<DeletionState> {
  const principal = await requirePrincipal('/account/delete');
  const values = formValues(data, ['confirm']);
  const result = await runAction(() => deleteOwnAccount(principal, values));
  if (!result.ok) return answerForm(previous, result, values);
  await signOut({ redirect: false });
  redirect('/goodbye');
}
