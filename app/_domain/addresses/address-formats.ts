import { joinStreet } from './address-layout';
import { AU_STATES, CA_PROVINCES, JP_PREFECTURES, US_STATES, type Subdivision } from './subdivisions';

/**
 * How each country writes an address: the form's fields, their order and labels, the postcode's
 * name and format, the state list, and the printed layout. A small table for the countries that
 * matter (after Google's libaddressinput data and the postal services' guides); every other
 * country gets the default, which is the German layout the address book always had.
 *
 * The data model stays the same everywhere (street, houseNumber, additional, zipCode, city,
 * countryCode, state). Where the custom is one street line carrying the number (US, GB, CA, AU,
 * IE, JP: `houseNumber: 'inStreet'`) the form shows one "Street address" field, stores the whole
 * line in `street` and leaves `houseNumber` empty — which the country rules allow for those
 * countries only (see `houseNumberInStreet`).
 */

export type AddressField = 'street' | 'houseNumber' | 'additional' | 'zipCode' | 'city' | 'state';

export type StateFormat = {
  /** The field's label ("State", "Province or territory", "Prefecture"). */
  label: string;
  /** The list to choose from, or null for free text. */
  options: readonly Subdivision[] | null;
  /** Whether the shopper's form asks for it (the entity keeps it optional for the APIs). */
  required: boolean;
  hint?: string;
};

export type AddressFormat = {
  /** `separate`: street and house number are two fields (DE). `inStreet`: one street line that carries the number (US). */
  houseNumber: 'separate' | 'inStreet';
  /** Where a separately stored house number goes in the printed street line. */
  numberPosition: 'before' | 'after';
  /** Between street and number when printed ("Calle Mayor, 12"). */
  numberSeparator: string;
  /** The form's address fields (after name and company), in the country's order; `houseNumber` only when separate. */
  order: readonly AddressField[];
  labels: Record<Exclude<AddressField, 'state'>, string>;
  /** A hint under the street field (the one-line countries show an example). */
  streetHint?: string;
  /** What the country calls its postcode, inside a sentence ("ZIP code", "postcode", "Eircode"). */
  postcodeTerm: string;
  /** The postcode's format for error texts: "5 digits, e.g. 10115". */
  postcodeHint?: string;
  /** Letters in the postcode (the form upper-cases what the shopper types). */
  postcodeLetters: boolean;
  state: StateFormat | null;
  /**
   * The printed lines below the street lines (`\n` between lines): %C city, %S state, %Z zipCode.
   * Empty parts and the separators around them are dropped.
   */
  lastLines: string;
};

const SEPARATE_ORDER: readonly AddressField[] = ['street', 'houseNumber', 'additional', 'zipCode', 'city', 'state'];

const DEFAULT_FORMAT: AddressFormat = {
  houseNumber: 'separate',
  numberPosition: 'after',
  numberSeparator: ' ',
  order: SEPARATE_ORDER,
  labels: { street: 'Street', houseNumber: 'House number', additional: 'Additional address line', zipCode: 'Postcode', city: 'City' },
  postcodeTerm: 'postcode',
  postcodeLetters: false,
  state: null,
  lastLines: '%Z %C\n%S',
};

/** Countries without an entry of their own whose addresses usually carry a state or region (free text). */
const WITH_FREE_TEXT_STATES = new Set('AR BR CN IN ID MX MY NG'.split(' '));

/** The one-line countries: "1600 Pennsylvania Ave NW" in `street`, no separate house number. */
function oneLine(overrides: Partial<AddressFormat> & Pick<AddressFormat, 'lastLines'>): Partial<AddressFormat> {
  return {
    houseNumber: 'inStreet',
    numberPosition: 'before',
    order: ['street', 'additional', 'city', 'state', 'zipCode'],
    ...overrides,
  };
}

const labels = (overrides: Partial<AddressFormat['labels']>): AddressFormat['labels'] => ({ ...DEFAULT_FORMAT.labels, ...overrides });

