'use client';

import { useEffect, useRef, useState } from 'react';
import { removeAddressAction } from './actions';

/** "Delete" asks once more before it deletes. */
export function DeleteAddressButton({ addressId, label }: { addressId: string; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`Delete ${label}`}>
        Delete
      </button>
    );
  }
  return (
    <form action={removeAddressAction.bind(null, addressId)} className="confirm-delete" role="group" aria-label={`Delete ${label}?`}>
      <span>Delete this address?</span>
      <button ref={confirmRef} type="submit" className="button button-danger button-small">
        Yes, delete
      </button>
      <button type="button" className="link-button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
