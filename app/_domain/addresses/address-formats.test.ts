import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shipToCountries } from '../shared/config';
import { addressFormat, addressLines, COUNTRIES_WITH_FORMATS, houseNumberInStreet, streetLine } from './address-formats';
import { COUNTRY_ALIASES } from './country-aliases';
import { COUNTRY_OPTIONS, countryFromName, foldName, isCountryCode, postcodeError, searchCountries, shippingCountryOptions, usesPostcodes, usesStates } from './countries';
import { AU_STATES, CA_PROVINCES, findSubdivision, JP_PREFECTURES, US_STATES } from './subdivisions';

/**
 * The per-country address table (form layout, labels, postcode names and format hints, state
 * lists, printed layout) and the country search with its aliases.
 */

const ALL = COUNTRY_OPTIONS.map((c) => c.code);
const MUST_HAVE = ['DE', 'AT', 'CH', 'NL', 'FR', 'GB', 'US', 'CA', 'AU', 'JP', 'IT', 'ES', 'IE', 'HK', 'AE'];

describe('the address format table', () => {
  it('has an entry for every country that matters, each a real ISO country', () => {
    expect(COUNTRIES_WITH_FORMATS).toEqual(expect.arrayContaining(MUST_HAVE));
    for (const code of COUNTRIES_WITH_FORMATS) expect(isCountryCode(code), code).toBe(true);
  });

  it('writes the house number in the street line exactly in US, GB, CA, AU, IE and JP', () => {
    expect(ALL.filter(houseNumberInStreet).sort()).toEqual(['AU', 'CA', 'GB', 'IE', 'JP', 'US']);
  });

  it('gives every country (also one without an entry) a complete layout: each address field once, house number only where separate, state only where used', () => {
    for (const code of ALL) {
      const format = addressFormat(code);
      const expected = ['street', 'additional', 'zipCode', 'city'];
      if (format.houseNumber === 'separate') expected.push('houseNumber');
      if (format.state) expected.push('state');
      expect([...format.order].sort(), code).toEqual(expected.sort());
      expect(usesStates(code), code).toBe(format.state !== null);
    }
  });

  it('keeps the German layout as the default for a country without an entry', () => {
    expect(addressFormat('PL')).toMatchObject({ houseNumber: 'separate', order: ['street', 'houseNumber', 'additional', 'zipCode', 'city'], labels: { zipCode: 'Postcode' }, state: null });
    expect(addressFormat('BR').state).toMatchObject({ label: 'State / region', options: null, required: false });
  });

  it.each([
    ['DE', 'Postcode (PLZ)', 'postcode'],
    ['AT', 'Postcode (PLZ)', 'postcode'],
    ['CH', 'Postcode (PLZ)', 'postcode'],
    ['US', 'ZIP code', 'ZIP code'],
    ['CA', 'Postal code', 'postal code'],
    ['JP', 'Postal code', 'postal code'],
    ['IE', 'Eircode', 'Eircode'],
    ['GB', 'Postcode', 'postcode'],
    ['AU', 'Postcode', 'postcode'],
    ['IT', 'Postcode (CAP)', 'postcode'],
  ])('labels the %s postcode "%s" (in sentences: "%s")', (code, label, term) => {
    expect(addressFormat(code).labels.zipCode).toBe(label);
    expect(addressFormat(code).postcodeTerm).toBe(term);
  });

  it('lays out a US address as one street line, apartment, city, state, ZIP code', () => {
    expect(addressFormat('US')).toMatchObject({
      houseNumber: 'inStreet',
      order: ['street', 'additional', 'city', 'state', 'zipCode'],
      labels: { street: 'Street address', additional: 'Apt, suite, unit', zipCode: 'ZIP code', city: 'City' },
      state: { label: 'State', options: US_STATES, required: true },
    });
  });

  it('starts a Japanese address with the postal code and the prefecture', () => {
    expect(addressFormat('JP').order).toEqual(['zipCode', 'state', 'city', 'street', 'additional']);
    expect(addressFormat('JP').state).toMatchObject({ label: 'Prefecture', options: JP_PREFECTURES, required: true });
  });

  it('puts the French house number before the street, also in the form', () => {
    expect(addressFormat('FR').order.slice(0, 2)).toEqual(['houseNumber', 'street']);
  });

  // Every format hint's example is a valid postcode of its country, and the hint's wording fits a wrong one.
  const hinted = ALL.filter((code) => addressFormat(code).postcodeHint);
  it.each(hinted.map((code) => [code, addressFormat(code).postcodeHint!]))('%s: the example in "%s" is a valid postcode', (code, hint) => {
    const examples = hint.split('e.g. ')[1]!.split(' or ');
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(postcodeValidatorExistsForCountry(code), code).toBe(true);
      expect(postcodeValidator(example, code), `${code} ${example}`).toBe(true);
      expect(postcodeError(code, example)).toBeNull();
    }
  });

  it('has format hints for every listed country that uses postcodes', () => {
    for (const code of MUST_HAVE.filter(usesPostcodes)) expect(addressFormat(code).postcodeHint, code).toBeTruthy();
    expect(addressFormat('DE').postcodeHint).toBe('5 digits, e.g. 10115');
    expect(addressFormat('HK').postcodeHint).toBeUndefined();
  });
});

