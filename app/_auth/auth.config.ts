import type { NextAuthConfig } from 'next-auth';
import { appUrl } from '@/app/_domain/shared/config';
import { authSecrets } from '@/app/_domain/auth/secret';

/**
 * The Auth.js settings shared by the full setup (auth.ts) and the proxy, which only reads the
 * cookie. Sessions are JWT cookies that carry nothing but the id of a `sessions` row; the row is
 * the truth (see app/_domain/auth/sessions.ts). Built lazily: `next build` imports this module
 * without secrets.
 */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function authConfig(): NextAuthConfig {
  // Auth.js builds its own URLs from AUTH_URL; ours come from APP_URL, never from the Host header.
  process.env.AUTH_URL ??= `${appUrl()}/api/auth`;
  return {
    secret: authSecrets(),
    trustHost: true,
    basePath: '/api/auth',
    useSecureCookies: appUrl().startsWith('https://'),
    pages: { signIn: '/login', error: '/login' },
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [],
    callbacks: {
      // The cookie holds only the session id: no name, email or anything else.
      jwt({ token, user }) {
        return user?.id ? { sid: user.id } : token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: typeof token.sid === 'string' ? token.sid : undefined } as typeof session;
      },
    },
  };
}
