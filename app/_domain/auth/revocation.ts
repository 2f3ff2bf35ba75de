import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/client';
import { revokeCustomerSessions, revokeCustomerTokenFamilies } from '@/db/queries/auth';
import { deleteCustomerKeys } from '@/db/queries/customer-keys';

/**
 * Ends a customer's logins: every browser session and every API token family (their refresh and
 * access tokens), except the one login in `keep` (the caller's own, e.g. on a password change).
 * Password change keeps the caller; reset, anonymization and "sign out everywhere" keep nothing.
 * Every pending email change is voided too: a recovery must evict an attacker who started one
 * with a stolen login (their confirmation link would otherwise take over the account later).
 */
export async function revokeCustomerLogins(
  customerId: number,
  now: Date,
  keep: { sessionId?: string; familyId?: string } = {},
  db: Executor = getDb(),
): Promise<void> {
  await revokeCustomerSessions(db, customerId, now, keep.sessionId);
  await revokeCustomerTokenFamilies(db, customerId, now, keep.familyId);
  await deleteCustomerKeys(db, customerId, 'confirm_email_change');
}
