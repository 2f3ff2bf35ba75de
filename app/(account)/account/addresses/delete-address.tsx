'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { removeAddressAction } from './actions';

/**
 * "Delete" asks once more before it deletes. The question takes the focus; Cancel or Escape closes
 * it and gives the focus back to "Delete", so a keyboard user stays where they were.
 */
export function DeleteAddressButton({ addressId, label }: { addressId: string; label: string }) {
  const [state, setState] = useState<'closed' | 'confirming' | 'cancelled'>('closed');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

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
      <button ref={openRef} type="button" className="link-button" onClick={() => setState('confirming')} aria-label={`Delete ${label}`}>
        Delete
      </button>
    );
  }
  return (
    <form
      action={removeAddressAction.bind(null, addressId)}
      className="confirm-delete"
      role="group"
      aria-label={`Delete ${label}?`}
      onKeyDown={cancelOnEscape}
    >
      <span>Delete this address?</span>
      <button ref={confirmRef} type="submit" className="button button-danger button-small">
        Yes, delete
      </button>
      <button type="button" className="link-button" onClick={() => setState('cancelled')}>
        Cancel
      </button>
    </form>
  );
}
