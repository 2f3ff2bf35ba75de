import 'server-only';
import { getDb } from '@/db/client';
import { selectCustomerById, updateCustomerPassword } from '@/db/queries/customers';
import { assertActsFor, type CustomerPrincipal } from '../auth/principal';
import { revokeCustomerLogins } from '../auth/revocation';
import { enqueueEmail } from '../email/outbox';
import { passwordChangedEmail } from '../email/templates';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError, passwordsDontMatch } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { assertCurrentPassword } from './current-password';
import { hashPassword, PASSWORD_HASH_TYPE } from './hashing';
import { passwordChangeSchema } from './schema';

/**
 * Password change (browser form and PATCH /customer-password[/{ref}]), in Glue's order:
 * validation (901) → ownership (411) → confirmation (406) → current password (408).
 * On success the new argon2id hash is stored, every other session and token family of the
 * customer ends (the caller's own login stays), and a notice without any secret is emailed —
 * all in one transaction.
 */
export async function changePassword(
  principal: CustomerPrincipal,
  customerId: number | null,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<void> {
  const now = nowOf(context);
  const data = parseInput(passwordChangeSchema, input);
  assertActsFor(principal, customerId);
  if (data.newPassword !== data.confirmPassword) throw passwordsDontMatch('newPassword');
  const customer = await selectCustomerById(getDb(), customerId);
  if (!customer || customer.anonymizedAt || !customer.email) throw new DomainError('forbidden');
  await assertCurrentPassword(customer, data.password, now);

  const passwordHash = await hashPassword(data.newPassword);
  await getDb().transaction(async (tx) => {
    await updateCustomerPassword(tx, customer.id, passwordHash, PASSWORD_HASH_TYPE, now);
    await revokeCustomerLogins(customer.id, now, { sessionId: principal.sessionId, familyId: principal.familyId }, tx);
    await enqueueEmail(tx, customer.id, passwordChangedEmail({ email: customer.email!, firstName: customer.firstName }));
  });
}
