import type { ComponentProps } from 'react';

type SubmitButtonProps = ComponentProps<'button'> & { pending?: boolean; pendingLabel?: string };

/**
 * A submit button that announces and shows its pending state and cannot be pressed twice. It
 * works from first paint: every form posts to its server action, with or without JavaScript.
 */
export function SubmitButton({ pending = false, pendingLabel = 'Please wait…', children, ...button }: SubmitButtonProps) {
  return (
    <button type="submit" className="button" aria-disabled={pending || undefined} {...button}>
      {pending ? pendingLabel : children}
    </button>
  );
}
