import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/client';
import { revokeCustomerSessions, revokeCustomerTokenFamilies } from '@/db/queries/auth';

/**
 * Ends a customer's logins: every browser session and every API token family (their refresh and
 * access tokens), except the one login in `keep` (the caller's own, e.g. on a password change).
 * Password change keeps the caller; reset and anonymization keep nothing.
 */
export async function revokeCustomerLogins(
  customerId: number,
  now: Date,
  keep: { sessionId?: string; familyId?: string } = {},
  db: Executor = getDb(),
): Promise<void> {
  await revokeCustomerSessions(db, customerId, now, keep.sessionId);
  await revokeCustomerTokenFamilies(db, customerId, now, keep.familyId);
}
