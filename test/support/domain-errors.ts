import type { DomainErrorCode } from '@/app/_domain/shared/errors';

/** Every domain error code, so each transport's tests can check that their table covers them all. */
export const everyCode = {
  validation: null,
  termsNotAccepted: null,
  passwordsDontMatch: null,
  invalidGender: null,
  emailTaken: null,
  confirmationKeyInvalid: null,
  rateLimited: null,
  invalidCredentials: null,
  unconfirmed: null,
  invalidRefreshToken: null,
  customerNotFound: null,
  forbidden: null,
  invalidPassword: null,
  resetKeyInvalid: null,
  addressNotFound: null,
  addressLimitReached: null,
  referenceKeyTaken: null,
  unsupportedHash: null,
  productNotFound: null,
  subscriptionExists: null,
  subscriptionNotFound: null,
  subscriptionForbidden: null,
  subscriptionLimitReached: null,
} satisfies Record<DomainErrorCode, null>;
