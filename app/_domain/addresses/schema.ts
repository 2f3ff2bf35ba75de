import { z } from 'zod';
import { SALUTATIONS } from '../customers/schema';
import { choice, codePoints, messages, requiredText, typeError } from '../shared/validation';
import { isCountryCode, normalizePhone, postcodeError } from './countries';

/**
 * Address input, shared by the address form, its server actions and the JSON:API (and, mapped, the
 * admin API). Field rules first; then the country rules, which also run for a PATCH on the merged
 * address (a new zipCode is checked against the stored country).
 */

function optionalText(max: number) {
  return z
    .union([z.string(), z.null()], { error: messages.string })
    .optional()
    .transform((v) => (v == null ? null : v.trim() || null))
    .refine((v) => v === null || codePoints(v) <= max, messages.tooLong(max));
}

const optionalFlag = z.boolean({ error: messages.bool }).optional();

const addressFields = {
  salutation: choice(SALUTATIONS),
  firstName: requiredText(100),
  lastName: requiredText(100),
  address1: requiredText(255),
  address2: requiredText(255),
  address3: optionalText(255),
  // Blank is allowed here; whether the country needs a postcode is a country rule.
  zipCode: z
    .string({ error: typeError(messages.string) })
    .trim()
    .refine((v) => codePoints(v) <= 15, messages.tooLong(15)),
  city: requiredText(255).refine((v) => codePoints(v) >= 3, messages.tooShort(3)),
  iso2Code: z
    .string({ error: typeError(messages.string) })
    .trim()
    .min(1, messages.blank)
    .transform((v) => v.toUpperCase())
    .refine(isCountryCode, 'This value is not a valid country.'),
  company: optionalText(255),
  phone: optionalText(30),
  isDefaultShipping: optionalFlag,
  isDefaultBilling: optionalFlag,
};

type Fields = { iso2Code: string; zipCode: string; phone: string | null };

/**
 * The country rules; also turns `phone` into E.164. They run even when other fields failed (zod's
 * `when`), so every bad field is reported at once, and skip values that are not strings yet.
 */
function withCountryRules<T extends z.ZodType<Fields>>(schema: T) {
  return schema
    .check(
      z.superRefine(
        (address: unknown, ctx) => {
          if (typeof address !== 'object' || address === null) return;
          const { iso2Code, zipCode, phone } = address as Partial<Record<keyof Fields, unknown>>;
          if (typeof iso2Code !== 'string' || !isCountryCode(iso2Code)) return;
          const zipError = typeof zipCode === 'string' ? postcodeError(iso2Code, zipCode) : null;
          if (zipError) ctx.addIssue({ code: 'custom', path: ['zipCode'], message: zipError, input: zipCode });
          if (typeof phone === 'string' && normalizePhone(phone, iso2Code) === null) {
            ctx.addIssue({ code: 'custom', path: ['phone'], message: 'This value is not a valid phone number.', input: phone });
          }
        },
        { when: () => true },
      ),
    )
    .transform((address) => ({
      ...address,
      phone: address.phone === null ? null : normalizePhone(address.phone, address.iso2Code),
    }));
}

const addressObject = z.object({ ...addressFields, state: optionalText(100) });

/**
 * POST …/addresses, the address form, and a PATCH after merging it with the stored address. The
 * optional `state` is for the browser form and the admin API; storefront handlers drop it, as the
 * Glue resource has none.
 */
export const addressSchema = withCountryRules(addressObject);
export type AddressInput = z.input<typeof addressSchema>;
export type AddressValues = z.output<typeof addressSchema>;

/** A PATCH: field rules only; the merged address is then validated whole with `addressSchema`. */
export const addressPatchSchema = addressObject.partial();
