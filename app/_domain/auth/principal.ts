import { DomainError, type DomainErrorCode } from '../shared/errors';

/**
 * Who a request acts for. Every service takes the principal first and the internal id of the
 * customer it acts on, and checks ownership itself (`assertActsFor`), once.
 * - `customer`: a signed-in shopper and the login it came through — a browser session or an API
 *   token family (so "every login but this one" can be revoked).
 * - the admin API's key principal joins this union with the admin API.
 */
export type CustomerPrincipal = {
  kind: 'customer';
  customerId: number;
  sessionId?: string;
  familyId?: string;
};

export type Principal = CustomerPrincipal;

export function customerPrincipal(customerId: number, login: { sessionId?: string; familyId?: string } = {}): CustomerPrincipal {
  return { kind: 'customer', customerId, ...login };
}

/**
 * Throws `error` (Glue's 411 by default) unless `principal` may act on customer `customerId`.
 * `null` is a customer id no one has (e.g. a reference of another store): always refused, with the
 * same answer as another customer's id, so nothing tells whether a customer exists.
 */
export function assertActsFor(principal: Principal, customerId: number | null, error: DomainErrorCode = 'forbidden'): asserts customerId is number {
  if (customerId === null || principal.customerId !== customerId) throw new DomainError(error);
}
