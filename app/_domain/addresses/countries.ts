import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { ValidationIssue } from '../shared/errors';
import { addressFormat, usesPostcodes } from './address-formats';

export { usesPostcodes };
import { COUNTRY_ALIASES } from './country-aliases';

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

/** Whether the country's addresses usually carry a state, province, county or prefecture (the form shows the field). */
export function usesStates(code: string): boolean {
  return addressFormat(code).state !== null;
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

/** Folded for matching: lower case, no accents, "&" as "and", no dots or apostrophes, single spaces. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type SearchEntry = { code: string; names: string[]; codes: string[] };
const searchIndex = new Map<string, SearchEntry>();

/** Every name a country goes by (ISO names and aliases, then our aliases), folded; and its alpha-2/alpha-3 codes. */
function searchEntry(code: string): SearchEntry {
  let entry = searchIndex.get(code);
  if (!entry) {
    const iso = (countries.getNames('en', { select: 'all' }) as Record<string, string[]>)[code] ?? [];
    const names = [...new Set([...iso, ...(COUNTRY_ALIASES[code] ?? [])].map(foldName).filter(Boolean))];
    const alpha3 = countries.alpha2ToAlpha3(code);
    entry = { code, names, codes: [code.toLowerCase(), ...(alpha3 ? [alpha3.toLowerCase()] : [])] };
    searchIndex.set(code, entry);
  }
  return entry;
}

/** How well `query` (folded) fits a country: 0 a name, alias or code exactly; 1 a name's start; 2 a word's start; 3 anywhere; null not at all. */
function rank(entry: SearchEntry, query: string): number | null {
  if (entry.codes.includes(query) || entry.names.includes(query)) return 0;
  if (entry.names.some((name) => name.startsWith(query))) return 1;
  if (entry.names.some((name) => name.split(' ').some((word) => word.startsWith(query)))) return 2;
  if (entry.names.some((name) => name.includes(query))) return 3;
  return null;
}

/**
 * The countries of `codes` that `query` names, best first: exact names, aliases and codes ("USA",
 * "UK", "Holland", "Deutschland", "United States") before names that start with it, then names
 * with a word that starts with it, then names that contain it; ties keep the order of `codes`.
 * An empty query gives `codes` as they are.
 */
export function searchCountries(query: string, codes: readonly string[]): string[] {
  const folded = foldName(query);
  if (folded === '') return [...codes];
  return codes
    .map((code, index) => ({ code, index, rank: rank(searchEntry(code), folded) }))
    .filter((hit): hit is { code: string; index: number; rank: number } => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((hit) => hit.code);
}

/** The country a name, alias or code stands for exactly ("USA", "Deutschland", "de"), or null. */
export function countryFromName(text: string): string | null {
  const folded = foldName(text);
  if (folded === '') return null;
  return COUNTRY_OPTIONS.find((option) => rank(searchEntry(option.code), folded) === 0)?.code ?? null;
}

/**
 * The shop's shipping countries as options, in the configured order; unknown codes are a
 * configuration error.
 */
export function shippingCountryOptions(codes: readonly string[]): CountryOption[] {
  const unknown = codes.filter((code) => !isCountryCode(code));
  if (unknown.length > 0) throw new Error(`SHIP_TO_COUNTRIES lists codes that are not ISO 3166-1 alpha-2 countries: ${unknown.join(', ')}`);
  return codes.map((code) => ({ code, name: countryName(code) }));
}

/** The postcode's name and format for texts: "PLZ"/"ZIP code"/… and "5 digits, e.g. 10115" (when known). */
export function postcodeFormat(code: string): { term: string; hint: string | undefined } {
  const format = addressFormat(code);
  return { term: format.postcodeTerm, hint: format.postcodeHint };
}
