import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentPrincipal, customerOf } from './_auth/current';
import { isDomainError } from './_domain/shared/errors';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Shop account' },
  description: 'Register, sign in and manage your shop account.',
};

/** The signed-in customer for the header; null when signed out (or the account is gone). */
async function signedInCustomer() {
  const principal = await currentPrincipal();
  if (!principal) return null;
  try {
    return await customerOf(principal);
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

async function AccountNav() {
  const customer = await signedInCustomer();
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
