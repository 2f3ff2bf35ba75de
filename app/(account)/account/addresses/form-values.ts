import { addressFormat, houseNumberInStreet, streetLine } from '@/app/_domain/addresses/address-formats';
import type { AddressInput } from '@/app/_domain/addresses/schema';
import type { AddressView } from '@/app/_domain/addresses/service';
import { findSubdivision } from '@/app/_domain/addresses/subdivisions';

/** The form's texts: every field a string ('' for none), as the inputs hold them. */
export type AddressFormValues = AddressInput;

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
    salutation: (address.salutation ?? '') as never,
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

type Adaptable = { street?: unknown; houseNumber?: unknown; state?: unknown };

/**
 * What changes in the form when the shopper picks another country: a house number typed into its
 * own field joins the street line where the new country writes it there ("77" + "Main Street" →
 * "77 Main Street" in the US); a state stays only where it still means something (free text
 * between free-text countries, or free text that names an entry of the new country's list).
 */
export function adaptToCountry(values: Adaptable, from: string, to: string): { street?: string; houseNumber?: string; state?: string } {
  if (from === to) return {};
  const changes: { street?: string; houseNumber?: string; state?: string } = {};
  const target = addressFormat(to);
  const number = typeof values.houseNumber === 'string' ? values.houseNumber.trim() : '';
  if (target.houseNumber === 'inStreet' && number !== '') {
    const street = typeof values.street === 'string' ? values.street.trim() : '';
    changes.street = streetLine({ street, houseNumber: number, countryCode: to }).trim();
    changes.houseNumber = '';
  }
  const state = typeof values.state === 'string' ? values.state.trim() : '';
  if (state !== '') {
    const list = target.state?.options;
    // Another country's list entry ("WA": Washington) means nothing here (Western Australia).
    const fromList = addressFormat(from).state?.options;
    if (!target.state || fromList) changes.state = '';
    else if (list) changes.state = findSubdivision(list, state)?.value ?? '';
  }
  return changes;
}
