'use server';

import { cancelEmailChange } from '@/app/_domain/customers/profile';
import { runAction } from '@/app/_transport/forms/action-state';

export async function cancelEmailChangeAction(key: unknown) {
  return runAction(() => cancelEmailChange({ key: typeof key === 'string' ? key : '' }));
}
