'use client';

import { accountDeletionSchema, type AccountDeletionInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm() {
  const { form, outcome, onSubmit, fieldError } = useActionForm<AccountDeletionInput>({
    schema: accountDeletionSchema,
    defaultValues: { password: '', confirm: false as unknown as true },
    // On success the action signs out and redirects to /goodbye.
    action: deleteAccountAction,
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
      <CheckboxField
        id="confirm"
        label="I understand that my account and personal data will be deleted for good."
        error={fieldError('confirm')}
        {...form.register('confirm')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Deleting…" className="button button-danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
