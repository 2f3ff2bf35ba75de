import 'server-only';
import { getDb } from '@/db/client';
import { selectCustomerById } from '@/db/queries/customers';
import type { Actor } from '../auth/actor';
import { DomainError } from '../shared/errors';
import { parseCustomerReference } from './reference';
import { toCustomerView, type CustomerView } from './view';

/**
 * Reading the signed-in customer. A reference that is not the actor's own is answered exactly
 * like one that does not exist, so nothing reveals whether another customer exists.
 */

export async function getOwnCustomer(actor: Actor): Promise<CustomerView> {
  const row = await selectCustomerById(getDb(), actor.customerId);
  if (!row || row.anonymizedAt) throw new DomainError('customerNotFound');
  return toCustomerView(row);
}

/** GET /customers/{reference}: the actor's own customer, else `customerNotFound`. */
export async function getCustomer(actor: Actor, reference: string): Promise<CustomerView> {
  if (parseCustomerReference(reference) !== actor.customerId) throw new DomainError('customerNotFound');
  return getOwnCustomer(actor);
}

/** Throws `forbidden` (Glue 411) unless `reference` is the actor's own. */
export function assertOwnReference(actor: Actor, reference: string): void {
  if (parseCustomerReference(reference) !== actor.customerId) throw new DomainError('forbidden');
}
