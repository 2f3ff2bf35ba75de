import 'server-only';
import type { CustomerRow } from '@/db/schema';
import { DomainError } from '../shared/errors';
import { verifyPassword } from './hashing';

/** Throws `invalidPassword` unless `password` is the customer's current password. */
export async function assertCurrentPassword(customer: CustomerRow, password: string): Promise<void> {
  const valid = customer.passwordHash ? await verifyPassword(customer.passwordHash, password) : false;
  if (!valid) throw new DomainError('invalidPassword');
}
