import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { ValidationIssue } from '../shared/errors';

/**
 * Country data for addresses: ISO 3166-1 names and codes (i18n-iso-countries), postcode formats
 * (postcode-validator) and phone numbers (libphonenumber-js). Usable in the browser too.
 */
countries.registerLocale(english);

export type CountryOption = { code: string; name: string };

/** Every ISO 3166-1 country, sorted by English name. */
export const COUNTRY_OPTIONS: CountryOption[] = Object.entries(countries.getNames('en', { select: 'official' }))
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** An ISO 3166-1 alpha-2 or alpha-3 code (any case) as alpha-2, or null when it is neither. */
export function toAlpha2(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return isCountryCode(upper) ? upper : null;
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) ?? null;
  return null;
}

/** The alpha-3 code of an alpha-2 one (the admin API's countries). */
export function toAlpha3(code: string): string {
  return countries.alpha2ToAlpha3(code) ?? code;
}

export function countryName(code: string): string {
  return countries.getName(code, 'en', { select: 'official' }) ?? code;
}

/**
 * Countries that use no postal codes (per the Universal Postal Union; all of them are also unknown
 * to postcode-validator): an empty zipCode is fine there.
 */
const WITHOUT_POSTCODES = new Set(
  ('AE AG AO AW BF BI BJ BO BQ BS BW BZ CD CF CG CI CK CM CW DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM KN KP ' +
    'LY ML MO MR MW NR NU QA RW SB SC SL SR SS ST SX SY TD TF TG TK TL TO TV UG VU YE ZW').split(' '),
);

/** Countries whose addresses usually carry a state, province or prefecture (the form shows the field). */
const WITH_STATES = new Set('AR AU BR CA CN IN ID IT JP MX MY NG US'.split(' '));

export function usesPostcodes(code: string): boolean {
  return !WITHOUT_POSTCODES.has(code);
}

export function usesStates(code: string): boolean {
  return WITH_STATES.has(code);
}

/**
 * Null when `zipCode` fits the country, else the violated rule. Known formats are checked by the
 * library; countries without postcodes accept an empty one; for other countries the library does
 * not know, any non-blank postcode (of at most 15 characters, checked by the schema) passes.
 */
export function postcodeError(code: string, zipCode: string): ValidationIssue | null {
  if (zipCode === '') return usesPostcodes(code) ? { code: 'blank' } : null;
  if (!postcodeValidatorExistsForCountry(code)) return null;
  return postcodeValidator(zipCode, code) ? null : { code: 'postcode', params: { country: code } };
}

/**
 * The number in E.164 form, read with the address country as default region; null when invalid.
 * Used to validate: the shopper's own formatting is what is stored and shown.
 */
export function normalizePhone(phone: string, code: string): string | null {
  const parsed = parsePhoneNumberFromString(phone, isCountryCode(code) ? (code as CountryCode) : undefined);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * `phone`, read with the country `code`, in international form (`+49 30 1234567`), so it keeps
 * its meaning under another country; as given when it cannot be read.
 */
export function internationalPhone(phone: string, code: string): string {
  const parsed = parsePhoneNumberFromString(phone, isCountryCode(code) ? (code as CountryCode) : undefined);
  return parsed?.isValid() ? parsed.formatInternational() : phone;
}
