/**
 * What a violated rule says, in the domain's words: a code and its parameters, never a display
 * text. Each transport turns these into its own texts (Glue's Symfony messages, shopper-friendly
 * form messages, the admin API's error keys).
 */
export type ValidationCode =
  | 'missing'
  | 'blank'
  | 'type'
  | 'choice'
  | 'email'
  | 'isTrue'
  | 'date'
  | 'pastDate'
  | 'tooShort'
  | 'tooLong'
  | 'commonPassword'
  | 'country'
  | 'postcode'
  | 'phone'
  | 'mismatch'
  | 'mustConfirm'
  | 'controlCharacters'
  | 'link'
  | 'invalid';

export type IssueParams = {
  /** `type`: the expected type (`string`, `boolean`, `number`, `object`, `array`). */
  expected?: string;
  /** `tooShort` / `tooLong`: the limit, in Unicode code points. */
  min?: number;
  max?: number;
  /** `postcode`: the ISO alpha-2 country the value was checked against. */
  country?: string;
  /** `mismatch`: the domain field this one should equal. */
  other?: string;
};

export type ValidationIssue = { code: ValidationCode; params?: IssueParams };

/** A violated rule of one input field; `field` is the domain's name (the column name). */
export type FieldError = ValidationIssue & { field: string };

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
  | 'addressNotFound'
  | 'addressLimitReached'
  | 'referenceKeyTaken'
  | 'unsupportedHash'
  | 'productNotFound'
  | 'subscriptionExists'
  | 'subscriptionNotFound'
  | 'subscriptionForbidden'
  | 'subscriptionLimitReached';

type DomainErrorOptions = { fields?: FieldError[]; retryAfterSeconds?: number };

/**
 * The one error type of the domain layer. Transports translate it at their edge, each with an
 * exhaustive table (`app/_transport/glue/errors.ts`, `app/_transport/forms/action-state.ts`).
 * `fields` lists every bad field of a `validation` error, or the field another error is about
 * (e.g. `passwordsDontMatch`: the confirmation field, with `params.other` naming the password).
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

/** `passwordsDontMatch` for `confirmField`, which should equal `passwordField`. */
export function passwordsDontMatch(passwordField: string, confirmField = 'confirmPassword'): DomainError {
  return new DomainError('passwordsDontMatch', { fields: [{ field: confirmField, code: 'mismatch', params: { other: passwordField } }] });
}
