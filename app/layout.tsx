import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/ui/brand-mark';
import { FocusMainHeadingAfterNavigation } from '@/components/ui/focus-on-arrival';
import { SignOutForm } from '@/components/ui/sign-out-form';
import { SiteMain } from '@/components/ui/site-main';
import { displayName, signedInCustomer } from './_shell/signed-in-customer';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Shop' },
  description: 'Register, sign in and manage your shop account.',
};

export const viewport: Viewport = { themeColor: '#1d4ed8' };

function PersonIcon() {
  return (
    <svg className="header-account-icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="6.5" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3 17.5c.8-3.4 3.6-5.5 7-5.5s6.2 2.1 7 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The header's account state: who is signed in (and sign-out), or register / sign in. */
async function AccountNav() {
  const customer = await signedInCustomer();
  return (
    <nav aria-label="Account" className="header-nav">
      <ul>
        {customer ? (
          <>
            <li className="header-account-item">
              <Link href="/account" className="header-account">
                <PersonIcon />
                <span className="header-account-text">
                  <span className="header-account-prefix">Signed in as </span>
                  <strong>{displayName(customer)}</strong>
                </span>
              </Link>
            </li>
            <li className="header-signout">
              <SignOutForm />
            </li>
          </>
        ) : (
          <>
            <li>
              <Link href="/register">Register</Link>
            </li>
            <li>
              <Link href="/login" className="button button-small">
                Sign in
              </Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/**
 * The frame of every page: skip link, header (brand, account state), <main> (the account area's
 * layout renders its own, beside its navigation) and the footer. A navigation that leaves the focus
 * nowhere (after signing in, say) puts it on the new page's heading.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header-inner">
            <Link href="/" className="brand">
              <BrandMark />
              <span className="brand-name">Shop</span>
            </Link>
            <AccountNav />
          </div>
        </header>
        <SiteMain>{children}</SiteMain>
        <FocusMainHeadingAfterNavigation />
        <footer className="site-footer">
          <div className="container site-footer-inner">
            <nav aria-label="Legal">
              <ul>
                <li>
                  <Link href="/terms">Terms and conditions</Link>
                </li>
                <li>
                  <Link href="/privacy">Privacy policy</Link>
                </li>
                <li>
                  <Link href="/imprint">Imprint</Link>
                </li>
              </ul>
            </nav>
            <p className="site-footer-note">
              © {new Date().getFullYear()} Shop
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
