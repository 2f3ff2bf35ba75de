import { adaptToFormat, findSubdivision, type CountryChanges } from '@/app/_domain/addresses/address-layout';
import { addressFormat, houseNumberInStreet, streetLine } from '@/app/_domain/addresses/address-formats';
import type { AddressInput } from '@/app/_domain/addresses/schema';
import type { AddressView } from '@/app/_domain/addresses/service';

/** The form's texts: every field a string ('' for none), as the inputs hold them. */
export type AddressFormValues = Record<Exclude<keyof AddressInput, 'isDefaultShipping' | 'isDefaultBilling'>, string>;

/** A stored state as the form's list value: "California" or "ca" → "CA"; free text the list does not know stays as it is. */
export function stateForForm(countryCode: string, state: string | null): string {
  const options = addressFormat(countryCode).state?.options;
  if (!state) return '';
  return options ? (findSubdivision(options, state)?.value ?? state) : state;
}

/**
 * The stored address as the edit form's values. In a country whose street line carries the
 * number, a separately stored house number (from an API client or the back office) joins the line,
 * as it is printed ("1600" + "Pennsylvania Ave NW" → "1600 Pennsylvania Ave NW"); saving stores the line.
 */
export function addressFormValues(address: AddressView): AddressFormValues {
  const inStreet = houseNumberInStreet(address.countryCode);
  return {
    countryCode: address.countryCode,
    salutation: address.salutation ?? '',
    firstName: address.firstName,
    lastName: address.lastName,
    company: address.company ?? '',
    street: inStreet ? streetLine(address) : address.street,
    houseNumber: inStreet ? '' : address.houseNumber,
    additional: address.additional ?? '',
    zipCode: address.zipCode,
    city: address.city,
    state: stateForForm(address.countryCode, address.state),
    phone: address.phone ?? '',
  };
}

/** What changes in the form when the shopper picks another country (see `adaptToFormat`). */
export function adaptToCountry(values: Parameters<typeof adaptToFormat>[0], from: string, to: string): CountryChanges {
  return from === to ? {} : adaptToFormat(values, addressFormat(from), addressFormat(to));
}
