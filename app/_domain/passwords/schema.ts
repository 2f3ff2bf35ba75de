import { z } from 'zod';
import { confirmPasswordSchema, currentPasswordSchema, emailSchema, newPasswordSchema, requiredText, rule } from '../shared/validation';

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
  ...rule('mismatch', { other: 'newPassword' }),
});

/** `POST /customer-forgotten-password` and the "forgot your password" form. */
export const forgottenPasswordSchema = z.object({ email: emailSchema });
export type ForgottenPasswordInput = z.input<typeof forgottenPasswordSchema>;

/** `PATCH /customer-restore-password` (Glue's `restorePasswordKey`) and the reset form (the key from the link). */
export const passwordResetSchema = z.object({
  key: requiredText(200),
  password: newPasswordSchema,
  confirmPassword: confirmPasswordSchema,
});
export type PasswordResetInput = z.input<typeof passwordResetSchema>;

export const passwordResetFormSchema = passwordResetSchema.refine((v) => v.password === v.confirmPassword, {
  path: ['confirmPassword'],
  ...rule('mismatch', { other: 'password' }),
});
