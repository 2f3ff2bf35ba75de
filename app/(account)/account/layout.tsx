import type { ReactNode } from 'react';
import { AccountMenu } from './account-menu';

/**
 * Every page of the account area: its navigation (a sidebar on wide screens, a menu on phones)
 * beside the page's <main>. Each page still checks the session itself.
 */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="container account-shell">
      <AccountMenu />
      <main id="main" className="account-main">
        {children}
      </main>
    </div>
  );
}
