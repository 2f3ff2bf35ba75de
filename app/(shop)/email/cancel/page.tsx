import type { Metadata } from 'next';
import { CancelEmailChangeForm } from './cancel-form';

export const metadata: Metadata = { title: 'Cancel the email change', referrer: 'strict-origin' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

/**
 * The link in "your email address is being changed". Opening it changes nothing (mail scanners
 * open links); the button does: it keeps (or restores) this address and ends every login.
 */
export default async function CancelEmailChangePage({ searchParams }: Props) {
  const { key } = await searchParams;
  return (
    <section className="card narrow">
      <h1>Was this not you?</h1>
      <p>
        Someone asked to change the email address of your account. Cancel the change to keep this address (or to get it back if the
        change went through) and to sign out every device.
      </p>
      <CancelEmailChangeForm cancelKey={typeof key === 'string' ? key : ''} />
    </section>
  );
}
