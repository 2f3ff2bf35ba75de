'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { subscriptionSchema } from '@/app/_domain/notifications/schema';
import { formErrorMap } from '@/app/_transport/forms/messages';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { subscribeAction, type NotifyState } from './actions';

type Props = { sku: string; defaultEmail: string; signedIn: boolean };

/**
 * "Email me when it's back". A server action through useActionState, so the form posts and shows
 * the action's answer even before the page's JavaScript runs (or without it); once it runs, the
 * shared schema checks the address first and the button shows the pending state.
 */
export function NotifyForm({ sku, defaultEmail, signedIn }: Props) {
  const [state, formAction, isPending] = useActionState<NotifyState, FormData>(subscribeAction, { result: null, email: defaultEmail });
  const [clientError, setClientError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const subscribedAs = state.result?.ok ? state.result.data.email : null;
  const failure = state.result && !state.result.ok ? state.result : null;
  const emailError = clientError ?? failure?.fieldErrors.email;
  // Errors of fields the shopper cannot change (a forged SKU) are said for the whole form.
  const formError = failure ? (failure.message ?? Object.entries(failure.fieldErrors).find(([field]) => field !== 'email')?.[1] ?? null) : null;

  useEffect(() => {
    if (!state.result) return;
    if (state.result.ok) headingRef.current?.focus();
    else if (state.result.fieldErrors.email) emailRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (isPending) {
      event.preventDefault();
      return;
    }
    const email = new FormData(event.currentTarget).get('email');
    const checked = subscriptionSchema.safeParse({ email, sku }, { error: formErrorMap });
    const issue = checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === 'email');
    if (issue) {
      event.preventDefault();
      setClientError(issue.message);
      emailRef.current?.focus();
      return;
    }
    setClientError(null);
  }

  return (
    <div>
      <h2 id="notify-heading" ref={headingRef} tabIndex={-1}>
        Get an email when it&apos;s back
      </h2>
      <div aria-live="polite">
        {subscribedAs ? (
          <Alert tone="success">
            We&apos;ll email you at <strong>{subscribedAs}</strong> when it&apos;s back.
          </Alert>
        ) : null}
      </div>
      {subscribedAs ? (
        signedIn ? (
          <p>
            <Link href="/account/notifications">Your back-in-stock notifications</Link>
          </p>
        ) : (
          <p>We sent you a confirmation with a link to unsubscribe.</p>
        )
      ) : (
        <form action={formAction} onSubmit={onSubmit} noValidate>
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <input type="hidden" name="sku" value={sku} />
          <TextField
            ref={emailRef}
            id="notify-email"
            name="email"
            type="email"
            label="Email"
            autoComplete="email"
            hint="One email when the product can be bought again; then the subscription ends."
            defaultValue={state.email}
            error={emailError}
          />
          <button type="submit" className="button" aria-disabled={isPending || undefined}>
            {isPending ? 'Subscribing…' : 'Notify me'}
          </button>
        </form>
      )}
    </div>
  );
}