describe('state lists', () => {
  it.each([
    ['US', US_STATES, 62],
    ['CA', CA_PROVINCES, 13],
    ['AU', AU_STATES, 8],
    ['JP', JP_PREFECTURES, 47],
  ] as const)('%s lists %#: unique values and names', (code, list, size) => {
    expect(list).toHaveLength(size);
    expect(new Set(list.map((s) => s.value)).size).toBe(size);
    expect(new Set(list.map((s) => s.name)).size).toBe(size);
    expect(addressFormat(code).state?.options).toBe(list);
  });

  it('the US list has the 50 states and DC', () => {
    expect(US_STATES.slice(0, 51).map((s) => s.value)).toContain('DC');
    expect(US_STATES.slice(0, 51).every((s) => /^[A-Z]{2}$/.test(s.value))).toBe(true);
  });

  it('finds a stored state by value or name, ignoring case and dots', () => {
    expect(findSubdivision(US_STATES, 'ca')).toEqual({ value: 'CA', name: 'California' });
    expect(findSubdivision(US_STATES, ' California ')).toEqual({ value: 'CA', name: 'California' });
    expect(findSubdivision(US_STATES, 'D.C.')?.value).toBe('DC');
    expect(findSubdivision(JP_PREFECTURES, 'tokyo')?.value).toBe('Tokyo');
    expect(findSubdivision(AU_STATES, 'nsw')?.value).toBe('NSW');
    expect(findSubdivision(US_STATES, 'Bavaria')).toBeNull();
    expect(findSubdivision(US_STATES, '')).toBeNull();
  });
});

