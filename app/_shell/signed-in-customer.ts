import 'server-only';
import { currentPrincipal, customerOf } from '@/app/_auth/current';
import { isDomainError } from '@/app/_domain/shared/errors';

/**
 * The signed-in customer for the page frame (header, start page); null when signed out or when the
 * account is gone. Both calls are cached per request, so the header and the page share one read.
 */
export async function signedInCustomer() {
  const principal = await currentPrincipal();
  if (!principal) return null;
  try {
    return await customerOf(principal);
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

/** "Ada Lovelace"; the email when the account has no name. */
export function displayName(customer: { firstName?: string | null; lastName?: string | null; email?: string | null }): string {
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || 'your account';
}
