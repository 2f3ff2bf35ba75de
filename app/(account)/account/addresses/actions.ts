'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { addAddress, changeAddress, getAddress, removeAddress } from '@/app/_domain/addresses/service';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';
import { addressInput } from './address-input';
import { refuseByShopperRules } from './form-rules';
import { shipTo } from './ship-to';

const BOOK = '/account/addresses';

export type AddressFormState = FormState<null>;

export async function addAddressAction(previous: AddressFormState, data: FormData): Promise<AddressFormState> {
  const principal = await requirePrincipal(`${BOOK}/new`);
  const values = formValues(data, ['isDefaultShipping', 'isDefaultBilling']);
  const input = addressInput(values);
  // The form's own rules (a shipping country; a state where the country lists them), then the address rules.
  const refused = refuseByShopperRules(input, { shipTo: shipTo() });
  // The form comes back with the fields as the rules read them (a joined street line, a capitalised postcode).
  if (refused) return answerForm(previous, refused, input);
  const result = await runAction(() => addAddress(principal, principal.customerId, input));
  if (!result.ok) return answerForm(previous, result, input);
  revalidatePath('/account', 'layout');
  redirect(`${BOOK}?saved=added`);
}

export async function changeAddressAction(addressId: unknown, previous: AddressFormState, data: FormData): Promise<AddressFormState> {
  const id = String(addressId).toWellFormed();
  const principal = await requirePrincipal(`${BOOK}/${encodeURIComponent(id)}/edit`);
  const values = formValues(data);
  const input = addressInput(values);
  // An address keeps its country even where the shop does not ship (an API client may have written it).
  const stored = await runAction(() => getAddress(principal, principal.customerId, { uuid: id }));
  if (!stored.ok) return answerForm(previous, stored, input);
  const refused = refuseByShopperRules(input, { shipTo: shipTo(), storedCountry: stored.data.countryCode });
  if (refused) return answerForm(previous, refused, input);
  const result = await runAction(() => changeAddress(principal, principal.customerId, { uuid: id }, input));
  if (!result.ok) return answerForm(previous, result, input);
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
