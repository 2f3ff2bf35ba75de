'use client';

import { useSyncExternalStore, type ComponentProps } from 'react';

type SubmitButtonProps = ComponentProps<'button'> & { pending?: boolean; pendingLabel?: string };

const noSubscription = () => () => {};

/** False while rendered on the server and during hydration, true once the page's JavaScript runs. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A submit button that announces and shows its pending state and cannot be pressed twice. It is
 * disabled until the page is hydrated, so a form whose validation and submission run in
 * JavaScript is never submitted natively (which would put its fields into the URL).
 */
export function SubmitButton({ pending = false, pendingLabel = 'Please wait…', children, disabled, ...button }: SubmitButtonProps) {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      className="button"
      aria-disabled={pending || undefined}
      disabled={pending || !hydrated || disabled}
      {...button}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