const FORMATS: Record<string, Partial<AddressFormat>> = {
  DE: { labels: labels({ zipCode: 'Postcode (PLZ)' }), postcodeHint: '5 digits, e.g. 10115', lastLines: '%Z %C' },
  AT: { labels: labels({ zipCode: 'Postcode (PLZ)' }), postcodeHint: '4 digits, e.g. 1010', lastLines: '%Z %C' },
  CH: { labels: labels({ zipCode: 'Postcode (PLZ)' }), postcodeHint: '4 digits, e.g. 8001', lastLines: '%Z %C' },
  NL: {
    labels: labels({ houseNumber: 'House number and addition' }),
    postcodeHint: '4 digits and 2 letters, e.g. 1012 AB',
    postcodeLetters: true,
    lastLines: '%Z %C',
  },
  BE: { postcodeHint: '4 digits, e.g. 1000', lastLines: '%Z %C' },
  LU: { postcodeHint: '4 digits, e.g. 1009', lastLines: '%Z %C' },
  // "12 rue de la Paix": the number comes first, also in the form.
  FR: {
    numberPosition: 'before',
    order: ['houseNumber', 'street', 'additional', 'zipCode', 'city'],
    labels: labels({ street: 'Street name' }),
    postcodeHint: '5 digits, e.g. 75008',
    lastLines: '%Z %C',
  },
  IT: {
    labels: labels({ zipCode: 'Postcode (CAP)' }),
    postcodeHint: '5 digits, e.g. 00144',
    state: { label: 'Province', options: null, required: false, hint: 'The 2-letter code, e.g. RM for Rome.' },
    lastLines: '%Z %C %S',
  },
  ES: {
    numberSeparator: ', ',
    postcodeHint: '5 digits, e.g. 28013',
    state: { label: 'Province', options: null, required: false },
    lastLines: '%Z %C\n%S',
  },
  GB: oneLine({
    order: ['street', 'additional', 'city', 'zipCode'],
    labels: labels({ street: 'Street address', additional: 'Address line 2', city: 'Town or city' }),
    streetHint: 'House number or name and street, e.g. 10 Downing Street.',
    postcodeHint: 'the full postcode, e.g. SW1A 1AA',
    postcodeLetters: true,
    lastLines: '%C\n%Z',
  }),
  IE: oneLine({
    labels: labels({ street: 'Street address', additional: 'Address line 2', city: 'Town or city', zipCode: 'Eircode' }),
    streetHint: 'House number or name and street, e.g. 1 Merrion Square.',
    postcodeTerm: 'Eircode',
    postcodeHint: '7 characters, e.g. D02 X285',
    postcodeLetters: true,
    state: { label: 'County', options: null, required: false },
    lastLines: '%C\n%S\n%Z',
  }),
  US: oneLine({
    labels: labels({ street: 'Street address', additional: 'Apt, suite, unit', zipCode: 'ZIP code' }),
    streetHint: 'Number and street, e.g. 1600 Pennsylvania Ave NW.',
    postcodeTerm: 'ZIP code',
    postcodeHint: '5 digits or ZIP+4, e.g. 20500 or 20500-0003',
    state: { label: 'State', options: US_STATES, required: true },
    lastLines: '%C, %S %Z',
  }),
  CA: oneLine({
    labels: labels({ street: 'Street address', additional: 'Apartment, suite, unit', zipCode: 'Postal code' }),
    streetHint: 'Number and street, e.g. 24 Sussex Drive.',
    postcodeTerm: 'postal code',
    postcodeHint: 'letter, digit, letter, digit, letter, digit, e.g. K1A 0B1',
    postcodeLetters: true,
    state: { label: 'Province or territory', options: CA_PROVINCES, required: true },
    lastLines: '%C %S %Z',
  }),
  AU: oneLine({
    labels: labels({ street: 'Street address', additional: 'Apartment, unit, building', city: 'Suburb or town' }),
    streetHint: 'Number and street, e.g. 1 Macquarie Street.',
    postcodeHint: '4 digits, e.g. 2000',
    state: { label: 'State or territory', options: AU_STATES, required: true },
    lastLines: '%C %S %Z',
  }),
  // Japanese forms start with the postal code, then prefecture, city and the block number.
  JP: oneLine({
    order: ['zipCode', 'state', 'city', 'street', 'additional'],
    labels: labels({ street: 'Street address', additional: 'Building, floor, room', city: 'City, ward or town', zipCode: 'Postal code' }),
    streetHint: 'District and block number, e.g. 1-1 Chiyoda.',
    postcodeTerm: 'postal code',
    postcodeHint: '7 digits written 123-4567, e.g. 100-0001',
    state: { label: 'Prefecture', options: JP_PREFECTURES, required: true },
    lastLines: '%C, %S %Z',
  }),
  // No postcodes; "88 Nathan Road", in a district.
  HK: {
    numberPosition: 'before',
    order: ['houseNumber', 'street', 'additional', 'city', 'zipCode'],
    labels: labels({ houseNumber: 'Building number', additional: 'Flat, floor, building', city: 'District' }),
    lastLines: '%C\n%Z',
  },
  AE: {
    order: ['street', 'houseNumber', 'additional', 'city', 'zipCode'],
    labels: labels({ houseNumber: 'Building or villa number', additional: 'Apartment, floor, area' }),
    lastLines: '%C\n%Z',
  },
  // Further postcode hints for countries that use the default layout.
  DK: { postcodeHint: '4 digits, e.g. 1050' },
  SE: { postcodeHint: '5 digits, e.g. 114 55' },
  NO: { postcodeHint: '4 digits, e.g. 0150' },
  FI: { postcodeHint: '5 digits, e.g. 00100' },
  PL: { postcodeHint: '5 digits written 12-345, e.g. 00-950' },
  PT: { postcodeHint: '7 digits written 1234-567, e.g. 1100-148' },
  CZ: { postcodeHint: '5 digits, e.g. 110 00' },
  SK: { postcodeHint: '5 digits, e.g. 811 01' },
  HU: { postcodeHint: '4 digits, e.g. 1051' },
  SI: { postcodeHint: '4 digits, e.g. 1000' },
  HR: { postcodeHint: '5 digits, e.g. 10000' },
  GR: { postcodeHint: '5 digits, e.g. 105 57' },
  RO: { postcodeHint: '6 digits, e.g. 010011' },
  BG: { postcodeHint: '4 digits, e.g. 1000' },
  EE: { postcodeHint: '5 digits, e.g. 10111' },
  LV: { postcodeHint: '4 digits, e.g. LV-1050' },
  LT: { postcodeHint: '5 digits, e.g. LT-01100' },
  NZ: { postcodeHint: '4 digits, e.g. 6011' },
  SG: { postcodeHint: '6 digits, e.g. 018956' },
  IN: { postcodeHint: '6 digits, e.g. 110001' },
  BR: { postcodeHint: '8 digits written 12345-678, e.g. 01310-100' },
  MX: { postcodeHint: '5 digits, e.g. 06000' },
  CN: { postcodeHint: '6 digits, e.g. 100000' },
  KR: { postcodeHint: '5 digits, e.g. 03051' },
  TR: { postcodeHint: '5 digits, e.g. 34000' },
};

