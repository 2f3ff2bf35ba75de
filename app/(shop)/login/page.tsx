import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentPrincipal, safeReturnPath } from '@/app/_auth/current';
import { RESET_SIGN_IN_COOKIE } from './reset-notice';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, reset } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await currentPrincipal()) redirect(returnTo);
  // After a password reset: say so, and start with the account's email (from the reset's cookie).
  const resetEmail = reset === 'done' ? ((await cookies()).get(RESET_SIGN_IN_COOKIE)?.value ?? '') : '';
  return (
    <section className="card narrow">
      {reset === 'done' ? (
        <>
          <h1>Password changed — sign in</h1>
          <p className="lead">Your new password is set and every device was signed out.</p>
        </>
      ) : (
        <>
          <h1>Sign in</h1>
          <p className="lead">
            New here? <Link href="/register">Create an account</Link>
          </p>
        </>
      )}
      <SignInForm returnTo={returnTo} username={resetEmail.slice(0, 320)} />
    </section>
  );
}
