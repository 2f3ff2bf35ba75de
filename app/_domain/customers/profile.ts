import 'server-only';
import { getDb, isUniqueViolation, type Executor } from '@/db/client';
import { deleteCustomerKeys, deleteLiveCustomerKey, insertCustomerKey } from '@/db/queries/customer-keys';
import { selectCustomerByEmail, selectCustomerById, updateCustomerProfile } from '@/db/queries/customers';
import type { CustomerRow } from '@/db/schema';
import { assertActsFor, type CustomerPrincipal } from '../auth/principal';
import { revokeCustomerLogins } from '../auth/revocation';
import { enqueueEmail } from '../email/outbox';
import { confirmEmailChangeEmail, emailChangeNoticeEmail } from '../email/templates';
import { assertCurrentPassword } from '../passwords/current-password';
import { consumeRateLimit } from '../rate-limit/service';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { hashSecretKey, newSecretKey } from '../shared/secrets';
import { parseInput } from '../shared/validation';
import { customerUpdateSchema, emailChangeConfirmationSchema, emailChangeSchema, isGender } from './schema';
import { toCustomerView, type CustomerView } from './view';

/**
 * Profile changes and email change.
 * - PATCH /customers/{ref} and the profile form share `customerUpdateSchema`; an absent field stays
 *   untouched; checks run validation (901) → ownership (411) → gender (414) → for a new email:
 *   rate limits (429) → current password (408) → email taken (400).
 * - A new email needs the current password, through the browser and the API alike (a stolen
 *   access token alone cannot move the account to another address); wrong guesses count toward
 *   the account's sign-in lock.
 * - A new email is not written: a single-use 24-hour link goes to the new address and a notice to
 *   the old one, whose link (7 days) cancels the change — also one already confirmed — and ends
 *   every login. Until the link is used the old email stays in force (a deliberate deviation from
 *   Glue). Each request is limited per account, per new address and per client IP.
 * - On confirmation the unique index on lower(email) decides; a taken address leaves the key unused.
 * - Recovery (password reset or change, anonymization, signing out everywhere) voids pending changes.
 */

const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
const CANCEL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

async function loadActive(customerId: number): Promise<CustomerRow> {
  const customer = await selectCustomerById(getDb(), customerId);
  if (!customer || customer.anonymizedAt || !customer.email) throw new DomainError('forbidden');
  return customer;
}

