'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Keyboard focus after a navigation. Next.js's router leaves the focus where it was (16.x: "this
 * handler intentionally leaves focus untouched"), which after a redirect is nowhere: the button
 * that was pressed is gone and the next Tab starts over at the top of the page.
 */

/**
 * Wraps the notice a redirect lands on ("The address was added.") and focuses it once per arrival,
 * so the next Tab continues from there. `arrival` must change with every server render of the page
 * (e.g. `randomUUID()`), so that landing on the same URL again (a second "Set as default") focuses it
 * again. Without JavaScript, `autofocus` does the same on the page load.
 */
export function FocusOnArrival({ arrival, children }: { arrival: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [arrival]);
  return (
    <div ref={ref} tabIndex={-1} autoFocus className="focus-on-arrival">
      {children}
    </div>
  );
}

/** Whether the focus is nowhere a keyboard user could continue from (body, or an element that disappeared or was hidden). */
function focusLost(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !active.isConnected || (typeof active.checkVisibility === 'function' && !active.checkVisibility());
}

/**
 * After a client-side navigation that left the focus nowhere (a sign-in or another form whose page
 * goes away, a link inside the page), puts it on the new page's main heading. It never moves a focus
 * that something still holds: a link of the header or the account menu, a notice that took it.
 */
export function FocusMainHeadingAfterNavigation() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // After the page's own effects (a form or notice focusing itself) have run.
    const frame = requestAnimationFrame(() => {
      if (!focusLost()) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) {
        heading.tabIndex = -1;
        heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true });
      }
      heading.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
