import 'server-only';
import { getDb } from '@/db/client';
import { selectCustomerByEmail, updateCustomerLastLogin, rehashCustomerPassword } from '@/db/queries/customers';
import type { CustomerRow } from '@/db/schema';
import { hashPassword, PASSWORD_HASH_TYPE, verifyPassword } from '../passwords/hashing';
import { verifyStoredPassword } from '../passwords/imported';
import { assertNotRateLimited, consumeRateLimitsUnlessLocked, resetAndUndoRateLimits } from '../rate-limit/service';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { signInSchema } from './schema';

/**
 * The one credential check behind the sign-in page, Auth.js's credentials callback and
 * POST /access-tokens, so all three share the brute-force limits:
 * - limits are checked before any hashing: per client IP and per submitted email (trimmed,
 *   lower-cased, counted whether or not an account exists). Each attempt counts against both
 *   up front; the failure that reaches a limit locks that key until its window ends;
 * - an unknown email is verified against a dummy argon2id hash, so it takes as long as a wrong
 *   password and fails with the same error;
 * - a customer is checked against its stored hash of any kind (passwords/imported.ts): an
 *   imported one, an argon2id with older parameters or the external check is replaced by today's
 *   argon2id after the first correct password, so the external service is asked at most once;
 *   its outage is a failed sign-in like a wrong password;
 * - only after a correct password is an unconfirmed account told so (`unconfirmed`);
 * - success clears the account's counter and takes its attempt back from the IP's; `start` (the
 *   caller's session or token family) is written in the same round trip as that bookkeeping.
 */

// argon2id (m=19456, t=2, p=1) of a random string nobody knows.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$FYKJeUkcbm+MThKx1oVN7A$qlJJOQotUupjZ/xx7KzSbnbi7eWiRzy770sBPJIoD1I';

/** The submitted credentials; invalid ones are refused, as `rateLimited` while the client is locked. */
async function credentialsOf(input: unknown, clientIp: string, now: Date) {
  try {
    return parseInput(signInSchema, input);
  } catch (error) {
    await assertNotRateLimited('loginFailuresPerIp', clientIp, now);
    throw error;
  }
}

export async function authenticate(input: unknown, context: RequestContext, start?: (customer: CustomerRow) => Promise<unknown>): Promise<CustomerRow> {
  const now = nowOf(context);
  const perIp = { name: 'loginFailuresPerIp', subject: context.clientIp } as const;
  const { username, password } = await credentialsOf(input, context.clientIp, now);
  const email = username.toLowerCase();
  const perEmail = { name: 'loginFailures', subject: email } as const;
  // Every attempt is counted before hashing, atomically, so parallel guesses cannot slip past
  // the limit; a successful one is taken back below. A locked client counts nothing. The customer
  // is read in the same round trip (nothing of it is used unless both counts pass).
  const [, customer] = await Promise.all([consumeRateLimitsUnlessLocked(perIp, [perIp, perEmail], now), selectCustomerByEmail(getDb(), email)]);
  const hasPassword = customer?.passwordHash || customer?.passwordHashType === 'external';
  const usable = customer?.email && hasPassword && customer.isActive && !customer.anonymizedAt ? { ...customer, email: customer.email } : null;
  const { valid, needsRehash } = usable
    ? await verifyStoredPassword(usable, password)
    : { valid: await verifyPassword(DUMMY_HASH, password), needsRehash: false };
  if (!usable || !valid) throw new DomainError('invalidCredentials');
  // Lazy migration: only over the hash just checked, so a password change or reset that lands
  // meanwhile is never overwritten with the old password.
  if (needsRehash) await rehashCustomerPassword(getDb(), usable, await hashPassword(password), PASSWORD_HASH_TYPE);
  if (!usable.confirmedAt) throw new DomainError('unconfirmed');
  // Independent writes after a good password, with the caller's session or token family: one round trip.
  await Promise.all([resetAndUndoRateLimits(perEmail, perIp), updateCustomerLastLogin(getDb(), usable.id, now), start?.(usable)]);
  return usable;
}
