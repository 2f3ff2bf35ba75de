import { z } from 'zod';
import { SALUTATIONS } from '../customers/schema';
import { choice, codePoints, hasControlCharacters, optionalText, personName, requiredText, rule } from '../shared/validation';
import { houseNumberInStreet } from './address-formats';
import { isCountryCode, normalizePhone, postcodeError } from './countries';

/**
 * The address entity, in the columns' names (street, houseNumber, additional, countryCode as ISO
 * alpha-2, …). The one source of every address rule, for the address form, its server actions,
 * the storefront API (Glue names: address1/address2/address3/iso2Code, mapped by its codec) and
 * the admin API. Field rules first; then the country rules, which also run for a PATCH on the
 * merged address (a new zipCode is checked against the stored country).
 *
 * The house number: countries that write it in the street line ("1600 Pennsylvania Ave NW": US,
 * GB, CA, AU, IE, JP — `houseNumberInStreet`) may leave it out (absent, null or empty); every
 * other country needs one, as before ("This field is missing." / "should not be blank").
 */

const optionalFlag = z.boolean().optional();

export const addressFields = {
  salutation: choice(SALUTATIONS),
  firstName: personName(100),
  lastName: personName(100),
  street: requiredText(255),
  // May be empty here; whether the country needs a house number of its own is a country rule.
  houseNumber: z
    .string()
    .trim()
    .refine((v) => codePoints(v) <= 255, rule('tooLong', { max: 255 }))
    .refine((v) => !hasControlCharacters(v), rule('controlCharacters'))
    .nullable()
    .optional()
    .meta({
      maxLength: 255,
      description: 'Required, except for countries whose street line carries the number (US, GB, CA, AU, IE, JP): there it may be absent, null or empty',
    }),
  additional: optionalText(255),
  // Blank is allowed here; whether the country needs a postcode is a country rule.
  zipCode: z
    .string()
    .trim()
    .refine((v) => codePoints(v) <= 15, rule('tooLong', { max: 15 }))
    .refine((v) => !hasControlCharacters(v), rule('controlCharacters'))
    .meta({ maxLength: 15, description: 'Checked against the country’s postcode format; may be empty where the country uses none' }),
  city: requiredText(255)
    .refine((v) => codePoints(v) >= 3, rule('tooShort', { min: 3 }))
    .meta({ minLength: 3, maxLength: 255 }),
  countryCode: z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.toUpperCase())
    .refine(isCountryCode, rule('country'))
    .meta({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code' }),
  state: optionalText(100),
  company: optionalText(255),
  phone: optionalText(30).meta({ description: 'A valid number of the address country, or any number with its + country code; kept as written' }),
  isDefaultShipping: optionalFlag,
  isDefaultBilling: optionalFlag,
};

type Fields = { countryCode: string; zipCode: string; phone: string | null; houseNumber?: string | null };

/** A house number that is not there: absent (`missing`), or null or blank (`blank`); null when it is there or of another type. */
function absentHouseNumber(value: unknown): 'missing' | 'blank' | null {
  if (value === undefined) return 'missing';
  if (value === null || (typeof value === 'string' && value.trim() === '')) return 'blank';
  return null;
}

/**
 * The country rules. They run even when other fields failed (zod's `when`), so every bad field
 * is reported at once, and skip values that are not strings yet. The phone number is validated
 * against the country but kept as the shopper wrote it. With `houseNumber`, a house number is
 * required unless the country writes it in the street line (an unknown country needs one).
 */
function withCountryRules<T extends z.ZodType<Fields>>(schema: T, options: { houseNumber?: boolean } = {}) {
  return schema.check(
    z.superRefine(
      (address: unknown, ctx) => {
        if (typeof address !== 'object' || address === null) return;
        const { countryCode, zipCode, phone, houseNumber } = address as Partial<Record<keyof Fields, unknown>>;
        const known = typeof countryCode === 'string' && isCountryCode(countryCode);
        if (options.houseNumber && !(known && houseNumberInStreet(countryCode))) {
          const absent = absentHouseNumber(houseNumber);
          if (absent) ctx.addIssue({ code: 'custom', path: ['houseNumber'], input: houseNumber, ...rule(absent) });
        }
        if (!known) return;
        const zipError = typeof zipCode === 'string' ? postcodeError(countryCode, zipCode) : null;
        if (zipError) ctx.addIssue({ code: 'custom', path: ['zipCode'], input: zipCode, params: { ...zipError.params, code: zipError.code } });
        if (typeof phone === 'string' && normalizePhone(phone, countryCode) === null) {
          ctx.addIssue({ code: 'custom', path: ['phone'], input: phone, ...rule('phone') });
        }
      },
      { when: () => true },
    ),
  );
}

export const addressObject = z.object(addressFields);

/** A new address (POST, the address form). */
export const addressSchema = withCountryRules(addressObject, { houseNumber: true });
export type AddressInput = z.input<typeof addressSchema>;
export type AddressValues = z.output<typeof addressSchema>;

/**
 * A PATCH: field rules only (the merged address is then validated whole with
 * `addressMergedSchema`), and a house number it clears (null, blank) only together with a country
 * that writes the number in the street line.
 */
export const addressPatchSchema = addressObject.partial().check(
  z.superRefine(
    (patch: unknown, ctx) => {
      if (typeof patch !== 'object' || patch === null || !('houseNumber' in patch)) return;
      const { countryCode, houseNumber } = patch as Partial<Record<keyof Fields, unknown>>;
      const inStreet = typeof countryCode === 'string' && isCountryCode(countryCode) && houseNumberInStreet(countryCode);
      if (!inStreet && absentHouseNumber(houseNumber) === 'blank') ctx.addIssue({ code: 'custom', path: ['houseNumber'], input: houseNumber, ...rule('blank') });
    },
    { when: () => true },
  ),
);

/**
 * A shopper's PATCH merged onto the stored address: the patch itself passed `addressPatchSchema`;
 * what it left untouched may lack a salutation or house number when the back office wrote the
 * address, which must not stop the shopper from editing it (or making it a default).
 */
export const addressMergedSchema = withCountryRules(
  addressObject.extend({ salutation: addressFields.salutation.nullable(), houseNumber: optionalText(255) }),
);

/** The recipient's gender on an address (the admin API's `recipient.gender`). */
export const ADDRESS_GENDERS = ['m', 'f', 'd'] as const;

/** A customer's or an address's external reference (set by back-office systems). */
export const referenceKeySchema = requiredText(255);

const collectionPointSchema = z
  .object({ customerKey: optionalText(255), description: optionalText(255), key: optionalText(255), type: optionalText(100) })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/**
 * The address as the back office writes it: the same field rules, plus the columns only it sets
 * (reference key, recipient gender and title, collection point). Salutation, names and house
 * number may be left out: the service derives the salutation from gender and title and takes the
 * names from the customer.
 */
const backOfficeFields = {
  ...addressFields,
  salutation: addressFields.salutation.nullable().optional(),
  firstName: addressFields.firstName.optional(),
  lastName: addressFields.lastName.optional(),
  houseNumber: optionalText(255),
  referenceKey: referenceKeySchema.nullable().optional(),
  gender: choice(ADDRESS_GENDERS).nullable().optional(),
  title: optionalText(50),
  collectionPoint: collectionPointSchema,
};
export const backOfficeAddressObject = z.object(backOfficeFields);
export const backOfficeAddressSchema = withCountryRules(backOfficeAddressObject);
export const backOfficeAddressPatchSchema = backOfficeAddressObject.partial();
export type BackOfficeAddressValues = z.output<typeof backOfficeAddressSchema>;
