'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { addAddress, changeAddress, getAddress, removeAddress } from '@/app/_domain/addresses/service';
import { runAction } from '@/app/_transport/forms/action-state';
import { refuseByShopperRules } from './form-rules';
import { shipTo } from './ship-to';

const BOOK = '/account/addresses';

export async function addAddressAction(values: unknown) {
  const principal = await requirePrincipal(`${BOOK}/new`);
  // The form's own rules (a shipping country; a state where the country lists them), then the address rules.
  const refused = refuseByShopperRules(values, { shipTo: shipTo() });
  if (refused) return refused;
  const result = await runAction(() => addAddress(principal, principal.customerId, values));
  if (!result.ok) return result;
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=added`);
}

export async function changeAddressAction(addressId: unknown, values: unknown) {
  const id = String(addressId).toWellFormed();
  const principal = await requirePrincipal(`${BOOK}/${encodeURIComponent(id)}/edit`);
  // An address keeps its country even where the shop does not ship (an API client may have written it).
  const stored = await runAction(() => getAddress(principal, principal.customerId, { uuid: id }));
  if (!stored.ok) return stored;
  const refused = refuseByShopperRules(values, { shipTo: shipTo(), storedCountry: stored.data.countryCode });
  if (refused) return refused;
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
