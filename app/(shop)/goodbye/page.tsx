import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account deleted' };

export default function GoodbyePage() {
  return (
    <section className="card narrow">
      <h1>Your account was deleted</h1>
      <p>We removed your personal data and signed you out everywhere. Thank you for shopping with us.</p>
      <p>
        <Link href="/">Back to the start page</Link>
      </p>
    </section>
  );
}
