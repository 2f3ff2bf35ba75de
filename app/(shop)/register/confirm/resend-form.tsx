'use client';

import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { resendConfirmationAction } from './actions';

const FIELDS = ['email'] as const;
const validator = loadValidator('resendConfirmation');
const sent = () => 'If an unconfirmed account exists for this address, we sent a new link.';
/** After the right password the account is known to be unconfirmed: no need to hedge. */
const resent = () => 'We sent you a new confirmation email.';

/**
 * "Send a new confirmation link": with an email field (confirmation page), or for a known address
 * as one button (after signing in to an unconfirmed account).
 */
export function ResendConfirmationForm({ email }: { email?: string }) {
  const { pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: resendConfirmationAction,
    initialValues: { email: email ?? '' },
    fields: FIELDS,
    validator,
    success: email === undefined ? sent : resent,
  });
  return (
    <form {...formProps} className="inline-action">
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      {email === undefined ? (
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} id="resend-email" />
      ) : (
        <input type="hidden" name="email" value={email} />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…" className={email === undefined ? 'button' : 'button button-secondary'}>
        {email === undefined ? 'Send a new link' : 'Send the confirmation email again'}
      </SubmitButton>
    </form>
  );
}
