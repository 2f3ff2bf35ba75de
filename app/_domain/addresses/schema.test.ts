import { addressCodec } from '@/app/_transport/glue/codecs/addresses';
import { glueMessage } from '@/app/_transport/glue/messages';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../shared/validation';
import { normalizePhone, postcodeError } from './countries';
import { addressMergedSchema, addressPatchSchema, addressSchema } from './schema';

/**
 * The address validation table: field rules and the per-country rules (postcode format, phone read
 * with the address country as default region and kept as the shopper wrote it), as the form, the server
 * actions and the JSON:API all apply them through `addressSchema`.
 */

type Input = Record<string, unknown>;

/**
 * The table is written in the storefront's names (as Glue clients send them); the entity schema
 * reads the domain's, so inputs pass through the storefront codec (`state` kept: it is an entity
 * field the codec does not carry).
 */
function toDomain(input: Input): Input {
  const { state, ...rest } = input;
  return { ...addressCodec.toDomain(rest), ...(state !== undefined ? { state } : {}) };
}

const BLANK = 'This value should not be blank.';
const MISSING = 'This field is missing.';
const NOT_A_COUNTRY = 'This value is not a valid country.';
const NOT_A_PHONE = 'This value is not a valid phone number.';
const NOT_A_BOOL = 'This value should be of type bool.';
const tooLong = (n: number) => `This value is too long. It should have ${n} characters or less.`;
const tooShort = (n: number) => `This value is too short. It should have ${n} characters or more.`;
const badPostcode = (countryName: string) => `This postal code is not valid for ${countryName}.`;

/** `{ field: message }` for an invalid input (one message per field, as the API reports them); null when valid. */
function errorsOf(input: Input): Record<string, string> | null {
  const result = addressSchema.safeParse(toDomain(input), { reportInput: true });
  if (result.success) return null;
  return Object.fromEntries(fieldErrors(result.error).map((error) => [addressCodec.wire(error.field), glueMessage(error)]));
}

/** The parsed address; fails the test with the field errors when the input is invalid. */
function parsed(input: Input) {
  const result = addressSchema.safeParse(toDomain(input));
  expect(result.success ? null : fieldErrors(result.error)).toBeNull();
  const data = result.data!;
  return { ...data, address1: data.street, address2: data.houseNumber, address3: data.additional, iso2Code: data.countryCode };
}

type Country = {
  iso2Code: string;
  name: string;
  city: string;
  goodPostcodes: string[];
  badPostcodes: string[];
  /** A national number as people write it, and its E.164 form in this country. */
  phone: [national: string, e164: string];
  badPhones: string[];
};

