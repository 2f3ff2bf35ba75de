'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { passwordResetFormSchema, type PasswordResetInput } from '@/app/_domain/passwords/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/password-field';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ restorePasswordKey }: { restorePasswordKey: string }) {
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const { form, outcome, onSubmit, fieldError } = useActionForm<PasswordResetInput>({
    schema: passwordResetFormSchema,
    defaultValues: { key: restorePasswordKey, password: '', confirmPassword: '' },
    action: resetPasswordAction,
    onSuccess: () => setDone(true),
  });

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

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
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      {outcome ? (
        <p>
          <Link href="/password/forgot">Request a new link</Link>
        </p>
      ) : null}
      <input type="hidden" {...form.register('key')} />
      <PasswordField
        id="password"
        label="New password"
        autoComplete="new-password"
        hint="8 to 64 characters. Avoid common passwords."
        error={fieldError('password')}
        {...form.register('password')}
      />
      <PasswordField
        id="confirmPassword"
        label="Confirm new password"
        autoComplete="new-password"
        error={fieldError('confirmPassword')}
        {...form.register('confirmPassword')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
