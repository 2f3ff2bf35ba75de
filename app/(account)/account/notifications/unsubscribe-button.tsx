'use client';

import { useFormStatus } from 'react-dom';

/**
 * A row's submit button: it works before the page's JavaScript runs (a native POST to the server
 * action) and, once it runs, shows the pending state without losing focus (aria-disabled).
 */
export function UnsubscribeButton({ productName }: { productName: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className="button button-secondary button-small"
      aria-label={`Unsubscribe from ${productName}`}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {pending ? 'Unsubscribing…' : 'Unsubscribe'}
    </button>
  );
}
