'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { addAddress, changeAddress, removeAddress } from '@/app/_domain/addresses/service';
import { runAction } from '@/app/_transport/forms/action-state';

const BOOK = '/account/addresses';

export async function addAddressAction(values: unknown) {
  const principal = await requirePrincipal(`${BOOK}/new`);
  const result = await runAction(() => addAddress(principal, principal.customerId, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=added`);
}

export async function changeAddressAction(addressId: string, values: unknown) {
  const principal = await requirePrincipal(`${BOOK}/${addressId}/edit`);
  const result = await runAction(() => changeAddress(principal, principal.customerId, { uuid: addressId }, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=updated`);
}

export async function makeDefaultAddressAction(addressId: string, kind: 'shipping' | 'billing') {
  const principal = await requirePrincipal(BOOK);
  await changeAddress(principal, principal.customerId, { uuid: addressId }, kind === 'shipping' ? { isDefaultShipping: true } : { isDefaultBilling: true });
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=default-${kind}`);
}

export async function removeAddressAction(addressId: string) {
  const principal = await requirePrincipal(BOOK);
  await removeAddress(principal, principal.customerId, { uuid: addressId });
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=deleted`);
}
