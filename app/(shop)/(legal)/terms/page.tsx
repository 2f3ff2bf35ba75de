import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Terms and conditions' };

export default function TermsPage() {
  return (
    <article className="card prose">
      <h1>Terms and conditions</h1>
      <p className="lead">These terms apply to your customer account with Shop. Please read them before you register.</p>

      <h2>1. Your account</h2>
      <p>
        An account is free. Give your real name and an email address you can receive mail at: we confirm the address
        before you can sign in. One account is for one person.
      </p>

      <h2>2. Keeping it secure</h2>
      <p>
        Keep your password to yourself and choose one you do not use anywhere else. If you think someone else knows it,{' '}
        <Link href="/account/password">change it</Link> — that signs out every other device — or{' '}
        <Link href="/password/forgot">reset it</Link>. On the <Link href="/account/security">security page</Link> you see
        where you are signed in.
      </p>

      <h2>3. Back-in-stock notifications</h2>
      <p>
        When you ask us to tell you that a sold-out product is available again, we send you one email when it is. That is
        not a reservation: the product may sell out again before you order.
      </p>

      <h2>4. Ending your account</h2>
      <p>
        You can <Link href="/account/delete">delete your account</Link> at any time. We then remove your personal data,
        except what the law requires us to keep (for example invoices). We may close an account that is misused, after
        telling you why.
      </p>

      <h2>5. Changes</h2>
      <p>
        If we change these terms, we tell you by email before the change takes effect. Questions? See the{' '}
        <Link href="/imprint">imprint</Link> for how to reach us.
      </p>
      <p className="meta">Last updated: 1 January 2026.</p>
    </article>
  );
}
