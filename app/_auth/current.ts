import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { CustomerPrincipal } from '@/app/_domain/auth/principal';
import { resolveBrowserSession } from '@/app/_domain/auth/sessions';
import { getOwnCustomer } from '@/app/_domain/customers/account';
import { auth } from './auth';

/**
 * The signed-in shopper of this request, checked against the `sessions` table (cached per
 * request). This — not the proxy — is the authorization check of every page and server action.
 */
export const currentPrincipal = cache(async (): Promise<CustomerPrincipal | null> => {
  const session = await auth();
  return session?.sid ? resolveBrowserSession(session.sid) : null;
});

/** The principal's customer, read once per request: the layout's header and the page share it. */
export const customerOf = cache((principal: CustomerPrincipal) => getOwnCustomer(principal));

/** The principal, or a redirect to the sign-in page that comes back to `returnTo` afterwards. */
export async function requirePrincipal(returnTo: string): Promise<CustomerPrincipal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return principal;
}

/**
 * Only same-site paths are followed after sign-in (`^/(?![/\\])`, no control characters), and
 * they come back percent-encoded, so a non-ASCII path is a valid `Location` header.
 */
export function safeReturnPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    return encodeURI(decodeURI(value));
  } catch {
    return fallback;
  }
}
