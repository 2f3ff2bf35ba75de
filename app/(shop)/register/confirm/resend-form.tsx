'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { resendConfirmationSchema, type ResendConfirmationInput } from '@/app/_domain/customers/schema';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { resendConfirmationAction } from './actions';

export function ResendConfirmationForm() {
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ResendConfirmationInput>({ resolver: zodResolver(resendConfirmationSchema), defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await resendConfirmationAction(values);
    if (result.ok) {
      setOutcome({ tone: 'success', text: 'If an unconfirmed account exists for this address, we sent a new link.' });
      return;
    }
    if (result.message) setOutcome({ tone: 'error', text: result.message });
    if (result.fieldErrors.email) {
      setError('email', { type: 'server', message: result.fieldErrors.email });
      setFocus('email');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}</div>
      <TextField
        id="resend-email"
        label="Email"
        type="email"
        autoComplete="email"
        error={formMessage(errors.email?.message)}
        {...register('email')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
        Send a new link
      </SubmitButton>
    </form>
  );
}
