import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// Rendered inside the innermost layout (<main> comes from the root layout or the account area's).
export default function NotFound() {
  return (
    <section className="card narrow">
      <p className="eyebrow">Error 404</p>
      <h1>Page not found</h1>
      <p>The page you are looking for does not exist or has moved.</p>
      <p className="actions">
        <Link className="button" href="/">
          Go to the start page
        </Link>
        <Link className="button button-secondary" href="/account">
          Your account
        </Link>
      </p>
    </section>
  );
}
