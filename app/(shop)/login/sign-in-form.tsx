'use client';

import Link from 'next/link';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { ResendConfirmationForm } from '../register/confirm/resend-form';
import { signInAction } from './actions';

const FIELDS = ['username', 'password', 'returnTo'] as const;
const validator = loadValidator('signIn');

type Props = {
  returnTo: string;
  /** The email to start with (after a password reset: the account's). */
  username?: string;
};

/**
 * Sign-in. When the account is not confirmed yet, a second small form under it sends the
 * confirmation email again (to the address typed here).
 */
export function SignInForm({ returnTo, username = '' }: Props) {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: signInAction,
    initialValues: { username, returnTo },
    fields: FIELDS,
    validator,
  });
  const unconfirmed = state.result && !state.result.ok && state.result.code === 'unconfirmed';
  return (
    <>
      <form {...formProps}>
        <FormOutcomeMessage outcome={outcome} ref={outcomeRef} id="sign-in-message" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextField label="Email" type="email" autoComplete="username" {...field('username')} />
        <PasswordField label="Password" autoComplete="current-password" {...field('password')} />
        <SubmitButton pending={pending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
        <p className="form-footer">
          <Link href="/password/forgot">Forgot your password?</Link>
        </p>
      </form>
      {/* Always mounted (hidden until offered), so its answer finds it after a post without JavaScript. */}
      <ResendConfirmationForm email={unconfirmed ? String(state.values.username ?? '') : ''} offered={Boolean(unconfirmed)} />
    </>
  );
}
