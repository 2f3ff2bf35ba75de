import { z } from 'zod';
import { confirmPasswordSchema, currentPasswordSchema, newPasswordSchema } from '../shared/validation';

/** `PATCH /customer-password` and the password form. */
export const passwordChangeSchema = z.object({
  password: currentPasswordSchema,
  newPassword: newPasswordSchema,
  confirmPassword: confirmPasswordSchema,
});
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;

/** The browser form also shows a mismatch at once, next to the confirmation field. */
export const passwordChangeFormSchema = passwordChangeSchema.refine((v) => v.newPassword === v.confirmPassword, {
  path: ['confirmPassword'],
  message: 'The passwords do not match.',
});
