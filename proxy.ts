import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/app/_auth/auth.config';
import { appUrl } from '@/app/_domain/shared/config';

/**
 * Optimistic only: sends visitors without a session cookie from /account to the sign-in page
 * and keeps the cookie of active shoppers fresh. The real check (the session row) is made by
 * every page, action and handler; a forged header that skips this proxy changes nothing.
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

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await redirectWithoutSession)(request, event);
}

export const config = { matcher: ['/account', '/account/:path*'] };
