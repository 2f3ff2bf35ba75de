'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { removeAddressAction } from './actions';

const noSubscription = () => () => {};

type Props = {
  addressId: string;
  label: string;
  /** The page was opened to ask about this address (`?delete=<id>`: the "Delete" link without JavaScript). */
  asking?: boolean;
};

/**
 * "Delete" asks once more before it deletes. The question takes the focus; Cancel or Escape closes
 * it and gives the focus back to "Delete", so a keyboard user stays where they were. Without
 * JavaScript "Delete" and "Cancel" are links (the page asks about the address in its address) and
 * "Yes, delete" posts the form.
 */
export function DeleteAddressButton({ addressId, label, asking = false }: Props) {
  const [state, setState] = useState<'closed' | 'confirming' | 'cancelled'>(asking ? 'confirming' : 'closed');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // Buttons once the page runs JavaScript; links before (and without) it.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    if (state === 'confirming') confirmRef.current?.focus();
    if (state === 'cancelled') openRef.current?.focus();
  }, [state]);

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setState('cancelled');
  };

  if (state !== 'confirming') {
    return (
      enhanced ? (
        <button ref={openRef} type="button" className="link-button" onClick={() => setState('confirming')} aria-label={`Delete ${label}`}>
          Delete
        </button>
      ) : (
        <a href={`/account/addresses?delete=${encodeURIComponent(addressId)}`} className="link-button" aria-label={`Delete ${label}`}>
          Delete
        </a>
      )
    );
  }
  return (
    // A group named by the question (a form may not take the group role).
    <div role="group" aria-label={`Delete ${label}?`} onKeyDown={cancelOnEscape}>
      <form action={removeAddressAction.bind(null, addressId)} className="confirm-delete">
        <span>Delete this address?</span>
        <button ref={confirmRef} type="submit" className="button button-danger button-small">
          Yes, delete
        </button>
        {enhanced ? (
          <button type="button" className="link-button" onClick={() => setState('cancelled')}>
            Cancel
          </button>
        ) : (
          <a href="/account/addresses" className="link-button">
            Cancel
          </a>
        )}
      </form>
    </div>
  );
}
