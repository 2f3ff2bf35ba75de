'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { passwordChangeFormSchema, type PasswordChangeInput } from '@/app/_domain/passwords/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { changePasswordAction } from './actions';

export function PasswordChangeForm() {
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PasswordChangeInput>({
    resolver: zodResolver(passwordChangeFormSchema),
    defaultValues: { password: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      reset();
      return setOutcome({ tone: 'success', text: 'Your password was changed. Every other device was signed out.' });
    }
    const message = showActionErrors(result, setError, setFocus);
    if (message) setOutcome({ tone: 'error', text: message });
  });

  const error = (name: keyof PasswordChangeInput) => formMessage(errors[name]?.message);
  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}</div>
      <TextField id="password" label="Current password" type="password" autoComplete="current-password" error={error('password')} {...register('password')} />
      <TextField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 64 characters."
        error={error('newPassword')}
        {...register('newPassword')}
      />
      <TextField
        id="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={error('confirmPassword')}
        {...register('confirmPassword')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
