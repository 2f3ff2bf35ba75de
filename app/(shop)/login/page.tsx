import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentPrincipal, safeReturnPath } from '@/app/_auth/current';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await currentPrincipal()) redirect(returnTo);
  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      <p className="lead">
        New here? <Link href="/register">Create an account</Link>
      </p>
      <SignInForm returnTo={returnTo} />
    </section>
  );
}
