'use server';

import { resetPassword } from '@/app/_domain/passwords/reset';
import { runAction } from '@/app/_transport/forms/action-state';

export async function resetPasswordAction(values: unknown) {
  return runAction(() => resetPassword(values));
}
