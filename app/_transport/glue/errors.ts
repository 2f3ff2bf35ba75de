import type { DomainError, DomainErrorCode, FieldError } from '@/app/_domain/shared/errors';
import { glueMessage } from './messages';

export type ErrorObject = {
  status: number;
  code?: string;
  detail: string;
  source?: { pointer: string } | { parameter: string };
};

export class JsonApiError extends Error {
  readonly status: number;
  readonly errors: ErrorObject[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: ErrorObject[], headers: Record<string, string> = {}) {
    super(errors[0]?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }

  static of(
    status: number,
    detail: string,
    code?: string,
    headers?: Record<string, string>,
    source?: ErrorObject['source'],
  ): JsonApiError {
    return new JsonApiError(status, [{ status, ...(code ? { code } : {}), detail, ...(source ? { source } : {}) }], headers);
  }
}

/** Domain field name → attribute name on the wire (a codec's field map, inverted). */
export type WireName = (field: string) => string;
const sameName: WireName = (field) => field;

type GlueError = { status: number; code: string; detail: string; field?: string };

/**
 * The one table from domain error to Glue's status, code and text; typed exhaustively, so a new
 * domain error does not compile until it has its Glue answer.
 */
const glue: Record<Exclude<DomainErrorCode, 'validation'>, (e: DomainError, wire: WireName) => GlueError> = {
  termsNotAccepted: () => ({ status: 400, code: '413', detail: 'Terms and Conditions was not accepted.', field: 'acceptedTerms' }),
  passwordsDontMatch: (e, wire) => {
    const confirm = e.fields[0] ?? { field: 'confirmPassword', params: { other: 'password' } };
    const password = wire(confirm.params?.other ?? 'password');
    const field = wire(confirm.field);
    return { status: 422, code: '406', detail: `Value in field ${password} should be identical to value in the ${field} field.`, field };
  },
  invalidGender: () => ({ status: 422, code: '414', detail: 'Gender is not valid.', field: 'gender' }),
  emailTaken: () => ({ status: 422, code: '400', detail: 'Customer with the same email address already exists.', field: 'email' }),
  confirmationKeyInvalid: (_e, wire) => ({
    status: 422,
    code: '423',
    detail: 'This email confirmation code is invalid or has been already used.',
    field: wire('key'),
  }),
  rateLimited: () => ({ status: 429, code: '4401', detail: 'Too many attempts. Try again later.' }),
  // Wrong email, wrong password and unconfirmed account answer byte-identically.
  invalidCredentials: () => ({ status: 401, code: '003', detail: 'Failed to authenticate user.' }),
  unconfirmed: () => ({ status: 401, code: '003', detail: 'Failed to authenticate user.' }),
  invalidRefreshToken: () => ({ status: 401, code: '004', detail: 'Failed to refresh token.' }),
  customerNotFound: () => ({ status: 404, code: '402', detail: 'Customer not found.' }),
  forbidden: () => ({ status: 403, code: '411', detail: 'Unauthorized request.' }),
  invalidPassword: () => ({ status: 400, code: '408', detail: 'Invalid password.', field: 'password' }),
  resetKeyInvalid: (_e, wire) => ({ status: 422, code: '415', detail: 'Restore password key is not valid.', field: wire('key') }),
  addressNotFound: () => ({ status: 404, code: '404', detail: 'Address was not found.' }),
  // Our own code (Glue has no limit): the address book is full.
  addressLimitReached: () => ({ status: 422, code: '1001', detail: 'The address book is full. Delete an address to add another.' }),
  // Admin API only (reference keys and password hashes are not storefront attributes).
  referenceKeyTaken: () => ({ status: 422, code: '901', detail: 'This reference key is already in use.' }),
  unsupportedHash: () => ({ status: 422, code: '901', detail: 'This password hash is not supported.' }),
  productNotFound: () => ({ status: 404, code: '4601', detail: 'Product not found.', field: 'sku' }),
  subscriptionExists: () => ({ status: 422, code: '4602', detail: 'Subscription already exists.' }),
  subscriptionNotFound: () => ({ status: 404, code: '4603', detail: "Subscription doesn't exist." }),
  subscriptionForbidden: () => ({ status: 403, code: '4606', detail: 'Unauthorized request.' }),
  // Our own code (Glue has no limit): one address follows at most MAX_SUBSCRIPTIONS_PER_ADDRESS products.
  subscriptionLimitReached: () => ({ status: 422, code: '1002', detail: 'This email address follows too many products. Unsubscribe from one first.' }),
};

/** Every 401 tells the client how to authenticate. */
export const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Bearer realm="Access to shop API"' };

const pointer = (field: string) => ({ pointer: `/data/attributes/${field.replace(/\./g, '/')}` });

function validationError(field: FieldError, wire: WireName): ErrorObject {
  const name = wire(field.field);
  return { status: 422, code: '901', detail: `${name} => ${glueMessage(field)}`, source: pointer(name) };
}

/** A DomainError as Glue answers it; `wire` renames domain fields to the endpoint's attributes. */
export function domainErrorToJsonApi(error: DomainError, wire: WireName = sameName): JsonApiError {
  if (error.code === 'validation') return new JsonApiError(422, error.fields.map((f) => validationError(f, wire)));
  const { field, ...object } = glue[error.code](error, wire);
  const headers: Record<string, string> = {
    ...(error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : {}),
    ...(object.status === 401 ? WWW_AUTHENTICATE : {}),
  };
  return new JsonApiError(object.status, [{ ...object, ...(field ? { source: pointer(field) } : {}) }], headers);
}
