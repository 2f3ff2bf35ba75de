/** A violated rule of one input field; `field` is the attribute name shared by forms and the API. */
export type FieldError = { field: string; message: string };

export type DomainErrorCode =
  | 'validation'
  | 'termsNotAccepted'
  | 'passwordsDontMatch'
  | 'invalidGender'
  | 'emailTaken'
  | 'confirmationKeyInvalid'
  | 'rateLimited'
  | 'invalidCredentials'
  | 'unconfirmed'
  | 'invalidRefreshToken'
  | 'customerNotFound'
  | 'forbidden'
  | 'invalidPassword'
  | 'resetKeyInvalid'
  | 'addressNotFound';

type DomainErrorOptions = { fields?: FieldError[]; retryAfterSeconds?: number };

/**
 * The one error type of the domain layer. Transports translate it at their edge:
 * JSON:API handlers to Glue codes (`app/_lib/jsonapi-errors.ts`), server actions to form state.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
