import type { Metadata } from 'next';
import Link from 'next/link';
import { isResetKeyValid } from '@/app/_domain/passwords/reset';
import { ResetPasswordForm } from './reset-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { key } = await searchParams;
  const restorePasswordKey = typeof key === 'string' ? key : '';
  if (!(await isResetKeyValid(restorePasswordKey))) {
    return (
      <section className="card narrow">
        <h1>This reset link can no longer be used</h1>
        <p>
          The link is invalid, has expired (reset links are valid for 1 hour) or has already been used.{' '}
          <Link href="/password/forgot">Request a new link</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>Choose a new password</h1>
      <ResetPasswordForm restorePasswordKey={restorePasswordKey} />
    </section>
  );
}
