import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { confirmCustomerAndSignIn } from '@/app/_domain/customers/registration';
import { isDomainError } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';

/** The provider's id: `signIn(CONFIRMATION_KEY_PROVIDER, { key })`. */
export const CONFIRMATION_KEY_PROVIDER = 'confirmation-key';

/** Why the emailed link did not sign in (the `code` of the error `signIn` throws). */
export type ConfirmationSignInFailure = 'invalid_key' | 'inactive';

class ConfirmationSignInFailed extends CredentialsSignin {
  constructor(code: ConfirmationSignInFailure) {
    super();
    this.code = code;
  }
}

/**
 * Auth.js's `authorize` for the confirmation link: the emailed registration key is the credential.
 * It confirms the email and starts a session row in one transaction, so the shopper gets the same
 * cookie a password sign-in gives. A used, expired or unknown key fails with `invalid_key`.
 */
export async function authorizeConfirmationKey(credentials: Partial<Record<string, unknown>>, request: Request) {
  try {
    const { sessionId } = await confirmCustomerAndSignIn(
      { key: credentials.key },
      { userAgent: request.headers.get('user-agent') ?? undefined },
    );
    if (!sessionId) throw new ConfirmationSignInFailed('inactive');
    return { id: sessionId };
  } catch (error) {
    if (error instanceof ConfirmationSignInFailed) throw error;
    if (isDomainError(error)) throw new ConfirmationSignInFailed('invalid_key');
    logUnexpected('email confirmation sign-in', error);
    throw new Error('Unexpected error during the email confirmation');
  }
}
