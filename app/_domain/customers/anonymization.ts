import 'server-only';
import { getDb } from '@/db/client';
import { deleteSubscriptionsOfCustomer } from '@/db/queries/availability';
import { deleteCustomerAddresses } from '@/db/queries/customer-addresses';
import { deleteAllCustomerKeys } from '@/db/queries/customer-keys';
import { anonymizeCustomerRow, selectCustomerById } from '@/db/queries/customers';
import { deleteCustomerEmails } from '@/db/queries/email-outbox';
import { assertActsFor, type CustomerPrincipal } from '../auth/principal';
import { revokeCustomerLogins } from '../auth/revocation';
import { assertCurrentPassword } from '../passwords/current-password';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { accountDeletionSchema } from './schema';

/**
 * Account deletion is anonymization: the row and its reference stay for order history, every
 * personal column is cleared (which frees the email for a new registration), pending
 * confirmation/reset/email-change keys, the address book, the back-in-stock subscriptions and
 * every outbox email about the customer are deleted,
 * and every session and token family ends — in one transaction. Running it twice is harmless.
 * It cannot be undone.
 */
async function anonymize(customerId: number, now: Date): Promise<void> {
  await getDb().transaction(async (tx) => {
    const customer = await selectCustomerById(tx, customerId);
    // Back-in-stock subscriptions of the account, and any made for its address as a guest.
    await deleteSubscriptionsOfCustomer(tx, customerId, customer?.email ?? null);
    await anonymizeCustomerRow(tx, customerId, now);
    await deleteAllCustomerKeys(tx, customerId);
    await deleteCustomerEmails(tx, customerId);
    await deleteCustomerAddresses(tx, customerId);
    await revokeCustomerLogins(customerId, now, {}, tx);
  });
}

/** DELETE /customers/{ref}: the access token is the proof. */
export async function anonymizeCustomer(
  principal: CustomerPrincipal,
  customerId: number | null,
  context: Pick<RequestContext, 'now'> = {},
): Promise<void> {
  assertActsFor(principal, customerId);
  await anonymize(customerId, nowOf(context));
}

/** The browser's "delete my account": the current password and an explicit confirmation. */
export async function deleteOwnAccount(principal: CustomerPrincipal, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<void> {
  const now = nowOf(context);
  const { password } = parseInput(accountDeletionSchema, input);
  const customer = await selectCustomerById(getDb(), principal.customerId);
  if (!customer || customer.anonymizedAt) throw new DomainError('forbidden');
  await assertCurrentPassword(customer, password, now);
  await anonymize(customer.id, now);
}
