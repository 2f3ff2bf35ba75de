'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { SignOutForm } from '@/components/ui/sign-out-form';

type Section = { href: string; label: string; /** Pages that belong to the section besides its own. */ also?: string[] };

const sections: Section[] = [
  { href: '/account', label: 'Overview', also: ['/account/delete'] },
  { href: '/account/profile', label: 'Profile' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/notifications', label: 'Notifications' },
  { href: '/account/security', label: 'Security', also: ['/account/email', '/account/password'] },
];

function within(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The section a page belongs to: the longest matching prefix (so /account alone is the overview). */
function currentSection(pathname: string): Section | undefined {
  let best: { section: Section; length: number } | undefined;
  for (const section of sections) {
    for (const prefix of [section.href, ...(section.also ?? [])]) {
      const matches = prefix === '/account' ? pathname === prefix : within(pathname, prefix);
      if (matches && (!best || prefix.length > best.length)) best = { section, length: prefix.length };
    }
  }
  return best?.section;
}

/**
 * The account navigation. One list, shown as a sidebar on wide screens (CSS keeps the
 * <details> content visible and hides its summary) and as a disclosure menu on phones: the
 * <summary> opens and closes it with Enter or Space, without JavaScript; Escape closes it and a
 * navigation closes it too.
 */
export function AccountMenu() {
  const pathname = usePathname();
  const current = currentSection(pathname);
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const menu = details.current;
    if (event.key !== 'Escape' || !menu?.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };

  return (
    <nav aria-label="Customer area" className="account-nav">
      <details ref={details} className="account-menu" onKeyDown={closeOnEscape}>
        <summary className="account-menu-toggle">
          <span className="account-menu-title">Account menu</span>
          {current ? <span className="account-menu-current">{current.label}</span> : null}
        </summary>
        <ul className="account-menu-list">
          {sections.map((section) => (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={pathname === section.href ? 'page' : current === section ? 'true' : undefined}
              >
                {section.label}
              </Link>
            </li>
          ))}
          <li className="account-menu-signout">
            <SignOutForm />
          </li>
        </ul>
      </details>
    </nav>
  );
}
