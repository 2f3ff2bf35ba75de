import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { authenticate } from '@/app/_domain/auth/authenticate';
import { startBrowserSession } from '@/app/_domain/auth/sessions';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';
import { clientIpFrom } from '@/app/_transport/http/client-ip';

/** A failed sign-in; `code` reaches the sign-in form (and the URL of a direct POST). It never says whether an email exists. */
class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function signInFailureCode(error: DomainError): string {
  switch (error.code) {
    case 'unconfirmed':
      return 'unconfirmed';
    case 'rateLimited':
      return `rate_limited_${error.retryAfterSeconds ?? 60}`;
    case 'validation':
      return 'invalid_input';
    default:
      return 'invalid_credentials';
  }
}

/**
 * Auth.js's `authorize` for the credentials provider: the same `authenticate` as the API (shared
 * limits, equal timing), then a new session row whose id becomes the cookie's only content.
 * Direct POSTs to /api/auth/callback/credentials land here too.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request) {
  try {
    let sessionId = '';
    await authenticate({ username: credentials.username, password: credentials.password }, { clientIp: clientIpFrom(request.headers) }, async (customer) => {
      sessionId = await startBrowserSession(customer.id, new Date(), request.headers.get('user-agent'));
    });
    return { id: sessionId };
  } catch (error) {
    if (isDomainError(error)) throw new SignInFailed(signInFailureCode(error));
    logUnexpected('sign-in', error);
    throw new Error('Unexpected error during sign-in');
  }
}
