'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/app/_auth/auth';
import { requireActor } from '@/app/_auth/current';
import { deleteOwnAccount } from '@/app/_domain/customers/anonymization';
import { runAction } from '@/app/_transport/forms/action-state';

export async function deleteAccountAction(values: unknown) {
  const actor = await requireActor('/account/delete');
  const result = await runAction(() => deleteOwnAccount(actor, values));
  if (!result.ok) return result;
  await signOut({ redirect: false });
  redirect('/goodbye');
}
