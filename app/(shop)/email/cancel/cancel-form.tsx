'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { cancelEmailChangeAction } from './actions';

/** "This was not me": one button, then the outcome. */
export function CancelEmailChangeForm({ cancelKey }: { cancelKey: string }) {
  const [state, setState] = useState<'idle' | 'pending' | 'done' | 'invalid'>('idle');
  if (state === 'done') {
    return (
      <Alert tone="success">
        The change is cancelled, your email address is this one again and every device was signed out. Please{' '}
        <a href="/password/forgot">choose a new password</a> now.
      </Alert>
    );
  }
  return (
    <form
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        setState('pending');
        const result = await cancelEmailChangeAction(cancelKey);
        setState(result.ok ? 'done' : 'invalid');
      }}
    >
      <div aria-live="polite">{state === 'invalid' ? <Alert tone="error">This link is invalid, has expired or has already been used.</Alert> : null}</div>
      <SubmitButton pending={state === 'pending'} pendingLabel="Cancelling…">
        Cancel the change and sign out everywhere
      </SubmitButton>
    </form>
  );
}
