import 'server-only';
import { getDb } from '@/db/client';
import { selectCustomerById } from '@/db/queries/customers';
import { assertActsFor, type CustomerPrincipal } from '../auth/principal';
import { DomainError } from '../shared/errors';
import { toCustomerView, type CustomerView } from './view';

/**
 * Reading a customer. Another customer's id is answered exactly like one that does not exist,
 * so nothing reveals whether another customer exists.
 */

/** The principal's own customer. */
export async function getOwnCustomer(principal: CustomerPrincipal): Promise<CustomerView> {
  const row = principal.snapshot?.id === principal.customerId ? principal.snapshot : await selectCustomerById(getDb(), principal.customerId);
  if (!row || row.anonymizedAt) throw new DomainError('customerNotFound');
  return toCustomerView(row);
}

/** Customer `customerId`, when the principal may see it; else `customerNotFound` (Glue's 402). */
export async function getCustomer(principal: CustomerPrincipal, customerId: number | null): Promise<CustomerView> {
  assertActsFor(principal, customerId, 'customerNotFound');
  return getOwnCustomer(principal);
}
