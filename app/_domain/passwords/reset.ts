import 'server-only';
import { getDb } from '@/db/client';
import { deleteCustomerKeys, deleteLiveCustomerKey, insertCustomerKey, selectLiveCustomerKey } from '@/db/queries/customer-keys';
import {
  selectCustomerByEmail,
  selectCustomerById,
  updateCustomerConfirmed,
  updateCustomerPassword,
  updateCustomerResetRequested,
} from '@/db/queries/customers';
import { revokeCustomerLogins } from '../auth/revocation';
import { enqueueEmail } from '../email/outbox';
import { passwordChangedEmail, resetPasswordEmail } from '../email/templates';
import { consumeRateLimit, resetRateLimit, touchRateLimitCounter } from '../rate-limit/service';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError, passwordsDontMatch } from '../shared/errors';
import { hashSecretKey, newSecretKey } from '../shared/secrets';
import { parseInput } from '../shared/validation';
import { hashPassword, PASSWORD_HASH_TYPE } from './hashing';
import { forgottenPasswordSchema, passwordResetSchema } from './schema';

/**
 * Forgotten password.
 * - A request answers the same whether or not the address is registered (no enumeration) and is
 *   rate-limited per client IP and per submitted address (counted either way). Both paths do the
 *   same work — one transaction of four statements that commits a write — so their timing does not
 *   tell a registered address from an unknown one.
 * - Reset keys: 256 random bits, stored as SHA-256, valid 1 hour; a new request deletes the
 *   previous key; the statement that uses a key deletes it, so it works once even when two
 *   submissions race. A failed request (validation, mismatch) never uses up a key.
 * - A reset sets the argon2id hash, confirms the email, clears the sign-in failure counter (so a
 *   locked-out shopper can sign in at once), ends every session and token family and emails a
 *   notice — in one transaction. It does not sign the shopper in.
 */

const RESET_KEY_TTL_MS = 60 * 60 * 1000;

export async function requestPasswordReset(input: unknown, context: RequestContext): Promise<void> {
  const now = nowOf(context);
  await consumeRateLimit('emailsPerIp', context.clientIp, now);
  const { email } = parseInput(forgottenPasswordSchema, input);
  await consumeRateLimit('emailsPerAddress', email, now);

  const customer = await selectCustomerByEmail(getDb(), email);
  if (!customer || customer.anonymizedAt || !customer.isActive || !customer.email) {
    await getDb().transaction(async (tx) => {
      await deleteCustomerKeys(tx, 0, 'reset_password');
      await touchRateLimitCounter(tx, 'emailsPerAddress', email);
      await touchRateLimitCounter(tx, 'emailsPerIp', context.clientIp);
      await touchRateLimitCounter(tx, 'emailsPerAddress', email);
    });
    return;
  }
  const key = newSecretKey();
  await getDb().transaction(async (tx) => {
    await deleteCustomerKeys(tx, customer.id, 'reset_password');
    await insertCustomerKey(tx, {
      keyHash: hashSecretKey(key),
      customerId: customer.id,
      purpose: 'reset_password',
      expiresAt: new Date(now.getTime() + RESET_KEY_TTL_MS),
    });
    await updateCustomerResetRequested(tx, customer.id, now);
    await enqueueEmail(tx, customer.id, resetPasswordEmail({ email: customer.email!, firstName: customer.confirmedAt ? customer.firstName : null }, key));
  });
}

/** Whether `key` is a live reset key (the reset page shows its form only then). Uses nothing up. */
export async function isResetKeyValid(key: string, context: Pick<RequestContext, 'now'> = {}): Promise<boolean> {
  if (!key) return false;
  return Boolean(await selectLiveCustomerKey(getDb(), hashSecretKey(key), 'reset_password', nowOf(context)));
}

/** Sets a new password with a reset key: 901 → 406 (mismatch) → 415 (key) → done. */
export async function resetPassword(input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<{ email: string }> {
  const now = nowOf(context);
  const data = parseInput(passwordResetSchema, input);
  if (data.password !== data.confirmPassword) throw passwordsDontMatch('password');
  const passwordHash = await hashPassword(data.password);

  const email = await getDb().transaction(async (tx) => {
    const key = await deleteLiveCustomerKey(tx, hashSecretKey(data.key), 'reset_password', now);
    const customer = key && (await selectCustomerById(tx, key.customerId));
    if (!customer || customer.anonymizedAt || !customer.email) throw new DomainError('resetKeyInvalid');
    await updateCustomerPassword(tx, customer.id, passwordHash, PASSWORD_HASH_TYPE, now);
    await updateCustomerConfirmed(tx, customer.id, now);
    await revokeCustomerLogins(customer.id, now, {}, tx);
    await enqueueEmail(tx, customer.id, passwordChangedEmail({ email: customer.email, firstName: customer.firstName }));
    return customer.email;
  });
  await resetRateLimit('loginFailures', email);
  return { email };
}