const COUNTRIES: Country[] = [
  {
    iso2Code: 'DE',
    name: 'Germany',
    city: 'Berlin',
    goodPostcodes: ['10115', '01067'],
    badPostcodes: ['1234', '101155', 'ABCDE'],
    phone: ['030 1234567', '+49301234567'],
    badPhones: ['123', 'call me'],
  },
  {
    iso2Code: 'US',
    name: 'United States of America',
    city: 'San Francisco',
    goodPostcodes: ['94103', '94103-1234'],
    badPostcodes: ['9410', 'ABCDE', 'SW1A 1AA'],
    phone: ['(415) 555-2671', '+14155552671'],
    badPhones: ['555-0100', '030 1234567'],
  },
  {
    iso2Code: 'GB',
    name: 'United Kingdom',
    city: 'London',
    goodPostcodes: ['SW1A 1AA', 'SW1A1AA', 'EC1A 1BB'],
    badPostcodes: ['12345', 'SW1A 1A'],
    phone: ['020 7946 0018', '+442079460018'],
    badPhones: ['020 7946 001'],
  },
  {
    iso2Code: 'FR',
    name: 'France',
    city: 'Paris',
    goodPostcodes: ['75008'],
    badPostcodes: ['7500', '750080'],
    phone: ['01 23 45 67 89', '+33123456789'],
    badPhones: ['01 23 45 67'],
  },
  {
    iso2Code: 'NL',
    name: 'Netherlands',
    city: 'Amsterdam',
    goodPostcodes: ['1012 AB', '1012AB'],
    badPostcodes: ['1012', 'AB 1012'],
    phone: ['020 123 4567', '+31201234567'],
    badPhones: ['06 1234'],
  },
  {
    iso2Code: 'JP',
    name: 'Japan',
    city: 'Tokyo',
    goodPostcodes: ['100-0001'],
    badPostcodes: ['100-00', 'ABC-DEFG'],
    phone: ['03-1234-5678', '+81312345678'],
    badPhones: ['03-1234'],
  },
  {
    // No postcodes: empty is fine, and so is any non-blank one of at most 15 characters.
    iso2Code: 'HK',
    name: 'Hong Kong',
    city: 'Hong Kong',
    goodPostcodes: ['', '999077'],
    badPostcodes: [],
    phone: ['2123 4567', '+85221234567'],
    badPhones: ['1234', '2123 456'],
  },
  {
    iso2Code: 'AE',
    name: 'United Arab Emirates',
    city: 'Dubai',
    goodPostcodes: ['', '00000'],
    badPostcodes: [],
    phone: ['04 123 4567', '+97141234567'],
    badPhones: ['04 123'],
  },
  {
    // Uses postcodes, but postcode-validator has no format for it: any non-blank one passes.
    iso2Code: 'TT',
    name: 'Trinidad and Tobago',
    city: 'Port of Spain',
    goodPostcodes: ['150123', 'any 15 chars ok!'.slice(0, 15)],
    badPostcodes: [],
    phone: ['868 625 1234', '+18686251234'],
    badPhones: ['868 625 12'],
  },
];

function addressIn(country: Country, overrides: Input = {}): Input {
  return {
    salutation: 'Ms',
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: 'Main Street',
    address2: '12a',
    zipCode: country.goodPostcodes.find((z) => z !== '') ?? '',
    city: country.city,
    iso2Code: country.iso2Code,
    ...overrides,
  };
}

const GERMANY = COUNTRIES[0]!;

describe.each(COUNTRIES)('an address in $iso2Code', (country) => {
  it.each(country.goodPostcodes.map((zipCode) => [zipCode]))('accepts the postcode %j', (zipCode) => {
    expect(postcodeError(country.iso2Code, zipCode)).toBeNull();
    expect(parsed(addressIn(country, { zipCode })).zipCode).toBe(zipCode);
  });

  if (country.badPostcodes.length > 0) {
    it.each(country.badPostcodes.map((zipCode) => [zipCode]))(
      'rejects the postcode %j with a zipCode error naming the country, and nothing else',
      (zipCode) => {
        expect(postcodeError(country.iso2Code, zipCode)).toEqual({ code: 'postcode', params: { country: country.iso2Code } });
        expect(errorsOf(addressIn(country, { zipCode }))).toEqual({ zipCode: badPostcode(country.name) });
      },
    );
  }

  it('reads a national phone number with the address country as default region and keeps it as written', () => {
    const [national, e164] = country.phone;
    expect(normalizePhone(national, country.iso2Code)).toBe(e164);
    expect(parsed(addressIn(country, { phone: national })).phone).toBe(national);
    expect(parsed(addressIn(country, { phone: e164 })).phone).toBe(e164);
  });

  it('accepts a number of another country written with + and keeps it as written', () => {
    const foreign = country.iso2Code === 'DE' ? ['+44 20 7946 0018', '+442079460018'] : ['+49 30 1234567', '+49301234567'];
    expect(normalizePhone(foreign[0]!, country.iso2Code)).toBe(foreign[1]);
    expect(parsed(addressIn(country, { phone: foreign[0] })).phone).toBe(foreign[0]);
  });

  it.each(country.badPhones.map((phone) => [phone]))('rejects the phone %j with a phone error only', (phone) => {
    expect(normalizePhone(phone, country.iso2Code)).toBeNull();
    expect(errorsOf(addressIn(country, { phone }))).toEqual({ phone: NOT_A_PHONE });
  });

  it('accepts a valid address and returns it with every field, the country code upper-case', () => {
    const [national] = country.phone;
    const input = addressIn(country, {
      iso2Code: country.iso2Code.toLowerCase(),
      address3: 'Back building',
      company: 'ACME',
      phone: national,
      isDefaultShipping: true,
      isDefaultBilling: false,
    });
    const { iso2Code: _code, address1, address2, address3, ...same } = input;
    const result = addressSchema.safeParse(toDomain(input));
    expect(result.data).toEqual({
      ...same,
      street: address1,
      houseNumber: address2,
      additional: address3,
      countryCode: country.iso2Code,
      phone: national,
      state: null,
    });
  });
});

