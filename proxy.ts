import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/app/_auth/auth.config';
import { appUrl } from '@/app/_domain/shared/config';

/**
 * Runs before every page and route:
 * - a strict Content-Security-Policy with a fresh nonce per request (`script-src 'nonce-…'
 *   'strict-dynamic'`, no inline scripts without it); Next.js puts the nonce on its own scripts,
 *   and pages that render scripts themselves read it from the `x-nonce` request header;
 * - optimistic only: sends visitors without a session cookie from /account to the sign-in page and
 *   keeps the cookie of active shoppers fresh. The real check (the session row) is made by every
 *   page, action and handler; a forged header that skips this proxy changes nothing.
 */
const { auth } = NextAuth(() => authConfig());

type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// With a lazily built config, next-auth's wrapper resolves to the handler asynchronously.
const redirectWithoutSession = auth((request) => {
  if (request.auth?.sid) return NextResponse.next();
  const login = new URL('/login', appUrl());
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}) as unknown as Promise<ProxyHandler>;

export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

function isAccountPath(pathname: string): boolean {
  return pathname === '/account' || pathname.startsWith('/account/');
}

/** Lets the request go on with the nonce and policy in its headers, keeping what `from` set (cookies, …). */
function next(requestHeaders: Headers, from?: Response): Response {
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (from) {
    from.headers.forEach((value, key) => {
      if (key === 'set-cookie' || key === 'x-middleware-next' || key.startsWith('x-middleware-')) return;
      response.headers.set(key, value);
    });
    for (const cookie of from.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
  }
  return response;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  let response: Response;
  if (isAccountPath(request.nextUrl.pathname)) {
    const checked = await (await redirectWithoutSession)(request, event);
    response = checked.headers.get('x-middleware-next') ? next(requestHeaders, checked) : checked;
    // A page of the signed-in shopper is never stored by a browser or proxy.
    response.headers.set('Cache-Control', 'no-store');
  } else {
    response = next(requestHeaders);
  }
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// Every page and route but Next.js's static files, the two APIs (whose JSON needs no CSP and
// whose hot path should not pay for one) and the benchmark's probes (the floors of those APIs).
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|customers|access-tokens|refresh-tokens|customer-|availability-notifications|my-availability-notifications|openapi\\.json|admin/|bench/).*)',
  ],
};
