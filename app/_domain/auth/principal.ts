import type { AddressRow, CustomerRow } from '@/db/schema';
import { DomainError, type DomainErrorCode } from '../shared/errors';

/**
 * Who a request acts for. Every service takes the principal first and the internal id of the
 * customer it acts on, and checks ownership itself (`assertActsFor`), once.
 * - `customer`: a signed-in shopper and the login it came through — a browser session or an API
 *   token family (so "every login but this one" can be revoked).
 * - `admin`: a back-office system holding an admin API key; it may act on every customer.
 */
export type CustomerPrincipal = {
  kind: 'customer';
  customerId: number;
  sessionId?: string;
  familyId?: string;
  /**
   * The customer's row as read by the login check of this request, in the same query (API
   * tokens): a read of the own account needs no second round trip. Never kept beyond the request.
   */
  snapshot?: CustomerRow;
  /** Likewise the customer's address book, when the route asked the check to read it along. */
  addressBook?: AddressRow[];
};

export type AdminPrincipal = { kind: 'admin'; keyId: number };

export type Principal = CustomerPrincipal | AdminPrincipal;

export function customerPrincipal(
  customerId: number,
  login: { sessionId?: string; familyId?: string } = {},
  snapshot?: CustomerRow,
  addressBook?: AddressRow[],
): CustomerPrincipal {
  const principal: CustomerPrincipal = { kind: 'customer', customerId, ...login };
  // Not enumerable: a principal that is logged or compared never shows the rows (or the password hash).
  if (snapshot) Object.defineProperty(principal, 'snapshot', { value: snapshot, enumerable: false });
  if (addressBook) Object.defineProperty(principal, 'addressBook', { value: addressBook, enumerable: false });
  return principal;
}

export function adminPrincipal(keyId: number): AdminPrincipal {
  return { kind: 'admin', keyId };
}

/**
 * Throws `error` (Glue's 411 by default) unless `principal` may act on customer `customerId`.
 * `null` is a customer id no one has (e.g. a reference of another store): always refused, with the
 * same answer as another customer's id, so nothing tells whether a customer exists. An admin key
 * acts on every customer.
 */
export function assertActsFor(principal: Principal, customerId: number | null, error: DomainErrorCode = 'forbidden'): asserts customerId is number {
  if (customerId === null) throw new DomainError(error);
  if (principal.kind === 'customer' && principal.customerId !== customerId) throw new DomainError(error);
}

/** The login a customer principal came through (kept on a password change); none for an admin. */
export function loginOf(principal: Principal): { sessionId?: string; familyId?: string } {
  return principal.kind === 'customer' ? { sessionId: principal.sessionId, familyId: principal.familyId } : {};
}
