import 'server-only';
import type { CustomerRow } from '@/db/schema';
import { assertNotRateLimited, countRateLimitHit } from '../rate-limit/service';
import { DomainError } from '../shared/errors';
import { verifyPassword } from './hashing';

/**
 * Throws `invalidPassword` unless `password` is the customer's current password. Wrong guesses
 * count toward the account's sign-in limit, so a stolen session cannot be used to guess the
 * password either (`rateLimited` once the account is locked).
 */
export async function assertCurrentPassword(customer: CustomerRow, password: string, now: Date = new Date()): Promise<void> {
  const account = customer.email ?? `customer:${customer.id}`;
  await assertNotRateLimited('loginFailures', account, now);
  const valid = customer.passwordHash ? await verifyPassword(customer.passwordHash, password) : false;
  if (valid) return;
  await countRateLimitHit('loginFailures', account, now);
  throw new DomainError('invalidPassword');
}
