import { z } from 'zod';
import { choice, emailSchema, messages, newPasswordSchema, pastDateSchema, requiredText, typeError } from '../shared/validation';

/** Shared by the registration form, its server action and `POST /customers`. */

export const SALUTATIONS = ['Mr', 'Mrs', 'Ms', 'Dr'] as const;
export const GENDERS = ['Male', 'Female', 'Diverse'] as const;
export type Salutation = (typeof SALUTATIONS)[number];
export type Gender = (typeof GENDERS)[number];

/**
 * Gender is type-checked here but its value is checked by the domain: Glue answers an unknown
 * gender with its own code (414) after the field validation, not with a 901.
 */
const genderSchema = z
  .union([z.string(), z.null()], { error: messages.string })
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const registrationSchema = z.object({
  salutation: choice(SALUTATIONS),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: emailSchema,
  password: newPasswordSchema,
  confirmPassword: z.string({ error: typeError(messages.string) }).min(1, messages.blank).transform((v) => v.normalize('NFC')),
  // null passes here on purpose: Glue answers it with 413 after the field validation.
  acceptedTerms: z
    .boolean({ error: (issue) => (issue.input === undefined ? messages.missing : messages.bool) })
    .nullable()
    .refine((v) => v !== false, messages.isTrue),
  gender: genderSchema,
  dateOfBirth: pastDateSchema,
});

export type RegistrationInput = z.input<typeof registrationSchema>;

/** The browser form also shows a password mismatch at once, next to the confirmation field. */
export const registrationFormSchema = registrationSchema.refine((v) => v.password === v.confirmPassword, {
  path: ['confirmPassword'],
  message: 'The passwords do not match.',
});

export const confirmationSchema = z.object({ registrationKey: requiredText(200) });

export const resendConfirmationSchema = z.object({ email: emailSchema });
export type ResendConfirmationInput = z.input<typeof resendConfirmationSchema>;

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}
