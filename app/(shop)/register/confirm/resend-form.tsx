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

type Props = {
  /** The address to send to, as one button; without it the form asks for the address. */
  email?: string;
  /** False hides the button form until it has an answer to show (it stays mounted, so a post without JavaScript finds it). */
  offered?: boolean;
};

/**
 * "Send a new confirmation link": with an email field (confirmation page), or for a known address
 * as one button (after signing in to an unconfirmed account).
 */
export function ResendConfirmationForm({ email, offered = true }: Props) {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: resendConfirmationAction,
    initialValues: { email: email ?? '' },
    fields: FIELDS,
    validator,
    success: email === undefined ? sent : resent,
  });
  if (!offered && !state.result) return null;
  // Posted without JavaScript, the page comes back with this form's answer (and the address it was sent to).
  const to = email ?? '';
  const address = typeof state.values.email === 'string' && to === '' ? state.values.email : to;
  return (
    <form {...formProps} className="inline-action">
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      {email === undefined ? (
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} id="resend-email" />
      ) : (
        <input type="hidden" name="email" value={address} />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…" className={email === undefined ? 'button' : 'button button-secondary'}>
        {email === undefined ? 'Send a new link' : 'Send the confirmation email again'}
      </SubmitButton>
    </form>
  );
}
