'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { unsubscribeAction, type UnsubscribeState } from './actions';

type Subscription = { productName: string; productUrl: string; email: string };

type Props = {
  /** The key from the link. */
  subscriptionKey: string;
  /** What the key names, or null when it names nothing (any more). */
  subscription: Subscription | null;
};

/**
 * The whole unsubscribe page below its card: which product and address, one button (a server
 * action through useActionState, so it posts and answers without JavaScript too), then the outcome.
 * The page renders this component for a live and a spent key alike, so the answer to a submit
 * without JavaScript (after which the key names nothing) is shown in place of "link spent".
 */
export function UnsubscribePanel({ subscriptionKey, subscription }: Props) {
  const [state, formAction, isPending] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, { status: 'idle' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.status !== 'idle') headingRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (isPending) event.preventDefault();
  }

  const live = state.status === 'idle' ? subscription : null;
  const heading = state.status === 'done' ? "You're unsubscribed" : live ? 'Unsubscribe from a back-in-stock email' : 'This link can no longer be used';

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <div aria-live="polite">
        {state.status === 'done' ? (
          <Alert tone="success">
            We won&apos;t email <strong>{state.email}</strong> when &quot;{state.productName}&quot; is back.
          </Alert>
        ) : null}
      </div>
      {state.status === 'done' ? null : live ? (
        <>
          <p>You asked us to send one email when this product can be bought again:</p>
          <dl className="details">
            <dt>Product</dt>
            <dd>
              <a href={live.productUrl}>{live.productName}</a>
            </dd>
            <dt>Email</dt>
            <dd>{live.email}</dd>
          </dl>
          <form action={formAction} onSubmit={onSubmit} className="form-footer">
            <input type="hidden" name="key" value={subscriptionKey} />
            <button type="submit" className="button" aria-disabled={isPending || undefined}>
              {isPending ? 'Unsubscribing…' : 'Unsubscribe'}
            </button>
          </form>
        </>
      ) : (
        <p>
          The link is invalid, you have already unsubscribed, or the product is back and its one email was sent.{' '}
          <Link href="/account/notifications">Signed-in shoppers see their notifications in their account</Link>.
        </p>
      )}
    </>
  );
}
