'use client';

import Link from 'next/link';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { subscribeAction } from './actions';

type Props = { sku: string; defaultEmail: string; signedIn: boolean };

const FIELDS = ['email'] as const;
const validator = loadValidator('subscription');

/**
 * "Email me when it's back": a progressive form (it posts and shows the answer before the page's
 * JavaScript runs, or without it); errors of fields the shopper cannot change (a forged SKU) are
 * said for the whole form.
 */
export function NotifyForm({ sku, defaultEmail, signedIn }: Props) {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: subscribeAction,
    initialValues: { email: defaultEmail },
    fields: FIELDS,
    validator,
  });
  const subscribedAs = state.result?.ok ? state.result.data.email : null;
  return (
    <div>
      <h2 id="notify-heading" ref={subscribedAs ? outcomeRef : undefined} tabIndex={-1}>
        Get an email when it&apos;s back
      </h2>
      {subscribedAs ? (
        <>
          <div aria-live="polite">
            <Alert tone="success">
              We&apos;ll email you at <strong>{subscribedAs}</strong> when it&apos;s back.
            </Alert>
          </div>
          {signedIn ? (
            <p>
              <Link href="/account/notifications">Your back-in-stock notifications</Link>
            </p>
          ) : (
            <p>We sent you a confirmation with a link to unsubscribe.</p>
          )}
        </>
      ) : (
        <form {...formProps}>
          <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
          <input type="hidden" name="sku" value={sku} />
          <TextField
            type="email"
            label="Email"
            autoComplete="email"
            hint="One email when the product can be bought again; then the subscription ends."
            {...field('email')}
            id="notify-email"
          />
          <SubmitButton pending={pending} pendingLabel="Subscribing…">
            Notify me
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