async function startEmailChange(tx: Executor, customer: CustomerRow, newEmail: string, now: Date): Promise<void> {
  const key = newSecretKey();
  const cancelKey = newSecretKey();
  await deleteCustomerKeys(tx, customer.id, 'confirm_email_change');
  await insertCustomerKey(tx, {
    keyHash: hashSecretKey(key),
    customerId: customer.id,
    purpose: 'confirm_email_change',
    newEmail,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  await insertCustomerKey(tx, {
    keyHash: hashSecretKey(cancelKey),
    customerId: customer.id,
    purpose: 'cancel_email_change',
    newEmail: customer.email,
    expiresAt: new Date(now.getTime() + CANCEL_TTL_MS),
  });
  // The new address is not confirmed yet: its email carries nothing the requester wrote.
  await enqueueEmail(tx, customer.id, confirmEmailChangeEmail({ newEmail }, key));
  await enqueueEmail(tx, customer.id, emailChangeNoticeEmail({ email: customer.email!, firstName: customer.firstName }, newEmail, cancelKey));
}

/** Limits every email change per account, per new address and per client IP (before anything else is checked). */
async function limitEmailChange(customer: CustomerRow, email: string, context: RequestContext, now: Date): Promise<void> {
  await consumeRateLimit('emailsPerIp', context.clientIp, now);
  await consumeRateLimit('emailsPerAccount', `customer:${customer.id}`, now);
  await consumeRateLimit('emailsPerAddress', email, now);
}

/** Throws `emailTaken` when another customer uses `email` (case-insensitive). */
async function assertEmailFree(customer: CustomerRow, email: string): Promise<void> {
  const other = await selectCustomerByEmail(getDb(), email);
  if (other && other.id !== customer.id) throw new DomainError('emailTaken');
}

function isSameEmail(a: string | null, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}

/** PATCH /customers/{ref} and the profile form. Returns the customer (still with the old email). */
export async function updateCustomer(
  principal: CustomerPrincipal,
  customerId: number | null,
  input: unknown,
  context: RequestContext,
): Promise<CustomerView> {
  const now = nowOf(context);
  const data = parseInput(customerUpdateSchema, input);
  assertActsFor(principal, customerId);
  if (data.gender !== undefined && data.gender !== null && !isGender(data.gender)) throw new DomainError('invalidGender');
  const customer = await loadActive(customerId);
  const { email, password, ...profile } = data;
  const changesEmail = email !== undefined && !isSameEmail(customer.email, email);
  if (changesEmail) {
    if (password === undefined) throw new DomainError('validation', { fields: [{ field: 'password', code: 'missing' }] });
    await limitEmailChange(customer, email, context, now);
    await assertCurrentPassword(customer, password, now);
    await assertEmailFree(customer, email);
  }

  return getDb().transaction(async (tx) => {
    const row = await updateCustomerProfile(tx, customer.id, profile, now);
    if (!row) throw new DomainError('forbidden');
    if (changesEmail) await startEmailChange(tx, customer, email, now);
    return toCustomerView(row);
  });
}

/** The browser's email change: the current password, then the same flow as the API. */
export async function requestEmailChange(principal: CustomerPrincipal, input: unknown, context: RequestContext): Promise<void> {
  const now = nowOf(context);
  const { email, password } = parseInput(emailChangeSchema, input);
  const customer = await loadActive(principal.customerId);
  if (isSameEmail(customer.email, email)) {
    await assertCurrentPassword(customer, password, now);
    return;
  }
  await limitEmailChange(customer, email, context, now);
  await assertCurrentPassword(customer, password, now);
  await assertEmailFree(customer, email);
  await getDb().transaction((tx) => startEmailChange(tx, customer, email, now));
}

/**
 * Uses an email-change link: the new address replaces the old one. An unknown, used or expired
 * key is `confirmationKeyInvalid`; an address taken meanwhile is `emailTaken` (the key stays).
 */
export async function confirmEmailChange(input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<CustomerView> {
  const now = nowOf(context);
  const { key } = parseInput(emailChangeConfirmationSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const row = await deleteLiveCustomerKey(tx, hashSecretKey(key), 'confirm_email_change', now);
      if (!row?.newEmail) throw new DomainError('confirmationKeyInvalid');
      const updated = await updateCustomerProfile(tx, row.customerId, { email: row.newEmail }, now);
      if (!updated) throw new DomainError('confirmationKeyInvalid');
      return toCustomerView(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('emailTaken');
    throw error;
  }
}

/**
 * "This was not me": the link in the notice to the old address. Voids the pending change, puts the
 * old address back if the change was already confirmed (unless another account took it since), and
 * ends every session and token family of the customer. Unknown, used or expired keys are
 * `confirmationKeyInvalid`.
 */
export async function cancelEmailChange(input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<void> {
  const now = nowOf(context);
  const { key } = parseInput(emailChangeConfirmationSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await deleteLiveCustomerKey(tx, hashSecretKey(key), 'cancel_email_change', now);
    if (!row) throw new DomainError('confirmationKeyInvalid');
    const customer = await selectCustomerById(tx, row.customerId);
    if (!customer || customer.anonymizedAt) throw new DomainError('confirmationKeyInvalid');
    await revokeCustomerLogins(customer.id, now, {}, tx);
    await deleteCustomerKeys(tx, customer.id, 'cancel_email_change');
    // A reset link the attacker asked for at their address must not survive the cancellation.
    await deleteCustomerKeys(tx, customer.id, 'reset_password');
    const oldEmail = row.newEmail;
    if (oldEmail && !isSameEmail(customer.email, oldEmail)) {
      const holder = await selectCustomerByEmail(tx, oldEmail);
      if (!holder) await updateCustomerProfile(tx, customer.id, { email: oldEmail }, now);
    }
  });
}
