import 'server-only';
import { getDb, isUniqueViolation, type Executor } from '@/db/client';
import { deleteCustomerKeys, deleteLiveCustomerKey, insertCustomerKey } from '@/db/queries/customer-keys';
import { selectCustomerByEmail, selectCustomerById, updateCustomerProfile } from '@/db/queries/customers';
import type { CustomerRow } from '@/db/schema';
import { assertActsFor, type Principal } from '../auth/principal';
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
 *   untouched; checks run validation (901) → ownership (411) → gender (414) → email taken (400).
 * - A new email is not written: a single-use 24-hour link goes to the new address and a notice to
 *   the old one; until the link is used the old email stays in force (a deliberate deviation from
 *   Glue). The browser asks for the current password first; the API relies on the access token.
 * - On confirmation the unique index on lower(email) decides; a taken address leaves the key unused.
 */

const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

async function loadActive(customerId: number): Promise<CustomerRow> {
  const customer = await selectCustomerById(getDb(), customerId);
  if (!customer || customer.anonymizedAt || !customer.email) throw new DomainError('forbidden');
  return customer;
}

async function startEmailChange(tx: Executor, customer: CustomerRow, newEmail: string, now: Date): Promise<void> {
  const key = newSecretKey();
  await deleteCustomerKeys(tx, customer.id, 'confirm_email_change');
  await insertCustomerKey(tx, {
    keyHash: hashSecretKey(key),
    customerId: customer.id,
    purpose: 'confirm_email_change',
    newEmail,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  await enqueueEmail(tx, customer.id, confirmEmailChangeEmail({ newEmail, firstName: customer.firstName }, key));
  await enqueueEmail(tx, customer.id, emailChangeNoticeEmail({ email: customer.email!, firstName: customer.firstName }, newEmail));
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
  principal: Principal,
  customerId: number | null,
  input: unknown,
  context: RequestContext,
): Promise<CustomerView> {
  const now = nowOf(context);
  const data = parseInput(customerUpdateSchema, input);
  assertActsFor(principal, customerId);
  if (data.gender !== undefined && data.gender !== null && !isGender(data.gender)) throw new DomainError('invalidGender');
  const customer = await loadActive(customerId);
  const { email, ...profile } = data;
  const changesEmail = email !== undefined && !isSameEmail(customer.email, email);
  if (changesEmail) {
    await assertEmailFree(customer, email);
    await consumeRateLimit('emailsPerAddress', email, now);
  }

  return getDb().transaction(async (tx) => {
    const row = await updateCustomerProfile(tx, customer.id, profile, now);
    if (!row) throw new DomainError('forbidden');
    if (changesEmail) await startEmailChange(tx, customer, email, now);
    return toCustomerView(row);
  });
}

/** The browser's email change: the current password, then the same flow as the API. */
export async function requestEmailChange(principal: Principal, input: unknown, context: RequestContext): Promise<void> {
  const now = nowOf(context);
  const { email, password } = parseInput(emailChangeSchema, input);
  const customer = await loadActive(principal.customerId);
  await assertCurrentPassword(customer, password, now);
  if (isSameEmail(customer.email, email)) return;
  await assertEmailFree(customer, email);
  await consumeRateLimit('emailsPerAddress', email, now);
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
