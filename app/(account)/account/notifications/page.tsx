import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePrincipal } from '@/app/_auth/current';
import { listSubscriptions } from '@/app/_domain/notifications/service';
import { Alert } from '@/components/ui/alert';
import { unsubscribeOwnAction } from './actions';
import { UnsubscribeButton } from './unsubscribe-button';

export const metadata: Metadata = { title: 'Back-in-stock notifications' };

const notices: Record<string, string> = {
  unsubscribed: "You're unsubscribed. We won't email you about that product.",
};

const problems: Record<string, string> = {
  'not-found': 'This notification was not found. It may have ended already.',
};

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

const since = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export default async function NotificationsPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/account/notifications');
  const subscriptions = await listSubscriptions(principal, principal.customerId);
  const query = await searchParams;
  const notice = notices[typeof query.done === 'string' ? query.done : ''];
  const problem = problems[typeof query.error === 'string' ? query.error : ''];
  return (
    <section className="card">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Back-in-stock notifications</h1>
      <p className="lead">We send one email when a sold-out product can be bought again; then that notification ends.</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {subscriptions.length === 0 ? (
        <p>You are not waiting for any product. On the page of a sold-out product, choose &quot;Notify me&quot; to get an email when it&apos;s back.</p>
      ) : (
        <ul className="address-cards">
          {subscriptions.map((s) => (
            <li key={s.key} className="address-card">
              <h2 style={{ margin: 0, fontSize: 17 }}>
                <a href={s.productUrl}>{s.productName}</a>
              </h2>
              <dl className="details">
                <dt>Email</dt>
                <dd>{s.email}</dd>
                <dt>Since</dt>
                <dd>
                  <time dateTime={s.createdAt.toISOString()}>{since.format(s.createdAt)}</time>
                </dd>
                <dt>Availability</dt>
                <dd>{s.isAvailable ? 'In stock' : 'Sold out'}</dd>
              </dl>
              <form action={unsubscribeOwnAction} className="card-actions">
                <input type="hidden" name="key" value={s.key} />
                <UnsubscribeButton productName={s.productName} />
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
