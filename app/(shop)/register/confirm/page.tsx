import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ResendConfirmationForm } from './resend-form';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'strict-origin' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

/**
 * Where the emailed link lands. A key goes on to ./sign-in, a route handler (only there can the
 * session cookie be set), which confirms the email, signs the shopper in and opens /account; a key
 * that does not work comes back here without it, to this message and a form for a new link.
 */
export default async function ConfirmRegistrationPage({ searchParams }: Props) {
  const { key } = await searchParams;
  if (typeof key === 'string' && key !== '') redirect(`/register/confirm/sign-in?key=${encodeURIComponent(key)}`);
  return (
    <section className="card narrow">
      <h1>This link can no longer be used</h1>
      <p>
        The confirmation link is invalid, has expired (links are valid for 24 hours) or has already been used. If you
        already confirmed your email, you can <Link href="/login">sign in</Link>.
      </p>
      <h2>Send a new link</h2>
      <ResendConfirmationForm />
    </section>
  );
}
