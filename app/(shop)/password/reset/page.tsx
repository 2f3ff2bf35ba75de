import type { Metadata } from 'next';
import { isResetKeyValid } from '@/app/_domain/passwords/reset';
import { ResetPasswordForm } from './reset-form';

/**
 * `strict-origin`, not `no-referrer`: the key in this page's address never leaves it either way,
 * but under `no-referrer` Chromium posts a form without JavaScript with `Origin: null`, which
 * Next.js refuses for server actions.
 */
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'strict-origin' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { key } = await searchParams;
  const restorePasswordKey = typeof key === 'string' ? key : '';
  return (
    <section className="card narrow">
      <ResetPasswordForm restorePasswordKey={restorePasswordKey} keyValid={await isResetKeyValid(restorePasswordKey)} />
    </section>
  );
}
