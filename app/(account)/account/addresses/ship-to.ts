import 'server-only';
import { shippingCountryOptions } from '@/app/_domain/addresses/countries';
import { shipToCountries } from '@/app/_domain/shared/config';

/** The shop's shipping countries (`SHIP_TO_COUNTRIES`), checked against ISO 3166-1, in its order. */
export function shipTo(): string[] {
  return shippingCountryOptions(shipToCountries()).map((country) => country.code);
}
