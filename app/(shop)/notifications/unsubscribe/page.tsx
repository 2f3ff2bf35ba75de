import type { Metadata } from 'next';
import { findSubscription } from '@/app/_domain/notifications/service';
import { isDomainError } from '@/app/_domain/shared/errors';
import { UnsubscribePanel } from './unsubscribe-form';

// The key never leaves in a Referer (only the origin does), and the button's POST without JavaScript
// keeps its Origin header, which Next.js requires of a server action (see next.config.mjs).
export const metadata: Metadata = { title: 'Unsubscribe', referrer: 'strict-origin' };

type Props = { searchParams: Promise<{ key?: string | string[] }> };

/** What the key names; a malformed key (empty, too long) names nothing. */
async function subscriptionOf(key: string) {
  try {
    return await findSubscription({ key });
  } catch (error) {
    if (isDomainError(error, 'validation')) return null;
    throw error;
  }
}

/**
 * The link in the subscription's confirmation email. Opening it changes nothing (mail scanners
 * open links): it shows which product and address the key is for, and only the button deletes.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { key } = await searchParams;
  const subscriptionKey = typeof key === 'string' ? key : '';
  const subscription = await subscriptionOf(subscriptionKey);
  return (
    <section className="card narrow">
      <UnsubscribePanel
        subscriptionKey={subscriptionKey}
        subscription={subscription ? { productName: subscription.productName, productUrl: subscription.productUrl, email: subscription.email } : null}
      />
    </section>
  );
}