/** The countries with an entry of their own (the rest use the default layout). */
export const COUNTRIES_WITH_FORMATS = Object.keys(FORMATS);

const cache = new Map<string, AddressFormat>();

/** The address format of a country (alpha-2, upper-case); the default for any other code. */
export function addressFormat(code: string): AddressFormat {
  let format = cache.get(code);
  if (!format) {
    const own = FORMATS[code] ?? {};
    const state = own.state !== undefined ? own.state : WITH_FREE_TEXT_STATES.has(code) ? { label: 'State / region', options: null, required: false } : null;
    format = { ...DEFAULT_FORMAT, ...own, state };
    if (format.houseNumber === 'inStreet') format.order = format.order.filter((f) => f !== 'houseNumber');
    if (!format.state) format.order = format.order.filter((f) => f !== 'state');
    cache.set(code, format);
  }
  return format;
}

/** Whether the country writes the house number in the street line, so `houseNumber` may be empty. */
export function houseNumberInStreet(code: string): boolean {
  return addressFormat(code).houseNumber === 'inStreet';
}

type Printable = { street: string; houseNumber: string | null; additional?: string | null; zipCode: string; city: string; countryCode: string; state?: string | null };

/** The street line as the country writes it: "Unter den Linden 77", "1600 Pennsylvania Ave NW", "Calle Mayor, 12". */
export function streetLine(address: Pick<Printable, 'street' | 'houseNumber' | 'countryCode'>): string {
  return joinStreet(addressFormat(address.countryCode), address.street, address.houseNumber);
}

function cleanLine(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .replace(/\s+,/g, ',')
    .replace(/,(\s*,)+/g, ',')
    .replace(/^[\s,]+|[\s,]+$/g, '');
}

/**
 * The address below the recipient, as the country prints it (without the country line):
 * US "1600 Pennsylvania Ave NW" / "Washington, DC 20500"; DE "Unter den Linden 77" / "10117 Berlin".
 */
export function addressLines(address: Printable): string[] {
  const format = addressFormat(address.countryCode);
  const values: Record<string, string> = { C: address.city, S: address.state?.trim() ?? '', Z: address.zipCode };
  // A state the layout does not print (one the back office stored) still shows, on a line of its own.
  const template = format.lastLines.includes('%S') ? format.lastLines : `${format.lastLines}\n%S`;
  const last = template.split('\n').map((line) => cleanLine(line.replace(/%([CSZ])/g, (_, token: string) => values[token] ?? '')));
  return [streetLine(address), address.additional ?? '', ...last].map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * Countries that use no postal codes (per the Universal Postal Union; all of them are also unknown
 * to postcode-validator): an empty zipCode is fine there.
 */
const WITHOUT_POSTCODES = new Set(
  ('AE AG AO AW BF BI BJ BO BQ BS BW BZ CD CF CG CI CK CM CW DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM KN KP ' +
    'LY ML MO MR MW NR NU QA RW SB SC SL SR SS ST SX SY TD TF TG TK TL TO TV UG VU YE ZW').split(' '),
);

export function usesPostcodes(code: string): boolean {
  return !WITHOUT_POSTCODES.has(code);
}

/** A country's format with what the form also needs to know: whether the postcode is asked for. */
export type CountryLayout = AddressFormat & { postcodeRequired: boolean };

export function countryLayout(code: string): CountryLayout {
  return { ...addressFormat(code), postcodeRequired: usesPostcodes(code) };
}
