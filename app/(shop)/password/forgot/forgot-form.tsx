'use client';

import Link from 'next/link';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { requestPasswordResetAction } from './actions';

const FIELDS = ['email'] as const;
const validator = loadValidator('forgottenPassword');

/** The page's content: the request form, then (in its place, heading included) "Check your inbox". */
export function ForgotPasswordForm() {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: requestPasswordResetAction,
    initialValues: { email: '' },
    fields: FIELDS,
    validator,
  });
  if (state.result?.ok) {
    return (
      <div className="success-panel">
        <h1 ref={outcomeRef} tabIndex={-1}>
          Check your inbox
        </h1>
        <p>
          If an account exists for <strong>{String(state.values.email ?? '')}</strong>, we sent it a link to choose a new password.
          The link is valid for 1 hour.
        </p>
        <p>
          <Link href="/login">Back to sign-in</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="lead">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <form {...formProps}>
        <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send reset link
        </SubmitButton>
      </form>
      <p>
        <Link href="/login">Back to sign-in</Link>
      </p>
    </>
  );
}
