import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { endBrowserSession } from '@/app/_domain/auth/sessions';
import { authConfig } from './auth.config';
import { authorizeConfirmationKey, CONFIRMATION_KEY_PROVIDER } from './confirmation-key';
import { authorizeCredentials } from './credentials';

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  providers: [
    Credentials({
      credentials: { username: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: authorizeCredentials,
    }),
    // The emailed confirmation link signs in too (app/(shop)/register/confirm/sign-in/route.ts).
    Credentials({
      id: CONFIRMATION_KEY_PROVIDER,
      name: 'Email confirmation link',
      credentials: { key: {} },
      authorize: authorizeConfirmationKey,
    }),
  ],
  events: {
    // Signing out (our /logout or Auth.js's own endpoint) revokes the session row.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endBrowserSession(sid);
    },
  },
}));