describe('printing an address in the country’s layout', () => {
  const base = { additional: null, state: null };
  it.each([
    ['US', { street: '1600 Pennsylvania Ave NW', houseNumber: '', zipCode: '20500', city: 'Washington', state: 'DC' }, ['1600 Pennsylvania Ave NW', 'Washington, DC 20500']],
    ['US', { street: 'Pennsylvania Ave NW', houseNumber: '1600', zipCode: '20500', city: 'Washington', state: 'DC', additional: 'Suite 100' }, ['1600 Pennsylvania Ave NW', 'Suite 100', 'Washington, DC 20500']],
    ['US', { street: '1 Main St', houseNumber: '', zipCode: '10001', city: 'New York' }, ['1 Main St', 'New York, 10001']],
    ['DE', { street: 'Unter den Linden', houseNumber: '77', zipCode: '10117', city: 'Berlin' }, ['Unter den Linden 77', '10117 Berlin']],
    ['DE', { street: 'Domstraße', houseNumber: '1', zipCode: '20095', city: 'Hamburg', state: 'Hamburg' }, ['Domstraße 1', '20095 Hamburg', 'Hamburg']],
    ['GB', { street: '10 Downing Street', houseNumber: '', zipCode: 'SW1A 2AA', city: 'London' }, ['10 Downing Street', 'London', 'SW1A 2AA']],
    ['CA', { street: '24 Sussex Drive', houseNumber: '', zipCode: 'K1M 1M4', city: 'Ottawa', state: 'ON' }, ['24 Sussex Drive', 'Ottawa ON K1M 1M4']],
    ['AU', { street: '1 Macquarie Street', houseNumber: '', zipCode: '2000', city: 'Sydney', state: 'NSW' }, ['1 Macquarie Street', 'Sydney NSW 2000']],
    ['JP', { street: '1-1 Chiyoda', houseNumber: '', zipCode: '100-0001', city: 'Chiyoda-ku', state: 'Tokyo' }, ['1-1 Chiyoda', 'Chiyoda-ku, Tokyo 100-0001']],
    ['IE', { street: '1 Merrion Square', houseNumber: '', zipCode: 'D02 X285', city: 'Dublin', state: 'Dublin' }, ['1 Merrion Square', 'Dublin', 'Dublin', 'D02 X285']],
    ['FR', { street: 'rue de la Paix', houseNumber: '12', zipCode: '75002', city: 'Paris' }, ['12 rue de la Paix', '75002 Paris']],
    ['ES', { street: 'Calle Mayor', houseNumber: '12', zipCode: '28013', city: 'Madrid', state: 'Madrid' }, ['Calle Mayor, 12', '28013 Madrid', 'Madrid']],
    ['IT', { street: 'Via Roma', houseNumber: '1', zipCode: '00144', city: 'Roma', state: 'RM' }, ['Via Roma 1', '00144 Roma RM']],
    ['HK', { street: 'Nathan Road', houseNumber: '88', zipCode: '', city: 'Kowloon' }, ['88 Nathan Road', 'Kowloon']],
    ['AE', { street: 'Sheikh Zayed Road', houseNumber: '5', zipCode: '', city: 'Dubai' }, ['Sheikh Zayed Road 5', 'Dubai']],
  ] as const)('%s: %j', (countryCode, address, lines) => {
    expect(addressLines({ ...base, countryCode, ...address })).toEqual(lines);
  });

  it('prints a street line without a number as it is', () => {
    expect(streetLine({ street: 'Pennsylvania Ave NW', houseNumber: '', countryCode: 'US' })).toBe('Pennsylvania Ave NW');
    expect(streetLine({ street: 'Hauptstraße', houseNumber: null, countryCode: 'DE' })).toBe('Hauptstraße');
  });
});

