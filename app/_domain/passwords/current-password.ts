import 'server-only';
import type { CustomerRow } from '@/db/schema';
import { consumeRateLimit, undoRateLimitHit } from '../rate-limit/service';
import { DomainError } from '../shared/errors';
import { verifyStoredPassword } from './imported';

/**
 * Throws `invalidPassword` unless `password` is the customer's current password. Every guess is
 * counted toward the account's sign-in limit before it is checked, atomically (as sign-in does),
 * so parallel guesses cannot slip past it and a stolen session cannot be used to guess the
 * password either (`rateLimited` once the account is locked); a right one is taken back. Imported
 * hashes are accepted as they are (only sign-in re-hashes them).
 */
export async function assertCurrentPassword(customer: CustomerRow, password: string, now: Date = new Date()): Promise<void> {
  const account = customer.email ?? `customer:${customer.id}`;
  await consumeRateLimit('loginFailures', account, now);
  const valid = customer.email !== null && (await verifyStoredPassword({ ...customer, email: customer.email }, password)).valid;
  if (!valid) throw new DomainError('invalidPassword');
  await undoRateLimitHit('loginFailures', account);
}
