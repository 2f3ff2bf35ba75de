import { addressFormat } from '@/app/_domain/addresses/address-formats';
import { joinStreet } from '@/app/_domain/addresses/address-layout';
import type { FormValues } from '@/app/_transport/forms/form-values';

/**
 * The address form's fields as the address rules read them (the server action and the browser's
 * check): a postcode with letters in capitals ("sw1a 1aa" is SW1A 1AA), as the formats are written;
 * and where the country writes the number in the street line, a house number that was typed for
 * another country (the country changed before the page could adapt the fields) joins that line
 * instead of being dropped.
 */
export function addressInput(values: FormValues): FormValues {
  const country = typeof values.countryCode === 'string' ? values.countryCode.trim().toUpperCase() : '';
  const format = addressFormat(country);
  const input = { ...values };
  if (typeof input.zipCode === 'string' && format.postcodeLetters) input.zipCode = input.zipCode.toUpperCase();
  const number = typeof input.houseNumber === 'string' ? input.houseNumber.trim() : '';
  if (format.houseNumber === 'inStreet' && number !== '') {
    input.street = joinStreet(format, typeof input.street === 'string' ? input.street.trim() : '', number);
    input.houseNumber = '';
  }
  return input;
}
