'use server';

import { requireActor } from '@/app/_auth/current';
import { changePassword } from '@/app/_domain/passwords/change';
import { runAction } from '@/app/_transport/forms/action-state';

export async function changePasswordAction(values: unknown) {
  const actor = await requireActor('/account/password');
  return runAction(() => changePassword(actor, null, values));
}