describe('postcodes of countries without postcodes, and of countries the library does not know', () => {
  it.each([['HK'], ['AE']])('%s accepts an empty zipCode, also when it is only spaces', (iso2Code) => {
    expect(postcodeError(iso2Code, '')).toBeNull();
    expect(parsed(addressIn(GERMANY, { iso2Code, zipCode: '   ' })).zipCode).toBe('');
  });

  it('TT (uses postcodes, unknown to the library) rejects a blank zipCode as blank', () => {
    expect(postcodeError('TT', '')).toEqual({ code: 'blank' });
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 'TT', zipCode: '' }))).toEqual({ zipCode: BLANK });
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 'TT', zipCode: '  ' }))).toEqual({ zipCode: BLANK });
  });

  it('TT accepts any non-blank zipCode of up to 15 characters and rejects 16 as too long', () => {
    expect(parsed(addressIn(GERMANY, { iso2Code: 'TT', zipCode: 'X'.repeat(15) })).zipCode).toBe('X'.repeat(15));
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 'TT', zipCode: 'X'.repeat(16) }))).toEqual({ zipCode: tooLong(15) });
  });

  it('HK accepts a non-empty zipCode of up to 15 characters and rejects 16 as too long', () => {
    expect(parsed(addressIn(GERMANY, { iso2Code: 'HK', zipCode: '9'.repeat(15) })).zipCode).toBe('9'.repeat(15));
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 'HK', zipCode: '9'.repeat(16) }))).toEqual({ zipCode: tooLong(15) });
  });

  it('DE (uses postcodes) rejects an empty zipCode as blank', () => {
    expect(postcodeError('DE', '')).toEqual({ code: 'blank' });
    expect(errorsOf(addressIn(GERMANY, { zipCode: '' }))).toEqual({ zipCode: BLANK });
  });

  it('trims the zipCode before checking it', () => {
    expect(parsed(addressIn(GERMANY, { zipCode: ' 10115 ' })).zipCode).toBe('10115');
  });
});

describe('phones', () => {
  it('reads the same digits as a number of the address country', () => {
    expect(normalizePhone('2123 4567', 'HK')).toBe('+85221234567');
    expect(normalizePhone('2123 4567', 'DE')).toBe('+4921234567');
    expect(parsed(addressIn(GERMANY, { iso2Code: 'HK', zipCode: '', phone: '2123 4567' })).phone).toBe('2123 4567');
  });

  it('keeps the shopper’s own formatting, trimmed', () => {
    expect(parsed(addressIn(GERMANY, { phone: '  (030) 123-4567 ' })).phone).toBe('(030) 123-4567');
  });

  it('treats an empty or blank phone as no phone', () => {
    expect(parsed(addressIn(GERMANY, { phone: '' })).phone).toBeNull();
    expect(parsed(addressIn(GERMANY, { phone: '   ' })).phone).toBeNull();
    expect(parsed(addressIn(GERMANY, { phone: null })).phone).toBeNull();
    expect(parsed(addressIn(GERMANY)).phone).toBeNull();
  });

  it('rejects a phone longer than 30 characters as too long', () => {
    expect(errorsOf(addressIn(GERMANY, { phone: `+49 30 ${'1'.repeat(24)}` }))).toEqual({ phone: tooLong(30) });
  });

  it('rejects a phone with an unknown country calling code', () => {
    expect(normalizePhone('+999 123456', 'DE')).toBeNull();
    expect(errorsOf(addressIn(GERMANY, { phone: '+999 123456' }))).toEqual({ phone: NOT_A_PHONE });
  });
});

