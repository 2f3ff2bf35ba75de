import type { AddressFormat } from './address-formats';

/** The street line as a country writes it: "Unter den Linden 77", "1600 Pennsylvania Ave NW", "Calle Mayor, 12". */
export function joinStreet(format: Pick<AddressFormat, 'numberPosition' | 'numberSeparator'>, street: string, houseNumber: string | null | undefined): string {
  const number = houseNumber?.trim() ?? '';
  if (number === '') return street;
  return format.numberPosition === 'before' ? `${number} ${street}` : `${street}${format.numberSeparator}${number}`;
}
