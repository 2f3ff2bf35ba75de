import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmCustomer } from '@/app/_domain/customers/registration';
import { isDomainError } from '@/app/_domain/shared/errors';
import { ResendConfirmationForm } from './resend-form';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

async function confirm(key: string | undefined): Promise<boolean> {
  if (!key) return false;
  try {
    await confirmCustomer({ key }, {});
    return true;
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}

export default async function ConfirmRegistrationPage({ searchParams }: Props) {
  const { key } = await searchParams;
  const confirmed = await confirm(typeof key === 'string' ? key : undefined);

  if (confirmed) {
    return (
      <section className="card narrow">
        <h1>Email confirmed — sign in</h1>
        <p>Your email address is confirmed and your account is active.</p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>
        </p>
      </section>
    );
  }
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
