import { signInSchema } from '@/app/_domain/auth/schema';
import { accountDeletionSchema, emailChangeSchema, profileFormSchema, registrationFormSchema, resendConfirmationSchema } from '@/app/_domain/customers/schema';
import { subscriptionSchema } from '@/app/_domain/notifications/schema';
import { forgottenPasswordSchema, passwordChangeFormSchema, passwordResetFormSchema } from '@/app/_domain/passwords/schema';
import { profileInput } from './profile-input';
import { validatorFor } from './validator';

/**
 * The browser's checks of the shop and account forms (the address form has its own, it needs the
 * shop's countries). Loaded with `import()` once a form is interactive, never on the first load:
 * zod and the schemas are most of a form page's weight.
 */
export const validators = {
  registration: validatorFor(registrationFormSchema),
  signIn: validatorFor(signInSchema),
  profile: validatorFor(profileFormSchema, profileInput),
  emailChange: validatorFor(emailChangeSchema),
  passwordChange: validatorFor(passwordChangeFormSchema),
  accountDeletion: validatorFor(accountDeletionSchema),
  forgottenPassword: validatorFor(forgottenPasswordSchema),
  passwordReset: validatorFor(passwordResetFormSchema),
  resendConfirmation: validatorFor(resendConfirmationSchema),
  subscription: validatorFor(subscriptionSchema),
};

export type FormName = keyof typeof validators;
