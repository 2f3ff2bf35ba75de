'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInSchema, type SignInInput } from '@/app/_domain/auth/schema';
import { formErrorMap } from '@/app/_transport/forms/messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { resendConfirmationAction } from '../register/confirm/actions';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, setState] = useState<SignInState>(null);
  const [resent, setResent] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const {
    register,
    handleSubmit,
    getValues,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema, { error: formErrorMap }), defaultValues: { username: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setResent(null);
    const result = await signInAction(values, returnTo);
    setState(result);
    if (result) setFocus('password');
  });

  const resend = async () => {
    setResending(true);
    const result = await resendConfirmationAction({ email: getValues('username') });
    setResending(false);
    setResent(result.ok ? 'We sent you a new confirmation email.' : (result.message ?? 'The email could not be sent.'));
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <div aria-live="assertive">
        {state ? (
          <Alert tone="error" id="sign-in-message">
            {state.message}
          </Alert>
        ) : null}
      </div>
      {state?.unconfirmed ? (
        <div className="inline-action">
          <button type="button" className="button button-secondary" onClick={resend} disabled={resending}>
            {resending ? 'Sending…' : 'Send the confirmation email again'}
          </button>
          <div aria-live="polite">{resent ? <p>{resent}</p> : null}</div>
        </div>
      ) : null}
      <TextField
        id="username"
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.username?.message}
        aria-describedby={state ? 'sign-in-message' : undefined}
        {...register('username')}
      />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="form-footer">
        <Link href="/password/forgot">Forgot your password?</Link>
      </p>
    </form>
  );
}
