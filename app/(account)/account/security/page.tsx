import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePrincipal } from '@/app/_auth/current';
import { listLogins, type LoginView } from '@/app/_domain/auth/logins';
import { Alert } from '@/components/ui/alert';
import { endLoginAction, endOtherLoginsAction } from './actions';

export const metadata: Metadata = { title: 'Security' };

const notices: Record<string, string> = {
  one: 'That device was signed out.',
  others: 'Every other device and app was signed out.',
  none: 'That sign-in had already ended.',
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "just now", "12 minutes ago", "3 hours ago", else the date (last use is tracked to about 5 minutes). */
function ago(date: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 5) return 'in the last few minutes';
  if (minutes < 60) return `${minutes} minutes ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} hours ago`;
  return `on ${dateTime.format(date)} UTC`;
}

function LoginRow({ login, now }: { login: LoginView; now: Date }) {
  const label = `${login.device}${login.kind === 'api' ? ' (app)' : ''}`;
  return (
    <li className="address-card" aria-label={label}>
      <p>
        <strong>{label}</strong> {login.current ? <span className="badge">This device</span> : null}
      </p>
      <p>
        Signed in on {dateTime.format(login.signedInAt)} UTC · last used {ago(login.lastUsedAt, now)}
      </p>
      {login.current ? null : (
        <form action={endLoginAction.bind(null, login.handle)}>
          <button type="submit" className="link-button" aria-label={`Sign out ${label}`}>
            Sign out
          </button>
        </form>
      )}
    </li>
  );
}

type Props = { searchParams: Promise<{ ended?: string }> };

export default async function SecurityPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/account/security');
  const now = new Date();
  const { logins, recentSignIns } = await listLogins(principal, now);
  const { ended } = await searchParams;
  const notice = notices[typeof ended === 'string' ? ended : ''];
  const others = logins.filter((l) => !l.current);
  return (
    <section className="card">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Security</h1>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <h2>Where you are signed in</h2>
      <ul className="address-cards">
        {logins.map((login) => (
          <LoginRow key={login.handle} login={login} now={now} />
        ))}
      </ul>
      {others.length > 0 ? (
        <form action={endOtherLoginsAction}>
          <button type="submit" className="button button-danger">
            Sign out everywhere else
          </button>
        </form>
      ) : (
        <p>You are not signed in anywhere else.</p>
      )}
      <h2>Recent sign-ins</h2>
      <ul>
        {recentSignIns.map((signIn) => (
          <li key={`${signIn.kind}-${signIn.at.toISOString()}`}>
            {dateTime.format(signIn.at)} UTC — {signIn.device}
            {signIn.kind === 'api' ? ' (app)' : ''}
          </li>
        ))}
      </ul>
      <p>
        Something you do not recognise? <Link href="/account/password">Change your password</Link>: that signs out every other device.
      </p>
    </section>
  );
}
