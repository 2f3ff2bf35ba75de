'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/current';
import { addAddress, changeAddress, removeAddress } from '@/app/_domain/addresses/service';
import { runAction } from '@/app/_transport/forms/action-state';

const BOOK = '/account/addresses';

export async function addAddressAction(values: unknown) {
  const actor = await requireActor(`${BOOK}/new`);
  const result = await runAction(() => addAddress(actor, actor.reference, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=added`);
}

export async function changeAddressAction(addressId: string, values: unknown) {
  const actor = await requireActor(`${BOOK}/${addressId}/edit`);
  const result = await runAction(() => changeAddress(actor, actor.reference, addressId, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=updated`);
}

export async function makeDefaultAddressAction(addressId: string, kind: 'shipping' | 'billing') {
  const actor = await requireActor(BOOK);
  await changeAddress(actor, actor.reference, addressId, kind === 'shipping' ? { isDefaultShipping: true } : { isDefaultBilling: true });
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=default-${kind}`);
}

export async function removeAddressAction(addressId: string) {
  const actor = await requireActor(BOOK);
  await removeAddress(actor, actor.reference, addressId);
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=deleted`);
}
