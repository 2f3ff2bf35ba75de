'use server';

import { requirePrincipal } from '@/app/_auth/current';
import { changePassword } from '@/app/_domain/passwords/change';
import { runAction } from '@/app/_transport/forms/action-state';

export async function changePasswordAction(values: unknown) {
  const principal = await requirePrincipal('/account/password');
  return runAction(() => changePassword(principal, principal.customerId, values));
}
