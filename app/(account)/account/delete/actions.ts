'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/app/_auth/auth';
import { requirePrincipal } from '@/app/_auth/current';
import { deleteOwnAccount } from '@/app/_domain/customers/anonymization';
import { runAction } from '@/app/_transport/forms/action-state';

export async function deleteAccountAction(values: unknown) {
  const principal = await requirePrincipal('/account/delete');
  const result = await runAction(() => deleteOwnAccount(principal, values));
  if (!result.ok) return result;
  await signOut({ redirect: false });
  redirect('/goodbye');
}