describe('the country code', () => {
  it.each([['ZZ'], ['DEU'], ['UK'], ['D'], ['12']])('rejects %j as not a valid country, without checking zipCode or phone against it', (iso2Code) => {
    expect(errorsOf(addressIn(GERMANY, { iso2Code, zipCode: '1', phone: '123' }))).toEqual({ iso2Code: NOT_A_COUNTRY });
  });

  it('rejects an empty code as blank and a missing one as missing', () => {
    expect(errorsOf(addressIn(GERMANY, { iso2Code: '' }))).toEqual({ iso2Code: BLANK });
    const { iso2Code: _iso2Code, ...withoutCountry } = addressIn(GERMANY);
    expect(errorsOf(withoutCountry)).toEqual({ iso2Code: MISSING });
  });

  it('accepts a lower-case code (with spaces around it) and returns it upper-case, checking the postcode against it', () => {
    expect(parsed(addressIn(GERMANY, { iso2Code: ' de ' })).iso2Code).toBe('DE');
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 'de', zipCode: '1234' }))).toEqual({ zipCode: badPostcode('Germany') });
  });

  it('rejects a country code that is not a string', () => {
    expect(errorsOf(addressIn(GERMANY, { iso2Code: 49 }))).toEqual({ iso2Code: 'This value should be of type string.' });
  });
});

