'use client';

import { useSelectedLayoutSegment } from 'next/navigation';
import type { ReactNode } from 'react';

/** Top-level route groups whose layout renders its own <main> (the account area: beside its navigation). */
const GROUPS_WITH_OWN_MAIN = new Set(['(account)']);

/**
 * The page's <main>, one per page: the root layout's, except in the account area, whose layout
 * puts its navigation beside its own <main>. The 404 page is rendered inside the innermost
 * layout, so it gets exactly one <main> this way too (the root's, or the account area's).
 */
export function SiteMain({ children }: { children: ReactNode }) {
  const segment = useSelectedLayoutSegment();
  if (segment !== null && GROUPS_WITH_OWN_MAIN.has(segment)) return children;
  return (
    <main id="main" className="site-main container">
      {children}
    </main>
  );
}
