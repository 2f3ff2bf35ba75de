import { z } from 'zod';
import {
  choice,
  confirmPasswordSchema,
  currentPasswordSchema,
  emailSchema,
  newPasswordSchema,
  pastDateSchema,
  personName,
  requiredText,
  rule,
} from '../shared/validation';
import { GENDERS, SALUTATIONS, type Gender } from './choices';

/**
 * Customer input schemas, each shared by a browser form, its server action and the JSON:API
 * endpoint doing the same thing.
 */

export { GENDERS, SALUTATIONS, type Gender, type Salutation } from './choices';

/**
 * Gender is type-checked here but its value is checked by the domain: Glue answers an unknown
 * gender with its own code (414) after the field validation, not with a 901.
 */
const genderSchema = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))
  .meta({ description: `One of ${GENDERS.join(', ')} (another value is refused with its own error), or null` });

const profileFields = {
  salutation: choice(SALUTATIONS),
  firstName: personName(100),
  lastName: personName(100),
  gender: genderSchema,
  dateOfBirth: pastDateSchema,
};

/** `POST /customers` and the registration form. */
export const registrationSchema = z.object({
  ...profileFields,
  email: emailSchema,
  password: newPasswordSchema,
  confirmPassword: confirmPasswordSchema,
  // null passes here on purpose: Glue answers it with 413 after the field validation.
  acceptedTerms: z
    .boolean()
    .nullable()
    .refine((v) => v !== false, rule('isTrue')),
});

export type RegistrationInput = z.input<typeof registrationSchema>;

/**
 * The registration form has one password field (with a show/hide toggle) and no confirmation: its
 * server action passes the password as `confirmPassword` too, so `registerCustomer` runs unchanged
 * (API clients still send both and get Glue's 406 when they differ).
 */
export const registrationFormSchema = registrationSchema.omit({ confirmPassword: true });
export type RegistrationFormInput = z.input<typeof registrationFormSchema>;

/**
 * `PATCH /customers/{ref}`: any of these; an absent field stays as it is, null clears an optional
 * one. `password` is the current password, required (only) with a new email; it is never written.
 * Everything else is dropped.
 */
export const customerUpdateSchema = z.object({ ...profileFields, email: emailSchema, password: currentPasswordSchema }).partial();
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;

/** The profile form: the same schema without the email (changed on its own page, with the password). */
export const profileFormSchema = customerUpdateSchema.omit({ email: true, password: true });
export type ProfileFormInput = z.input<typeof profileFormSchema>;

/** Email change in the browser: the new address and the current password. */
export const emailChangeSchema = z.object({ email: emailSchema, password: currentPasswordSchema });
export type EmailChangeInput = z.input<typeof emailChangeSchema>;

/** The key of an email-change link. */
export const emailChangeConfirmationSchema = z.object({ key: requiredText(200) });

/** The key of a registration confirmation link (Glue's `registrationKey`). */

/** Account deletion in the browser: the current password and an explicit confirmation. */
export const accountDeletionSchema = z.object({
  password: currentPasswordSchema,
  confirm: z.custom<true>((v) => v === true, rule('mustConfirm')),
});
export type AccountDeletionInput = z.input<typeof accountDeletionSchema>;

export const confirmationSchema = z.object({ key: requiredText(200) });

export const resendConfirmationSchema = z.object({ email: emailSchema });
export type ResendConfirmationInput = z.input<typeof resendConfirmationSchema>;

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}
