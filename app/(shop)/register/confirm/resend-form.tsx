'use client';

import { resendConfirmationSchema, type ResendConfirmationInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { resendConfirmationAction } from './actions';

export function ResendConfirmationForm() {
  const { form, outcome, onSubmit, fieldError } = useActionForm<ResendConfirmationInput>({
    schema: resendConfirmationSchema,
    defaultValues: { email: '' },
    action: resendConfirmationAction,
    onSuccess: () => ({ tone: 'success', text: 'If an unconfirmed account exists for this address, we sent a new link.' }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <TextField id="resend-email" label="Email" type="email" autoComplete="email" error={fieldError('email')} {...form.register('email')} />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Sending…">
        Send a new link
      </SubmitButton>
    </form>
  );
}
