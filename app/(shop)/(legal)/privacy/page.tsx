import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Privacy policy' };

export default function PrivacyPage() {
  return (
    <article className="card prose">
      <h1>Privacy policy</h1>
      <p className="lead">What we store about you, why, for how long, and how you stay in control.</p>

      <h2>Who is responsible</h2>
      <p>
        Shop, whose address is in the <Link href="/imprint">imprint</Link>, is responsible for your data. Write to{' '}
        <a href="mailto:privacy@example.com">privacy@example.com</a> with any question about it.
      </p>

      <h2>What we store</h2>
      <ul>
        <li>Your account: salutation, name, email address and, if you give them, gender and date of birth.</li>
        <li>Your password, only as a one-way hash: nobody at Shop can read it.</li>
        <li>Your address book.</li>
        <li>Where you are signed in: the browser or app and when it was last used, so you can end a sign-in.</li>
        <li>Back-in-stock notifications you asked for, and the emails we sent you.</li>
      </ul>

      <h2>Why</h2>
      <p>
        To run your account and the services you ask for (Art. 6(1)(b) GDPR) and to keep it secure, for example by
        limiting failed sign-ins (Art. 6(1)(f) GDPR). We do not sell your data and do not use it for advertising.
      </p>

      <h2>Cookies</h2>
      <p>
        We only set the cookies needed to sign you in and keep you signed in; signing out deletes them. There are no
        tracking or advertising cookies.
      </p>

      <h2>How long</h2>
      <p>
        As long as you have an account. When you <Link href="/account/delete">delete it</Link>, we remove your personal
        data at once, except what the law requires us to keep.
      </p>

      <h2>Your rights</h2>
      <p>
        You can see and correct your data in <Link href="/account">your account</Link>,{' '}
        <a href="/account/export">download all of it</a>{' '}
        as a file, and delete your account. You may also object to processing, ask us to restrict it, and complain to a
        data protection authority.
      </p>
      <p className="meta">Last updated: 1 January 2026.</p>
    </article>
  );
}