describe('the country search', () => {
  it.each([
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['US', 'US'],
    ['us', 'US'],
    ['America', 'US'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['GBR', 'GB'],
    ['Holland', 'NL'],
    ['nederland', 'NL'],
    ['Deutschland', 'DE'],
    ['DEU', 'DE'],
    ['Österreich', 'AT'],
    ['Osterreich', 'AT'],
    ['Schweiz', 'CH'],
    ['Suisse', 'CH'],
    ['España', 'ES'],
    ['espana', 'ES'],
    ['Italia', 'IT'],
    ['Eire', 'IE'],
    ['Nippon', 'JP'],
    ['日本', 'JP'],
    ['UAE', 'AE'],
    ['Emirates', 'AE'],
    ['Hongkong', 'HK'],
    ['Czechia', 'CZ'],
    ['Ivory Coast', 'CI'],
    ['Russia', 'RU'],
    ['South Korea', 'KR'],
    ['Turkey', 'TR'],
  ])('ranks %j first as %s', (query, code) => {
    expect(searchCountries(query, ALL)[0]).toBe(code);
    expect(countryFromName(query)).toBe(code);
  });

  it('ranks exact names and aliases before names that merely start with the text (the native list picked the Minor Outlying Islands and Tanzania)', () => {
    expect(searchCountries('United States', ALL)).toEqual(['US', 'UM']);
    expect(searchCountries('USA', ALL)[0]).toBe('US');
    expect(searchCountries('America', ALL).slice(0, 2)).toEqual(['US', 'AS']);
  });

  it('then names that start with the text, then a word that starts with it, then names that contain it; ties in the given order', () => {
    expect(searchCountries('ger', ALL)[0]).toBe('DE');
    expect(searchCountries('united', ALL)).toEqual(['AE', 'GB', 'TZ', 'UM', 'US']);
    // "Netherlands (Kingdom of the)" and "United Kingdom": a word starts with it.
    expect(searchCountries('kingdom', ALL)).toEqual(['NL', 'GB']);
    // The start of a name (New Zealand) before the inside of one (Poland, Finland), in the given order.
    expect(searchCountries('n', ['PL', 'FI', 'NZ'])).toEqual(['NZ', 'PL', 'FI']);
    // The start of a word (New Zealand) before the inside of one (Poland).
    expect(searchCountries('zea', ['PL', 'NZ'])).toEqual(['NZ']);
    expect(searchCountries('la', ['PL', 'NZ', 'LV'])).toEqual(['LV', 'PL', 'NZ']);
  });

  it('searches only the given countries, in their order when the text is empty', () => {
    const shop = ['DE', 'AT', 'CH', 'US'];
    expect(searchCountries('', shop)).toEqual(shop);
    expect(searchCountries('  ', shop)).toEqual(shop);
    expect(searchCountries('Tanzania', shop)).toEqual([]);
    // Austria, America and Allemagne start with "a"; Svizzera only contains it.
    expect(searchCountries('a', shop)).toEqual(['DE', 'AT', 'US', 'CH']);
  });

  it('folds case, accents, dots, apostrophes and ampersands', () => {
    expect(foldName('  Côte d’Ivoire ')).toBe('cote divoire');
    expect(foldName('U.S.A.')).toBe('usa');
    expect(foldName('Großbritannien')).toBe('grossbritannien');
    expect(foldName('Bosnia & Herzegovina')).toBe('bosnia and herzegovina');
    expect(searchCountries("cote d'ivoire", ALL)[0]).toBe('CI');
  });

  it('has aliases only for real countries', () => {
    for (const code of Object.keys(COUNTRY_ALIASES)) expect(isCountryCode(code), code).toBe(true);
  });

  it('knows no country for a text that names none', () => {
    expect(countryFromName('Narnia')).toBeNull();
    expect(countryFromName('')).toBeNull();
  });
});

describe('the shipping countries (SHIP_TO_COUNTRIES)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('default to DE, AT, CH, NL, BE, FR, GB, US', () => {
    vi.stubEnv('SHIP_TO_COUNTRIES', '');
    expect(shipToCountries()).toEqual(['DE', 'AT', 'CH', 'NL', 'BE', 'FR', 'GB', 'US']);
  });

  it('are read in the configured order, upper-cased, without repeats', () => {
    vi.stubEnv('SHIP_TO_COUNTRIES', ' us, ca ,US,jp,');
    expect(shipToCountries()).toEqual(['US', 'CA', 'JP']);
    expect(shippingCountryOptions(shipToCountries())).toEqual([
      { code: 'US', name: 'United States of America' },
      { code: 'CA', name: 'Canada' },
      { code: 'JP', name: 'Japan' },
    ]);
  });

  it('refuse anything but alpha-2 codes, and codes that are no ISO country', () => {
    vi.stubEnv('SHIP_TO_COUNTRIES', 'DE,DEU');
    expect(() => shipToCountries()).toThrow(/SHIP_TO_COUNTRIES/);
    vi.stubEnv('SHIP_TO_COUNTRIES', ',');
    expect(() => shipToCountries()).toThrow(/SHIP_TO_COUNTRIES/);
    expect(() => shippingCountryOptions(['DE', 'UK'])).toThrow('SHIP_TO_COUNTRIES lists codes that are not ISO 3166-1 alpha-2 countries: UK');
  });
});
