'use client';

import { forgottenPasswordSchema, type ForgottenPasswordInput } from '@/app/_domain/passwords/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm() {
  const { form, outcome, onSubmit, fieldError } = useActionForm<ForgottenPasswordInput>({
    schema: forgottenPasswordSchema,
    defaultValues: { email: '' },
    action: requestPasswordResetAction,
    onSuccess: () => ({
      tone: 'success',
      text: 'If an account exists for this address, we sent a link to reset the password. It is valid for 1 hour.',
    }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <TextField id="email" label="Email" type="email" autoComplete="email" error={fieldError('email')} {...form.register('email')} />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
