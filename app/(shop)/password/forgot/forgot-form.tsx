'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { forgottenPasswordSchema, type ForgottenPasswordInput } from '@/app/_domain/passwords/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm() {
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ForgottenPasswordInput>({ resolver: zodResolver(forgottenPasswordSchema), defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await requestPasswordResetAction(values);
    if (result.ok) {
      return setOutcome({
        tone: 'success',
        text: 'If an account exists for this address, we sent a link to reset the password. It is valid for 1 hour.',
      });
    }
    const message = showActionErrors(result, setError, setFocus);
    if (message) setOutcome({ tone: 'error', text: message });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}</div>
      <TextField id="email" label="Email" type="email" autoComplete="email" error={formMessage(errors.email?.message)} {...register('email')} />
      <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