describe('field rules', () => {
  it('rejects a city of 2 characters as too short and accepts 3', () => {
    expect(errorsOf(addressIn(GERMANY, { city: 'Ab' }))).toEqual({ city: tooShort(3) });
    expect(parsed(addressIn(GERMANY, { city: 'Ulm' })).city).toBe('Ulm');
  });

  it('rejects a zipCode of 16 characters as too long', () => {
    expect(errorsOf(addressIn(GERMANY, { zipCode: '1'.repeat(16) }))).toEqual({ zipCode: tooLong(15) });
  });

  it.each([['firstName'], ['lastName']])('accepts a %s of 100 characters (counted as code points) and rejects 101', (field) => {
    expect(parsed(addressIn(GERMANY, { [field]: 'ü'.repeat(100) }))[field as 'firstName']).toBe('ü'.repeat(100));
    expect(errorsOf(addressIn(GERMANY, { [field]: 'ü'.repeat(101) }))).toEqual({ [field]: tooLong(100) });
  });

  it.each([['address1'], ['address2'], ['address3'], ['company'], ['city']])('accepts an %s of 255 characters and rejects 256', (field) => {
    expect(parsed(addressIn(GERMANY, { [field]: 'x'.repeat(255) }))[field as 'address1']).toBe('x'.repeat(255));
    expect(errorsOf(addressIn(GERMANY, { [field]: 'x'.repeat(256) }))).toEqual({ [field]: tooLong(255) });
  });

  it.each([['salutation'], ['firstName'], ['lastName'], ['address1'], ['address2'], ['zipCode'], ['city'], ['iso2Code']])(
    'reports a missing %s as missing and a null one as blank',
    (field) => {
      const { [field]: _removed, ...without } = addressIn(GERMANY);
      expect(errorsOf(without)).toEqual({ [field]: MISSING });
      const withNull = errorsOf(addressIn(GERMANY, { [field]: null }));
      expect(withNull).toEqual({ [field]: BLANK });
    },
  );

  it.each([['firstName'], ['lastName'], ['address1'], ['address2'], ['city']])('rejects a blank %s', (field) => {
    expect(errorsOf(addressIn(GERMANY, { [field]: '   ' }))).toEqual({ [field]: BLANK });
  });

  it('rejects an unknown salutation as not a valid choice', () => {
    expect(errorsOf(addressIn(GERMANY, { salutation: 'Herr' }))).toEqual({ salutation: 'The value you selected is not a valid choice.' });
  });

  it('trims the texts and stores blank optional texts as null', () => {
    const address = parsed(addressIn(GERMANY, { firstName: '  Ada ', address1: ' Main Street ', address3: '  ', company: '' }));
    expect(address).toMatchObject({ firstName: 'Ada', address1: 'Main Street', address3: null, company: null });
  });

  it.each([['yes'], ['true'], [1], [null]])('rejects isDefaultShipping and isDefaultBilling %j as not a bool', (flag) => {
    expect(errorsOf(addressIn(GERMANY, { isDefaultShipping: flag, isDefaultBilling: flag }))).toEqual({
      isDefaultShipping: NOT_A_BOOL,
      isDefaultBilling: NOT_A_BOOL,
    });
  });

  it('leaves absent default flags absent (a PATCH must not read them as false)', () => {
    const address = parsed(addressIn(GERMANY));
    expect(address.isDefaultShipping).toBeUndefined();
    expect(address.isDefaultBilling).toBeUndefined();
  });

  it('strips unknown attributes, such as id, a client-sent country name and a password', () => {
    // Through the storefront codec (which keeps only its own attributes) and then the entity schema.
    const input = { ...addressIn(GERMANY), state: 'Bavaria', id: 'c0ffee00-0000-4000-8000-000000000000', country: 'Narnia', password: 'x', customerId: 1 };
    const result = addressSchema.safeParse(toDomain(input));
    expect(result.success).toBe(true);
    expect(Object.keys(result.data!).sort()).toEqual(
      ['salutation', 'firstName', 'lastName', 'street', 'houseNumber', 'additional', 'zipCode', 'city', 'countryCode', 'state', 'company', 'phone'].sort(),
    );
    expect(result.data!.state).toBe('Bavaria');
  });

  it('reports every violated field at once, one message each', () => {
    expect(
      errorsOf({
        salutation: 'Sir',
        firstName: '',
        lastName: 'x'.repeat(101),
        address1: null,
        address2: 'x'.repeat(256),
        zipCode: '1'.repeat(16),
        city: 'Ab',
        iso2Code: 'ZZ',
        address3: 'x'.repeat(256),
        company: 'x'.repeat(256),
        phone: 'x'.repeat(31),
        isDefaultShipping: 'yes',
        isDefaultBilling: 0,
      }),
    ).toEqual({
      salutation: 'The value you selected is not a valid choice.',
      firstName: BLANK,
      lastName: tooLong(100),
      address1: BLANK,
      address2: tooLong(255),
      zipCode: tooLong(15),
      city: tooShort(3),
      iso2Code: NOT_A_COUNTRY,
      address3: tooLong(255),
      company: tooLong(255),
      phone: tooLong(30),
      isDefaultShipping: NOT_A_BOOL,
      isDefaultBilling: NOT_A_BOOL,
    });
  });

  it('reports a postcode and a phone that do not fit the country together with the other bad fields', () => {
    expect(errorsOf(addressIn(GERMANY, { firstName: '', city: 'Ab', zipCode: '1234', phone: '123' }))).toEqual({
      firstName: BLANK,
      city: tooShort(3),
      zipCode: badPostcode('Germany'),
      phone: NOT_A_PHONE,
    });
  });

  // The contract: all 901s at once, one per violated field — the country rules included, also
  // when another field is missing, null or not a valid choice (those fields do not affect them).
  it.each([
    ['a missing firstName', { firstName: undefined }, { firstName: MISSING }],
    ['a null lastName', { lastName: null }, { lastName: BLANK }],
    ['an unknown salutation', { salutation: 'Sir' }, { salutation: 'The value you selected is not a valid choice.' }],
    ['a non-bool isDefaultShipping', { isDefaultShipping: 'yes' }, { isDefaultShipping: NOT_A_BOOL }],
  ])('reports a postcode and a phone that do not fit the country together with %s', (_, overrides, expected) => {
    expect(errorsOf(addressIn(GERMANY, { zipCode: '1234', phone: '123', ...overrides }))).toEqual({
      ...expected,
      zipCode: badPostcode('Germany'),
      phone: NOT_A_PHONE,
    });
  });

  it('rejects a non-object input', () => {
    expect(addressSchema.safeParse('Main Street 12').success).toBe(false);
    expect(addressSchema.safeParse(null).success).toBe(false);
  });
});

/**
 * The house number (Glue's address2). Countries that write it in the street line ("1600
 * Pennsylvania Ave NW") may leave it out; every other country still needs one, with the same
 * errors as before. The form, the server actions and both APIs share this rule.
 */
