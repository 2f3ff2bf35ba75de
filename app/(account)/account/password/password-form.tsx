'use client';

import { passwordChangeFormSchema, type PasswordChangeInput } from '@/app/_domain/passwords/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/password-field';
import { changePasswordAction } from './actions';

export function PasswordChangeForm() {
  const { form, outcome, onSubmit, fieldError } = useActionForm<PasswordChangeInput>({
    schema: passwordChangeFormSchema,
    defaultValues: { password: '', newPassword: '', confirmPassword: '' },
    action: changePasswordAction,
    onSuccess: () => {
      form.reset();
      return { tone: 'success', text: 'Your password was changed. Every other device was signed out.' };
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <PasswordField
        id="password"
        label="Current password"
        autoComplete="current-password"
        error={fieldError('password')}
        {...form.register('password')}
      />
      <PasswordField
        id="newPassword"
        label="New password"
        autoComplete="new-password"
        hint="8 to 64 characters. Avoid common passwords."
        error={fieldError('newPassword')}
        {...form.register('newPassword')}
      />
      <PasswordField
        id="confirmPassword"
        label="Confirm new password"
        autoComplete="new-password"
        error={fieldError('confirmPassword')}
        {...form.register('confirmPassword')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
