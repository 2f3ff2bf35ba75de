'use client';

import { useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { cancelEmailChangeAction } from './actions';

const FIELDS = ['key'] as const;

/** "This was not me": one button (it works without JavaScript too), then the outcome. */
export function CancelEmailChangeForm({ cancelKey }: { cancelKey: string }) {
  const { state, pending, outcomeRef, formProps } = useProgressiveForm({ action: cancelEmailChangeAction, initialValues: {}, fields: FIELDS });
  if (state.result?.ok) {
    return (
      <div ref={outcomeRef} tabIndex={-1}>
        <Alert tone="success">
          The change is cancelled, your email address is this one again and every device was signed out. Please{' '}
          <a href="/password/forgot">choose a new password</a> now.
        </Alert>
      </div>
    );
  }
  return (
    <form {...formProps}>
      <div aria-live="polite">
        {state.result ? (
          <div ref={outcomeRef} tabIndex={-1}>
            <Alert tone="error">This link is invalid, has expired or has already been used.</Alert>
          </div>
        ) : null}
      </div>
      <input type="hidden" name="key" value={cancelKey} />
      <SubmitButton pending={pending} pendingLabel="Cancelling…">
        Cancel the change and sign out everywhere
      </SubmitButton>
    </form>
  );
}
