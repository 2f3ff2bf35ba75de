import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmEmailChange } from '@/app/_domain/customers/profile';
import { isDomainError } from '@/app/_domain/shared/errors';

export const metadata: Metadata = { title: 'Confirm your new email', referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

async function confirm(key: unknown): Promise<{ email: string } | 'invalid' | 'taken'> {
  if (typeof key !== 'string' || !key) return 'invalid';
  try {
    const customer = await confirmEmailChange({ key });
    return { email: customer.email ?? '' };
  } catch (error) {
    if (isDomainError(error, 'emailTaken')) return 'taken';
    if (isDomainError(error)) return 'invalid';
    throw error;
  }
}

export default async function ConfirmEmailChangePage({ searchParams }: Props) {
  const outcome = await confirm((await searchParams).key);
  if (typeof outcome === 'object') {
    return (
      <section className="card narrow">
        <h1>Email address changed</h1>
        <p>
          From now on you sign in with <strong>{outcome.email}</strong>.
        </p>
        <p>
          <Link className="button" href="/account">
            Go to my account
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>This link can no longer be used</h1>
      <p>
        {outcome === 'taken'
          ? 'Another account uses this email address now, so it cannot become yours.'
          : 'The link is invalid, has expired (links are valid for 24 hours) or has already been used.'}{' '}
        You can ask for a new link on the <Link href="/account/email">email page of your account</Link>.
      </p>
    </section>
  );
}
