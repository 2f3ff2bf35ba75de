import 'server-only';
import type { CustomerRow } from '@/db/schema';
import { consumeRateLimit, undoRateLimitHit } from '../rate-limit/service';
import { DomainError } from '../shared/errors';
import { verifyPassword } from './hashing';

/**
 * Throws `invalidPassword` unless `password` is the customer's current password. Every guess is
 * counted toward the account's sign-in limit before it is checked, atomically (as sign-in does),
 * so parallel guesses cannot slip past it and a stolen session cannot be used to guess the
 * password either (`rateLimited` once the account is locked); a right one is taken back.
 */
export async function assertCurrentPassword(customer: CustomerRow, password: string, now: Date = new Date()): Promise<void> {
  const account = customer.email ?? `customer:${customer.id}`;
  await consumeRateLimit('loginFailures', account, now);
  const valid = customer.passwordHash ? await verifyPassword(customer.passwordHash, password) : false;
  if (!valid) throw new DomainError('invalidPassword');
  await undoRateLimitHit('loginFailures', account);
}
