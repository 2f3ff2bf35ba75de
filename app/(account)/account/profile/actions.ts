'use server';

import { revalidatePath } from 'next/cache';
import { requirePrincipal } from '@/app/_auth/current';
import { updateCustomer } from '@/app/_domain/customers/profile';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

export async function updateProfileAction(values: unknown) {
  const principal = await requirePrincipal('/account/profile');
  const context = await actionContext();
  const result = await runAction(() => updateCustomer(principal, principal.customerId, values, context).then(() => null));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
