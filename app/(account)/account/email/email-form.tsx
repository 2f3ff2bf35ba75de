'use client';

import { emailChangeSchema, type EmailChangeInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { requestEmailChangeAction } from './actions';

export function EmailChangeForm() {
  const { form, outcome, onSubmit, fieldError } = useActionForm<EmailChangeInput>({
    schema: emailChangeSchema,
    defaultValues: { email: '', password: '' },
    action: requestEmailChangeAction,
    onSuccess: (_data, values) => {
      form.reset();
      return {
        tone: 'success',
        text: `We sent a confirmation link to ${values.email}. Your email changes when you open it (within 24 hours).`,
      };
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <TextField id="email" label="New email" type="email" autoComplete="email" error={fieldError('email')} {...form.register('email')} />
      <PasswordField
        id="password"
        label="Current password"
        autoComplete="current-password"
        error={fieldError('password')}
        {...form.register('password')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Sending…">
        Change email
      </SubmitButton>
    </form>
  );
}
