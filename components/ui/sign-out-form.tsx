/** The fragment the start page shows "You are signed out" for (see SignedOutNotice). */
export const SIGNED_OUT_FRAGMENT = 'signed-out';

/**
 * Sign-out as a plain form POST to /logout (works without JavaScript). /logout answers 303 to `/`;
 * a redirect without a fragment keeps the request's, so the browser lands on `/#signed-out`.
 */
export function SignOutForm({ className, buttonClassName = 'link-button' }: { className?: string; buttonClassName?: string }) {
  return (
    <form method="post" action={`/logout#${SIGNED_OUT_FRAGMENT}`} className={className}>
      <button type="submit" className={buttonClassName}>
        Sign out
      </button>
    </form>
  );
}
