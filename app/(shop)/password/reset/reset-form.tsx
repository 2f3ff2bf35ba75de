'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { passwordResetFormSchema, type PasswordResetInput } from '@/app/_domain/passwords/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ restorePasswordKey }: { restorePasswordKey: string }) {
  const [done, setDone] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PasswordResetInput>({
    resolver: zodResolver(passwordResetFormSchema),
    defaultValues: { restorePasswordKey, password: '', confirmPassword: '' },
  });

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const result = await resetPasswordAction(values);
    if (result.ok) return setDone(true);
    setNotice(showActionErrors(result, setError, setFocus));
  });

  if (done) {
    return (
      <div className="success-panel">
        <h2 ref={doneRef} tabIndex={-1}>
          Password changed — sign in
        </h2>
        <p>Your new password is set and every device was signed out.</p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">
        {notice ? (
          <Alert tone="error">
            {notice} <Link href="/password/forgot">Request a new link</Link>.
          </Alert>
        ) : null}
      </div>
      <input type="hidden" {...register('restorePasswordKey')} />
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 64 characters."
        error={formMessage(errors.password?.message)}
        {...register('password')}
      />
      <TextField
        id="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={formMessage(errors.confirmPassword?.message)}
        {...register('confirmPassword')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
