import { isDomainError, type DomainError, type DomainErrorCode } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';
import { echoValues, type FormState, type FormValues } from './form-values';
import { formMessage } from './messages';

/** What every server action returns to its form. */
export type ActionState<T = null> =
  | { ok: true; data: T }
  | { ok: false; message?: string; fieldErrors: Record<string, string>; /** What the form may offer next (sign-in: "unconfirmed"). */ code?: string };

export function success<T>(data: T): ActionState<T> {
  return { ok: true, data };
}

function waitText(seconds = 60): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}

/**
 * The one table from domain error to what a form shows, next to which field; typed exhaustively,
 * so a new domain error does not compile until forms have their text.
 */
const formErrors: Record<Exclude<DomainErrorCode, 'validation'>, (e: DomainError) => { field?: string; message: string }> = {
  termsNotAccepted: () => ({ field: 'acceptedTerms', message: 'Please accept the terms and conditions.' }),
  passwordsDontMatch: (e) => ({ field: e.fields[0]?.field ?? 'confirmPassword', message: 'The passwords do not match.' }),
  invalidGender: () => ({ field: 'gender', message: 'Please choose one of the listed options.' }),
  emailTaken: () => ({ field: 'email', message: 'This email address is already registered. Sign in or reset your password.' }),
  confirmationKeyInvalid: () => ({ message: 'This confirmation link is invalid, expired or has already been used.' }),
  rateLimited: (e) => ({ message: `Too many attempts. Please try again in ${waitText(e.retryAfterSeconds)}.` }),
  invalidCredentials: () => ({ message: 'Email or password is incorrect.' }),
  unconfirmed: () => ({ message: 'Please confirm your email address first: open the link in the email we sent you.' }),
  invalidRefreshToken: () => ({ message: 'Your session has ended. Please sign in again.' }),
  customerNotFound: () => ({ message: 'This account was not found.' }),
  forbidden: () => ({ message: 'You are not allowed to do this.' }),
  invalidPassword: () => ({ field: 'password', message: 'The current password is incorrect.' }),
  resetKeyInvalid: () => ({ message: 'This reset link is invalid, expired or has already been used.' }),
  addressNotFound: () => ({ message: 'This address was not found. It may have been deleted.' }),
  addressLimitReached: () => ({ message: 'Your address book is full. Delete an address to add another.' }),
  referenceKeyTaken: () => ({ message: 'This reference key is already in use.' }),
  unsupportedHash: () => ({ message: 'This password hash is not supported.' }),
  productNotFound: () => ({ message: 'This product was not found.' }),
  subscriptionExists: () => ({ field: 'email', message: 'This email address is already on the list for this product.' }),
  subscriptionNotFound: () => ({ message: 'This notification was not found. It may have ended already.' }),
  subscriptionForbidden: () => ({ message: 'You are not allowed to do this.' }),
  subscriptionLimitReached: () => ({ field: 'email', message: 'This email address follows too many products. Unsubscribe from one first.' }),
};

/**
 * Converts a domain error into form state; anything else is a bug, not a user error: it is logged
 * without its secrets and rethrown as a bare error, so Next.js never prints query parameters.
 */
export function toActionState(error: unknown): ActionState<never> {
  if (!isDomainError(error)) {
    logUnexpected('action', error);
    throw new Error('Unexpected error in a server action');
  }
  if (error.code === 'validation') {
    return { ok: false, fieldErrors: Object.fromEntries(error.fields.map((f) => [f.field, formMessage(f)])) };
  }
  const { field, message } = formErrors[error.code](error);
  return field ? { ok: false, fieldErrors: { [field]: message } } : { ok: false, message, fieldErrors: {} };
}

/** Runs a domain call for a server action: its result on success, form state on a domain error. */
export async function runAction<T>(call: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return success(await call());
  } catch (error) {
    return toActionState(error);
  }
}

/**
 * A progressive form's answer: the outcome and the submitted values to show again (passwords left
 * out), numbered after the previous answer (a forged previous state restarts the count).
 */
export function answerForm<T>(previous: unknown, result: ActionState<T>, values: FormValues): FormState<T> {
  const last = typeof previous === 'object' && previous !== null ? (previous as { version?: unknown }).version : 0;
  const version = typeof last === 'number' && Number.isSafeInteger(last) && last >= 0 && last < 1e9 ? last + 1 : 1;
  return { result, values: echoValues(values), version };
}
