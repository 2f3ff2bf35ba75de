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

export async function changeAddressAction(addressId: unknown, values: unknown) {
  const id = String(addressId).toWellFormed();
  const principal = await requirePrincipal(`${BOOK}/${encodeURIComponent(id)}/edit`);
  const result = await runAction(() => changeAddress(principal, principal.customerId, { uuid: id }, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=updated`);
}

/** Buttons on the address book: a stale or forged id comes back as a message there, never a 500. */
async function onAddressBook(run: () => Promise<unknown>, saved: string): Promise<never> {
  const result = await runAction(run);
  if (!result.ok) redirect(`${BOOK}?error=not-found`);
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=${saved}`);
}

export async function makeDefaultAddressAction(addressId: unknown, kind: unknown) {
  const principal = await requirePrincipal(BOOK);
  const billing = kind === 'billing';
  await onAddressBook(
    () => changeAddress(principal, principal.customerId, { uuid: String(addressId) }, billing ? { isDefaultBilling: true } : { isDefaultShipping: true }),
    billing ? 'default-billing' : 'default-shipping',
  );
}

export async function removeAddressAction(addressId: unknown) {
  const principal = await requirePrincipal(BOOK);
  await onAddressBook(() => removeAddress(principal, principal.customerId, { uuid: String(addressId) }), 'deleted');
}
