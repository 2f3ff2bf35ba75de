import { z } from 'zod';
import { referenceKeySchema } from '../addresses/schema';
import { GENDERS } from '../customers/schema';
import { codePoints, emailSchema, newPasswordSchema, optionalText, pastDateSchema, personName, requiredText, rule } from '../shared/validation';

/**
 * What the back office writes about a customer, in the columns' names, built from the same field
 * rules as the shopper's forms (names, email, date of birth, password).
 */

/** The list's sort columns (the keyset query's, db/queries/admin-customers.ts). */
export { SORT_COLUMNS } from '@/db/queries/admin-customers';

export const HASHING_TYPES = ['internal', 'salesforce', 'external'] as const;
export type HashingType = (typeof HASHING_TYPES)[number];

const PHONE = /^\+?[0-9 ()./-]{3,30}$/;
const phoneSchema = optionalText(30)
  .refine((v) => v === null || (PHONE.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))), rule('phone'))
  .meta({ description: 'Digits with an optional leading + and spaces, dots, dashes, slashes or parentheses' });

const groupsSchema = z
  .array(requiredText(100))
  .refine((v) => v.length <= 50, rule('tooLong', { max: 50 }))
  .optional()
  .transform((v) => (v === undefined ? undefined : [...new Set(v)]))
  .meta({ maxItems: 50 });

export const importedHashSchema = z.object({
  hash: z
    .string()
    .refine((v) => codePoints(v) <= 1024, rule('tooLong', { max: 1024 }))
    .optional()
    .meta({ maxLength: 1024 }),
  hashingType: z.enum(HASHING_TYPES),
});

/** A customer created by the back office (already confirmed): at most one of `password` and `passwordHash`. */
export const customerCreateSchema = z
  .object({
    email: emailSchema,
    firstName: personName(100),
    lastName: personName(100),
    gender: z.enum(GENDERS).nullable().optional(),
    dateOfBirth: pastDateSchema,
    title: optionalText(50),
    phone: phoneSchema,
    referenceKey: referenceKeySchema.nullable().optional(),
    groups: groupsSchema,
    password: newPasswordSchema.optional(),
    passwordHash: importedHashSchema.optional(),
  })
  .refine((v) => v.password === undefined || v.passwordHash === undefined, { path: ['passwordHash'], ...rule('invalid') });

export const referenceKeyInputSchema = z.object({ referenceKey: referenceKeySchema });

/** setCustomerPassword: a plain password, hashed with argon2id whatever `hashingType` says. */
export const passwordSetSchema = z.object({ password: newPasswordSchema, hashingType: z.enum(HASHING_TYPES) });
