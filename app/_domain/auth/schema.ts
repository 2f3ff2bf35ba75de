import { z } from 'zod';
import { codePoints, currentPasswordSchema, hasControlCharacters, requiredText, rule } from '../shared/validation';

/**
 * Sign-in: the browser form, the Auth.js credentials callback and POST /access-tokens share it.
 * The field is `username` (Glue's name, and the autocomplete token browsers expect); it holds the
 * email. Any non-empty password up to 1,024 characters is accepted here: imported accounts may
 * follow other password rules.
 */
export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .refine((v) => codePoints(v) <= 1024, rule('tooLong', { max: 1024 }))
    .refine((v) => !hasControlCharacters(v), rule('controlCharacters'))
    .meta({ maxLength: 1024 }),
  password: currentPasswordSchema,
});
export type SignInInput = z.input<typeof signInSchema>;

export const refreshTokenSchema = z.object({ refreshToken: requiredText(1024) });
