import { addressFormat } from '@/app/_domain/addresses/address-formats';
import type { FormValues } from '@/app/_transport/forms/form-values';

/**
 * The address form's fields as the address rules read them (the server action and the browser's
 * check): a postcode with letters in capitals ("sw1a 1aa" is SW1A 1AA), as the formats are written.
 */
export function addressInput(values: FormValues): FormValues {
  const country = typeof values.countryCode === 'string' ? values.countryCode.trim().toUpperCase() : '';
  const zipCode = values.zipCode;
  if (typeof zipCode !== 'string' || !addressFormat(country).postcodeLetters) return values;
  return { ...values, zipCode: zipCode.toUpperCase() };
}
