import type { DomainError, DomainErrorCode, FieldError, ValidationCode, ValidationIssue } from '@/app/_domain/shared/errors';
import { countryName } from '@/app/_domain/addresses/countries';

/**
 * The admin API's errors, SCAYLE's shape: `{"errors": [{"errorKey", "message", "context"}]}`,
 * the HTTP status carrying the outcome; every bad field is listed with `context.field` (in the
 * endpoint's names, dotted for nested ones: `recipient.firstName`).
 */

export type AdminErrorObject = { errorKey: string; message: string; context: Record<string, unknown> };

export class AdminApiError extends Error {
  readonly status: number;
  readonly errors: AdminErrorObject[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: AdminErrorObject[], headers: Record<string, string> = {}) {
    super(errors[0]?.message ?? `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }

  static of(status: number, errorKey: string, message: string, context: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    return new AdminApiError(status, [{ errorKey, message, context }], headers);
  }
}

/** Domain field name → the endpoint's field name (a codec's map). */
export type WireName = (field: string) => string;
const sameName: WireName = (field) => field;

const texts: Record<ValidationCode, (params: NonNullable<ValidationIssue['params']>) => string> = {
  missing: () => 'This field is required.',
  blank: () => 'This field must not be blank.',
  type: ({ expected }) => `This field must be of type ${expected === 'bool' ? 'boolean' : (expected ?? 'string')}.`,
  choice: () => 'This value is not one of the allowed values.',
  email: () => 'This value is not a valid email address.',
  isTrue: () => 'This value must be true.',
  date: () => 'This value is not a valid date (YYYY-MM-DD).',
  pastDate: () => 'The date must be in the past.',
  tooShort: ({ min }) => `This value is too short: at least ${min} characters.`,
  tooLong: ({ max }) => `This value is too long: at most ${max}.`,
  commonPassword: () => 'This password is too common (one of the 10,000 most common passwords).',
  country: () => 'This value is not an ISO 3166-1 country code.',
  postcode: ({ country }) => `This postal code is not valid for ${country ? countryName(country) : 'this country'}.`,
  phone: () => 'This value is not a valid phone number.',
  mismatch: () => 'The values do not match.',
  mustConfirm: () => 'This value must be true.',
  controlCharacters: () => 'This value contains control characters.',
  link: () => 'This value must not contain a link or an email address.',
  invalid: () => 'This value is not valid.',
};

export function validationError(field: FieldError, wire: WireName = sameName): AdminErrorObject {
  const { field: name, code, params } = field;
  return { errorKey: 'VALIDATION_ERROR', message: texts[code](params ?? {}), context: { field: wire(name), rule: code, ...params } };
}

type AdminAnswer = { status: number; errorKey: string; message: string; field?: string };

const invalidRequest = (): AdminAnswer => ({ status: 400, errorKey: 'INVALID_REQUEST', message: 'The request is not valid.' });

/** The one table from domain error to the admin API's answer; typed exhaustively. */
const answers: Record<Exclude<DomainErrorCode, 'validation'>, (e: DomainError) => AdminAnswer> = {
  termsNotAccepted: invalidRequest,
  passwordsDontMatch: invalidRequest,
  invalidGender: () => ({ status: 400, errorKey: 'VALIDATION_ERROR', message: 'This value is not one of the allowed values.', field: 'gender' }),
  emailTaken: () => ({ status: 409, errorKey: 'EMAIL_ALREADY_EXISTS', message: 'A customer with this email address already exists.', field: 'email' }),
  referenceKeyTaken: () => ({ status: 409, errorKey: 'REFERENCE_KEY_ALREADY_EXISTS', message: 'This reference key is already in use.', field: 'referenceKey' }),
  unsupportedHash: (e) => ({ status: 400, errorKey: 'UNSUPPORTED_HASH', message: 'This password hash is not supported for the given hashingType.', field: e.fields[0]?.field ?? 'hash' }),
  confirmationKeyInvalid: invalidRequest,
  rateLimited: () => ({ status: 429, errorKey: 'RATE_LIMITED', message: 'Too many requests. Try again later.' }),
  invalidCredentials: invalidRequest,
  unconfirmed: invalidRequest,
  invalidRefreshToken: invalidRequest,
  // The back office acts on every customer: "forbidden" only means the customer is not there.
  customerNotFound: () => ({ status: 404, errorKey: 'CUSTOMER_NOT_FOUND', message: 'The customer was not found.' }),
  forbidden: () => ({ status: 404, errorKey: 'CUSTOMER_NOT_FOUND', message: 'The customer was not found.' }),
  invalidPassword: invalidRequest,
  resetKeyInvalid: invalidRequest,
  addressNotFound: () => ({ status: 404, errorKey: 'ADDRESS_NOT_FOUND', message: 'The address was not found.' }),
  addressLimitReached: () => ({ status: 400, errorKey: 'ADDRESS_LIMIT_REACHED', message: 'The address book is full.' }),
  productNotFound: () => ({ status: 404, errorKey: 'PRODUCT_NOT_FOUND', message: 'The product was not found.' }),
  subscriptionExists: invalidRequest,
  subscriptionNotFound: invalidRequest,
  subscriptionForbidden: invalidRequest,
  subscriptionLimitReached: invalidRequest,
};

/** Every errorKey this API answers with (documented in its OpenAPI description). */
export const ERROR_KEYS = [
  'VALIDATION_ERROR', 'INVALID_PARAMETER', 'INVALID_JSON', 'UNSUPPORTED_HASH', 'ACCESS_DENIED', 'SHOP_NOT_FOUND', 'NOT_FOUND',
  'CUSTOMER_NOT_FOUND', 'ADDRESS_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'EMAIL_ALREADY_EXISTS', 'REFERENCE_KEY_ALREADY_EXISTS',
  'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'ADDRESS_LIMIT_REACHED', 'PRODUCT_NOT_FOUND', 'INVALID_REQUEST', 'INTERNAL_ERROR',
] as const;

export function domainErrorToAdmin(error: DomainError, wire: WireName = sameName): AdminApiError {
  if (error.code === 'validation') return new AdminApiError(400, error.fields.map((f) => validationError(f, wire)));
  const { status, errorKey, message, field } = answers[error.code](error);
  const headers = error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
  return AdminApiError.of(status, errorKey, message, field ? { field: wire(field) } : {}, headers);
}
