'use client';

import Link from 'next/link';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/password-field';
import { resetPasswordAction } from './actions';

const FIELDS = ['password', 'confirmPassword'] as const;
const validator = loadValidator('passwordReset');

type Props = {
  restorePasswordKey: string;
  /** Whether the link's key could be used when the page was rendered. */
  keyValid: boolean;
};

/**
 * The reset page's content: the new-password form for a live key (on success the action goes on
 * to the sign-in page, which starts with the account's email). A failed post keeps the form even
 * when the key has been used meanwhile, so its message shows.
 */
export function ResetPasswordForm({ restorePasswordKey, keyValid }: Props) {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: resetPasswordAction,
    initialValues: {},
    fields: FIELDS,
    validator,
  });

  if (!keyValid && !state.result) {
    return (
      <>
        <h1>This reset link can no longer be used</h1>
        <p>
          The link is invalid, has expired (reset links are valid for 1 hour) or has already been used.{' '}
          <Link href="/password/forgot">Request a new link</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <form {...formProps}>
        <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
        {outcome ? (
          <p>
            <Link href="/password/forgot">Request a new link</Link>
          </p>
        ) : null}
        <input type="hidden" name="key" value={restorePasswordKey} />
        <PasswordField label="New password" autoComplete="new-password" hint="8 to 64 characters. Avoid common passwords." {...field('password')} />
        <PasswordField label="Confirm new password" autoComplete="new-password" {...field('confirmPassword')} />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Set new password
        </SubmitButton>
      </form>
    </>
  );
}
