import 'server-only';
import { countryLayout, type CountryLayout } from '@/app/_domain/addresses/address-formats';
import { countryName, shippingCountryOptions } from '@/app/_domain/addresses/countries';
import { shipToCountries } from '@/app/_domain/shared/config';

/** The shop's shipping countries (`SHIP_TO_COUNTRIES`), checked against ISO 3166-1, in its order. */
export function shipTo(): string[] {
  return shippingCountryOptions(shipToCountries()).map((country) => country.code);
}

/**
 * The address form's countries: the shipping countries and an edited address's own, with their
 * names and formats (sent as data: the form needs no country tables in its JavaScript).
 */
export function countryChoices(storedCountry?: string): { countries: { value: string; label: string }[]; layouts: Record<string, CountryLayout> } {
  const codes = shipTo();
  if (storedCountry && !codes.includes(storedCountry)) codes.push(storedCountry);
  return {
    countries: codes.map((code) => ({ value: code, label: countryName(code) })),
    layouts: Object.fromEntries(codes.map((code) => [code, countryLayout(code)])),
  };
}
