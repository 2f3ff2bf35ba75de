import type { CountryLayout } from '@/app/_domain/addresses/address-formats';
import { adaptToFormat } from '@/app/_domain/addresses/address-layout';
import { searchCountries } from '@/app/_domain/addresses/countries';
import type { FormValues } from '@/app/_transport/forms/form-values';
import { validatorFor } from '@/app/_transport/forms/validator';
import type { ComboboxOption } from '@/components/ui/combobox';
import { addressInput } from './address-input';
import { shopperAddressSchema, type ShopperRuleOptions } from './form-rules';

/**
 * What the address form loads once it is interactive (never on the first load: zod, the postcode
 * and phone data): the browser's check with the shared schema, the country search that knows
 * aliases ("USA", "UK", "Holland", "Deutschland"), and the fields' adaptation to a new country.
 */
export function addressValidator(options: ShopperRuleOptions) {
  return validatorFor(shopperAddressSchema(options), addressInput);
}

/** The combobox's search: names, aliases and codes, exact matches first. */
export function filterCountries(query: string, options: readonly ComboboxOption[]): ComboboxOption[] {
  const byCode = new Map(options.map((o) => [o.value, o]));
  return searchCountries(
    query,
    options.map((o) => o.value),
  ).map((code) => byCode.get(code)!);
}

/** What the combobox says when nothing matches. */
export const noCountryMatches = 'No country of ours matches. We ship only to the listed countries.';

/** What the combobox tells screen readers about the list. */
export const countCountries = (count: number) => `${count} ${count === 1 ? 'country' : 'countries'} found`;

/** The form's values after a change of country (see `adaptToFormat`). */
export function adaptValues(values: FormValues, from: CountryLayout, to: CountryLayout): FormValues {
  return { ...values, ...adaptToFormat(values, from, to) };
}
