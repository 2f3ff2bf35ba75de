'use client';

import { useEffect, useState } from 'react';
import { SIGNED_OUT_FRAGMENT } from './sign-out-form';

/**
 * "You are signed out", shown on the page sign-out lands on (`/#signed-out`). Without JavaScript
 * the CSS `:target` rule shows it; with JavaScript it stays shown and the fragment is dropped from
 * the address, so a reload or a bookmark does not repeat the message.
 */
export function SignedOutNotice() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (window.location.hash !== `#${SIGNED_OUT_FRAGMENT}`) return;
    // Reading the address is only possible after hydration: this state mirrors it once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(true);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return (
    <div id={SIGNED_OUT_FRAGMENT} className="alert alert-success signed-out-notice" role="status" data-shown={shown || undefined}>
      <strong>You are signed out.</strong> See you soon.
    </div>
  );
}
