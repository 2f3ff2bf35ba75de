'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { accountDeletionSchema, type AccountDeletionInput } from '@/app/_domain/customers/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/field';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm() {
  const [notice, setNotice] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AccountDeletionInput>({
    resolver: zodResolver(accountDeletionSchema),
    defaultValues: { password: '', confirm: false as unknown as true },
  });

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const result = await deleteAccountAction(values);
    if (result) setNotice(showActionErrors(result, setError, setFocus));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{notice ? <Alert tone="error">{notice}</Alert> : null}</div>
      <TextField
        id="password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={formMessage(errors.password?.message)}
        {...register('password')}
      />
      <CheckboxField
        id="confirm"
        label="I understand that my account and personal data will be deleted for good."
        error={errors.confirm?.message}
        {...register('confirm')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Deleting…" className="button button-danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
