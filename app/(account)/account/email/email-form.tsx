'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { emailChangeSchema, type EmailChangeInput } from '@/app/_domain/customers/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { requestEmailChangeAction } from './actions';

export function EmailChangeForm() {
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EmailChangeInput>({ resolver: zodResolver(emailChangeSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await requestEmailChangeAction(values);
    if (result.ok) {
      reset();
      return setOutcome({
        tone: 'success',
        text: `We sent a confirmation link to ${values.email}. Your email changes when you open it (within 24 hours).`,
      });
    }
    const message = showActionErrors(result, setError, setFocus);
    if (message) setOutcome({ tone: 'error', text: message });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}</div>
      <TextField id="email" label="New email" type="email" autoComplete="email" error={formMessage(errors.email?.message)} {...register('email')} />
      <TextField
        id="password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={formMessage(errors.password?.message)}
        {...register('password')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
        Change email
      </SubmitButton>
    </form>
  );
}
