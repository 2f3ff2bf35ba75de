import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentActor } from './_auth/current';
import { getOwnCustomer } from './_domain/customers/account';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Shop account' },
  description: 'Register, sign in and manage your shop account.',
};

async function AccountNav() {
  const actor = await currentActor();
  const customer = actor ? await getOwnCustomer(actor).catch(() => null) : null;
  return (
    <nav aria-label="Account">
      <ul>
        {customer ? (
          <>
            <li>
              <Link href="/account">
                Signed in as <strong>{[customer.firstName, customer.lastName].filter(Boolean).join(' ')}</strong>
              </Link>
            </li>
            <li>
              <form method="post" action="/logout">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </li>
          </>
        ) : (
          <>
            <li>
              <Link href="/register">Register</Link>
            </li>
            <li>
              <Link href="/login">Sign in</Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Shop account
          </Link>
          <AccountNav />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
