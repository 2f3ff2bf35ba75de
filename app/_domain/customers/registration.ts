import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb, type Executor } from '@/db/client';
import { deleteCustomerKeys, deleteLiveCustomerKey, insertCustomerKey } from '@/db/queries/customer-keys';
import type { CustomerRow } from '@/db/schema';
import { insertCustomer, selectCustomerByEmail, updateCustomerConfirmed, updateCustomerLastLogin } from '@/db/queries/customers';
import { insertBrowserSession } from '../auth/sessions';
import { enqueueEmail } from '../email/outbox';
import { confirmRegistrationEmail } from '../email/templates';
import { hashPassword, PASSWORD_HASH_TYPE } from '../passwords/hashing';
import { consumeRateLimit } from '../rate-limit/service';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError, passwordsDontMatch } from '../shared/errors';
import { hashSecretKey, newSecretKey } from '../shared/secrets';
import { parseInput } from '../shared/validation';
import { confirmationSchema, isGender, registrationSchema, resendConfirmationSchema } from './schema';
import { toCustomerView, type CustomerView } from './view';

/**
 * Registration and email confirmation.
 * - Checks run in Glue's order: rate limit → field validation (all fields) → terms (413) →
 *   password confirmation (406) → gender (414) → email uniqueness (400).
 * - A taken email is detected by the unique index on lower(email), never by select-then-insert,
 *   so concurrent registrations of one address yield exactly one customer.
 * - The customer, its confirmation key and the email are written in one transaction.
 * - Confirmation keys: 256 random bits, stored as SHA-256, valid 24 hours, deleted on use.
 * - The emailed link also signs the shopper in (`confirmCustomerAndSignIn`): the link reaches only
 *   the mailbox, whose owner could take the account over with a password reset anyway, so it grants
 *   nothing the mailbox does not. The API's confirmation signs nobody in.
 * - Re-sending never tells whether an address is registered, and is rate-limited per address and IP.
 */

const CONFIRMATION_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** A short non-guessable reference safe to show the shopper (the admin API's `publicKey`). */
export function newPublicKey(): string {
  return randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10).toUpperCase();
}

export async function registerCustomer(input: unknown, context: RequestContext): Promise<CustomerView> {
  const now = nowOf(context);
  await consumeRateLimit('signupsPerIp', context.clientIp, now);
  const data = parseInput(registrationSchema, input);
  if (data.acceptedTerms !== true) throw new DomainError('termsNotAccepted');
  if (data.password !== data.confirmPassword) throw passwordsDontMatch('password');
  if (data.gender !== null && !isGender(data.gender)) throw new DomainError('invalidGender');

  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(async (tx) => {
    const row = await insertCustomer(tx, {
      publicKey: newPublicKey(),
      salutation: data.salutation,
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email,
      gender: data.gender,
      dateOfBirth: data.dateOfBirth ?? null,
      passwordHash,
      passwordHashType: PASSWORD_HASH_TYPE,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new DomainError('emailTaken');
    await sendConfirmationLink(tx, row, now);
    return toCustomerView(row);
  });
}

/** Confirms the email of the customer holding `registrationKey`; the key works once. */
export async function confirmCustomer(input: unknown, context: Pick<RequestContext, 'now'>): Promise<CustomerView> {
  const now = nowOf(context);
  const { key: registrationKey } = parseInput(confirmationSchema, input);
  return getDb().transaction(async (tx) => toCustomerView(await useConfirmationKey(tx, registrationKey, now)));
}

/**
 * Confirms the email as `confirmCustomer` does and, in the same transaction, starts a browser
 * session for the customer (`sessionId`; null for a deactivated account, which is confirmed but
 * not signed in). A key that fails (unknown, expired, used) changes nothing and starts nothing.
 */
export async function confirmCustomerAndSignIn(
  input: unknown,
  context: Pick<RequestContext, 'now' | 'userAgent'>,
): Promise<{ customer: CustomerView; sessionId: string | null }> {
  const now = nowOf(context);
  const { key: registrationKey } = parseInput(confirmationSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await useConfirmationKey(tx, registrationKey, now);
    if (!row.isActive) return { customer: toCustomerView(row), sessionId: null };
    const sessionId = await insertBrowserSession(tx, row.id, now, context.userAgent);
    await updateCustomerLastLogin(tx, row.id, now);
    return { customer: toCustomerView(row), sessionId };
  });
}

/** Deletes the live key (so it works once, also under concurrent use) and confirms its customer. */
async function useConfirmationKey(tx: Executor, registrationKey: string, now: Date): Promise<CustomerRow> {
  const key = await deleteLiveCustomerKey(tx, hashSecretKey(registrationKey), 'confirm_registration', now);
  const row = key && (await updateCustomerConfirmed(tx, key.customerId, now));
  if (!row) throw new DomainError('confirmationKeyInvalid');
  return row;
}

/**
 * Sends a new confirmation link when an unconfirmed account exists for the address; answers the
 * same either way. Earlier links of that account stop working.
 */
export async function resendConfirmation(input: unknown, context: RequestContext): Promise<void> {
  const now = nowOf(context);
  await consumeRateLimit('emailsPerIp', context.clientIp, now);
  const { email } = parseInput(resendConfirmationSchema, input);
  await consumeRateLimit('emailsPerAddress', email, now);

  const db = getDb();
  const customer = await selectCustomerByEmail(db, email);
  if (!customer || customer.confirmedAt || customer.anonymizedAt || !customer.email) return;
  await db.transaction(async (tx) => {
    await deleteCustomerKeys(tx, customer.id, 'confirm_registration');
    await sendConfirmationLink(tx, customer, now);
  });
}

/** Stores a new confirmation key (hashed) and queues the email carrying it, in `tx`. */
async function sendConfirmationLink(tx: Executor, customer: CustomerRow, now: Date): Promise<void> {
  const key = newSecretKey();
  await insertCustomerKey(tx, {
    keyHash: hashSecretKey(key),
    customerId: customer.id,
    purpose: 'confirm_registration',
    expiresAt: new Date(now.getTime() + CONFIRMATION_KEY_TTL_MS),
  });
  await enqueueEmail(tx, customer.id, confirmRegistrationEmail({ email: customer.email! }, key));
}
