'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { endLogin, endOtherLogins } from '@/app/_domain/auth/logins';
import { runAction } from '@/app/_transport/forms/action-state';

const PAGE = '/account/security';

export async function endLoginAction(handle: unknown) {
  const principal = await requirePrincipal(PAGE);
  const result = await runAction(() => endLogin(principal, principal.customerId, String(handle)));
  revalidatePath(PAGE);
  redirect(result.ok ? `${PAGE}?ended=one` : `${PAGE}?ended=none`);
}

export async function endOtherLoginsAction() {
  const principal = await requirePrincipal(PAGE);
  await endOtherLogins(principal, principal.customerId);
  revalidatePath(PAGE);
  redirect(`${PAGE}?ended=others`);
}