describe('the house number', () => {
  const ONE_LINE = [
    ['US', '20500', 'Washington'],
    ['GB', 'SW1A 2AA', 'London'],
    ['CA', 'K1M 1M4', 'Ottawa'],
    ['AU', '2000', 'Sydney'],
    ['IE', 'D02 X285', 'Dublin'],
    ['JP', '100-0001', 'Chiyoda-ku'],
  ] as const;

  it.each(ONE_LINE)('%s writes it in the street line: address2 may be absent, null, empty or blank (stored as none)', (iso2Code, zipCode, city) => {
    const { address2: _address2, ...withoutNumber } = addressIn(GERMANY, { iso2Code, zipCode, city, address1: '1600 Pennsylvania Ave NW' });
    expect(errorsOf(withoutNumber)).toBeNull();
    for (const address2 of [null, '', '   ']) expect(errorsOf({ ...withoutNumber, address2 }), JSON.stringify(address2)).toBeNull();
    expect(parsed(withoutNumber).address1).toBe('1600 Pennsylvania Ave NW');
    expect([undefined, null, '']).toContain(parsed({ ...withoutNumber, address2: null }).address2);
  });

  it.each(ONE_LINE)('%s still takes a separate house number and checks its length and characters', (iso2Code, zipCode, city) => {
    const address = addressIn(GERMANY, { iso2Code, zipCode, city });
    expect(parsed({ ...address, address2: ' 12a ' }).address2).toBe('12a');
    expect(errorsOf({ ...address, address2: 'x'.repeat(256) })).toEqual({ address2: tooLong(255) });
    expect(errorsOf({ ...address, address2: 12 })).toEqual({ address2: 'This value should be of type string.' });
  });

  it.each([
    ['DE', '10115'],
    ['AT', '1010'],
    ['CH', '8001'],
    ['NL', '1012 AB'],
    ['FR', '75008'],
    ['IT', '00144'],
    ['ES', '28013'],
    ['HK', ''],
    ['AE', ''],
    ['TT', '150123'],
  ])(
    '%s (house number of its own) still reports a missing address2 as missing and a null, empty or blank one as blank',
    (iso2Code, zipCode) => {
      const address = addressIn(GERMANY, { iso2Code, zipCode });
      const { address2: _address2, ...withoutNumber } = address;
      expect(errorsOf(withoutNumber)).toEqual({ address2: MISSING });
      for (const address2 of [null, '', '   ']) expect(errorsOf({ ...address, address2 }), JSON.stringify(address2)).toEqual({ address2: BLANK });
    },
  );

  it('an unknown country needs one too (reported with the country)', () => {
    const { address2: _address2, ...withoutNumber } = addressIn(GERMANY, { iso2Code: 'ZZ' });
    expect(errorsOf(withoutNumber)).toEqual({ iso2Code: NOT_A_COUNTRY, address2: MISSING });
  });

  it('a PATCH clears it only together with a one-line country; the merged address keeps tolerating a stored address without one', () => {
    const patchErrors = (patch: Input) => {
      const result = addressPatchSchema.safeParse(patch, { reportInput: true });
      return result.success ? null : Object.fromEntries(fieldErrors(result.error).map((e) => [e.field, e.code]));
    };
    expect(patchErrors({ houseNumber: '', countryCode: 'us' })).toBeNull();
    expect(patchErrors({ houseNumber: null, countryCode: 'GB' })).toBeNull();
    expect(patchErrors({ houseNumber: '' })).toEqual({ houseNumber: 'blank' });
    expect(patchErrors({ houseNumber: null, countryCode: 'DE' })).toEqual({ houseNumber: 'blank' });
    expect(patchErrors({ houseNumber: ' ', countryCode: 'ZZ' })).toEqual({ countryCode: 'country', houseNumber: 'blank' });
    expect(patchErrors({ city: 'Hamburg' })).toBeNull();
    const stored = { salutation: null, firstName: 'Ada', lastName: 'Lovelace', street: 'Jungfernstieg', houseNumber: null, zipCode: '20354', city: 'Hamburg', countryCode: 'DE' };
    expect(addressMergedSchema.safeParse(stored).success).toBe(true);
  });
});
