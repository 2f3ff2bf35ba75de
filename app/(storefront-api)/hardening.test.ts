import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { cancelEmailChange, confirmEmailChange } from '@/app/_domain/customers/profile';
import { changePassword } from '@/app/_domain/passwords/change';
import { readDevMailbox } from '@/app/_domain/email/mailbox';
import { requestPasswordReset, resetPassword } from '@/app/_domain/passwords/reset';
import { safeReturnPath } from '@/app/_auth/current';
import { refuseUnservable } from '@/server.mjs';
import { customers } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import {
  bearer,
  callRoute,
  createSignedInCustomer,
  document,
  domainErrorOf,
  emailsOfKind,
  emailsTo,
  expectInvalidAccessToken,
  jsonApiRequest,
  linkKey,
  principalOf,
  readError,
  readFieldErrors,
  requestResetKey,
  uniqueEmail,
  type SignedInCustomer,
} from '@/test/support/jsonapi-client';
import { PATCH as patchPassword } from './customer-password/[customerReference]/route';
import { PATCH as restorePassword } from './customer-restore-password/route';
import { POST as postAddress } from './customers/[customerReference]/addresses/route';
import { GET as getCustomer, PATCH as patchCustomer } from './customers/[customerReference]/route';
import { POST as register } from './customers/route';
import { DELETE as deleteRefreshToken } from './refresh-tokens/[refreshToken]/route';

/**
 * The findings of the adversarial review (issue 11), each as a test that failed before the fix:
 * recovery that evicts an attacker, no email relay, no 5xx for hostile text, race-free lock
 * counting, API sign-out, the development mailbox and the address-book cap.
 */

const database = setupTestDatabase();
const db = () => database.handle().db;

afterEach(() => {
  vi.unstubAllEnvs();
});

function patchProfile(customer: SignedInCustomer, attributes: Record<string, unknown>) {
  return callRoute(
    patchCustomer,
    jsonApiRequest(`/customers/${customer.reference}`, document('customers', attributes), { method: 'PATCH', headers: bearer(customer.accessToken) }),
    { customerReference: customer.reference },
  );
}

function readCustomer(customer: SignedInCustomer) {
  return callRoute(getCustomer, jsonApiRequest(`/customers/${customer.reference}`, undefined, { method: 'GET', headers: bearer(customer.accessToken) }), {
    customerReference: customer.reference,
  });
}

async function storedEmail(customer: { id: number }) {
  const [row] = await db().select({ email: customers.email }).from(customers).where(eq(customers.id, customer.id));
  return row!.email;
}

/** The attacker's move: a new email through the API with a stolen token (and, now, the password). */
async function startEmailChange(customer: SignedInCustomer, newEmail: string) {
  const response = await patchProfile(customer, { email: newEmail, password: customer.password });
  expect(response.status).toBe(200);
  const [mail] = await emailsOfKind(newEmail, 'confirm-email-change');
  return linkKey(mail!.textBody, '/email/confirm')!;
}

describe('a pending email change does not survive recovery', () => {
  it('needs the current password over the API: missing is 422/901, wrong is 400/408 and counts toward the lock', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '2');
    const customer = await createSignedInCustomer();
    const attacker = uniqueEmail('attacker');

    expect(await readFieldErrors(await patchProfile(customer, { email: attacker }))).toEqual({ password: 'This field is missing.' });
    const wrong = await patchProfile(customer, { email: attacker, password: 'guess-1' });
    expect(wrong.status).toBe(400);
    expect(await readError(wrong)).toMatchObject({ code: '408' });
    expect((await patchProfile(customer, { email: attacker, password: 'guess-2' })).status).toBe(400);
    const locked = await patchProfile(customer, { email: attacker, password: customer.password });
    expect(locked.status).toBe(429);
    expect(await emailsTo(attacker)).toEqual([]);
  });

  it.each([
    ['a password reset', async (customer: SignedInCustomer) => {
      const key = await requestResetKey(customer.email);
      const response = await callRoute(
        restorePassword,
        jsonApiRequest('/customer-restore-password', document('customer-restore-password', { restorePasswordKey: key, password: 'a-new-password-1', confirmPassword: 'a-new-password-1' }), {
          method: 'PATCH',
        }),
      );
      expect(response.status).toBe(204);
    }],
    ['a password change', async (customer: SignedInCustomer) => {
      await changePassword(principalOf(customer), customer.id, { password: customer.password, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' });
    }],
    ['anonymization', async (customer: SignedInCustomer) => {
      await anonymizeCustomer(principalOf(customer), customer.id);
    }],
  ])('voids the attacker’s confirmation link after %s', async (_, recover) => {
    const customer = await createSignedInCustomer();
    const key = await startEmailChange(customer, uniqueEmail('attacker'));
    await recover(customer);
    expect((await domainErrorOf(confirmEmailChange({ key }))).code).toBe('confirmationKeyInvalid');
  });

  it('mails the old address a cancel link that keeps (or restores) it and ends every login', async () => {
    const customer = await createSignedInCustomer();
    const original = customer.email;
    const attacker = uniqueEmail('attacker');
    const key = await startEmailChange(customer, attacker);
    await confirmEmailChange({ key });
    expect(await storedEmail(customer)).toBe(attacker);

    // The attacker, now holding the address, asks for a reset link there before the victim cancels.
    const attackerResetKey = await requestResetKey(attacker);
    const [notice] = await emailsOfKind(original, 'email-change-notice');
    const cancelKey = linkKey(notice!.textBody, '/email/cancel')!;
    await cancelEmailChange({ key: cancelKey });

    expect(await storedEmail(customer)).toBe(original);
    await expectInvalidAccessToken(await readCustomer(customer));
    expect((await domainErrorOf(restoreWith(attackerResetKey))).code).toBe('resetKeyInvalid');
    expect((await domainErrorOf(cancelEmailChange({ key: cancelKey }))).code).toBe('confirmationKeyInvalid');
  });
});

function restoreWith(key: string) {
  return resetPassword({ key, password: 'attacker-password-1', confirmPassword: 'attacker-password-1' });
}

describe('no mail relay', () => {
  it('limits email changes per account (RATE_LIMIT_EMAILS_PER_ACCOUNT), whatever the addresses', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ACCOUNT', '3');
    const customer = await createSignedInCustomer();
    for (let i = 0; i < 3; i += 1) expect((await patchProfile(customer, { email: uniqueEmail('relay'), password: customer.password })).status).toBe(200);
    const refused = await patchProfile(customer, { email: uniqueEmail('relay'), password: customer.password });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('rate-limits before telling whether the new address is taken', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ACCOUNT', '1');
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    expect((await patchProfile(customer, { email: uniqueEmail('first'), password: customer.password })).status).toBe(200);
    expect((await patchProfile(customer, { email: other.email, password: customer.password })).status).toBe(429);
  });

  it('puts no name in emails to addresses nobody has confirmed', async () => {
    const email = uniqueEmail('fresh');
    const password = 'a-long-password-1';
    const response = await callRoute(
      register,
      jsonApiRequest('/customers', document('customers', { salutation: 'Mr', firstName: 'Trusted', lastName: 'Sender', email, password, confirmPassword: password, acceptedTerms: true })),
    );
    expect(response.status).toBe(201);
    const [mail] = await emailsTo(email);
    expect(mail!.textBody).not.toContain('Trusted');
    expect(mail!.htmlBody).not.toContain('Trusted');

    const customer = await createSignedInCustomer();
    const target = email.replace('fresh', 'target');
    expect((await patchProfile(customer, { firstName: 'Carol', password: customer.password, email: target })).status).toBe(200);
    const sent = await emailsTo(target);
    expect(sent.map((m) => m.kind)).toEqual(['confirm-email-change']);
    expect(sent[0]!.textBody).not.toContain('Carol');
  });

  it.each([
    ['a link', 'Your account is suspended. Verify now at http://evil.example/verify'],
    ['a bare domain', 'visit evil.com now'],
    ['an email address', 'mail me at x@evil.example'],
    ['markup', '<b>Ada</b>'],
  ])('refuses a first name with %s (422/901)', async (_, firstName) => {
    const customer = await createSignedInCustomer();
    expect(await readFieldErrors(await patchProfile(customer, { firstName }))).toEqual({
      firstName: 'This value should not contain a link or an email address.',
    });
  });

  it('still accepts names with dots, apostrophes, hyphens and accents', async () => {
    const customer = await createSignedInCustomer();
    for (const firstName of ['J. R. R.', "O'Brien", 'Anne-Marie', 'Zoë', 'Dr. De']) expect((await patchProfile(customer, { firstName })).status).toBe(200);
  });
});

describe('no 5xx for hostile text', () => {
  it.each([
    ['firstName', { firstName: 'A\u0000da' }],
    ['lastName', { lastName: 'Love\u0007lace' }],
  ])('answers a control character in %s with 422/901 and writes nothing', async (field, attributes) => {
    const customer = await createSignedInCustomer();
    const errors = await readFieldErrors(await patchProfile(customer, attributes));
    expect(errors).toEqual({ [field]: 'This value contains characters that are not allowed.' });
  });

  it('answers a NUL byte in the zipCode of a country without a known postcode format (AE) with 422/901', async () => {
    const customer = await createSignedInCustomer();
    const response = await callRoute(
      postAddress,
      jsonApiRequest(
        `/customers/${customer.reference}/addresses`,
        document('addresses', { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Street', address2: '1', zipCode: 'a\u0000b', city: 'Dubai', iso2Code: 'AE' }),
        { headers: bearer(customer.accessToken) },
      ),
      { customerReference: customer.reference },
    );
    expect(await readFieldErrors(response)).toEqual({ zipCode: 'This value contains characters that are not allowed.' });
  });

  it('answers NUL bytes in address fields with 422/901', async () => {
    const customer = await createSignedInCustomer();
    const response = await callRoute(
      postAddress,
      jsonApiRequest(
        `/customers/${customer.reference}/addresses`,
        document('addresses', {
          salutation: 'Ms',
          firstName: 'Ada',
          lastName: 'Lovelace',
          address1: 'Street',
          address2: '1',
          zipCode: '10115',
          city: 'Ber\u0000lin',
          iso2Code: 'DE',
          company: 'A\u0000CME',
        }),
        { headers: bearer(customer.accessToken) },
      ),
      { customerReference: customer.reference },
    );
    expect(await readFieldErrors(response)).toEqual({
      city: 'This value contains characters that are not allowed.',
      company: 'This value contains characters that are not allowed.',
    });
  });
});

describe('counting current-password guesses', () => {
  it('checks exactly RATE_LIMIT_LOGIN_FAILURES guesses of 40 parallel ones', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '10');
    const customer = await createSignedInCustomer();
    const guess = (i: number) =>
      callRoute(
        patchPassword,
        jsonApiRequest(
          `/customer-password/${customer.reference}`,
          document('customer-password', { password: `wrong-${i}`, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' }),
          { method: 'PATCH', headers: bearer(customer.accessToken) },
        ),
        { customerReference: customer.reference },
      );
    const statuses = (await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });
});

describe('API sign-out', () => {
  it.each(['mine', 'the token itself'])('DELETE /refresh-tokens/{%s} ends the access token at once', async (which) => {
    const customer = await createSignedInCustomer();
    const token = which === 'mine' ? 'mine' : customer.refreshToken;
    const response = await callRoute(
      deleteRefreshToken,
      jsonApiRequest(`/refresh-tokens/${encodeURIComponent(token)}`, undefined, { method: 'DELETE', headers: bearer(customer.accessToken) }),
      { refreshToken: token },
    );
    expect(response.status).toBe(204);
    await expectInvalidAccessToken(await readCustomer(customer));
  });
});

describe('the development mailbox', () => {
  it.each(['staging', 'production', 'preview'])('is off for NODE_ENV=%s without DEV_MAILBOX=1', async (env) => {
    vi.stubEnv('NODE_ENV', env);
    vi.stubEnv('DEV_MAILBOX', '');
    expect(await readDevMailbox()).toBeNull();
  });

  it.each(['development', 'test'])('is on for NODE_ENV=%s', async (env) => {
    vi.stubEnv('NODE_ENV', env);
    expect(await readDevMailbox()).not.toBeNull();
  });
});

describe('limits on what one account stores', () => {
  it('refuses an address beyond MAX_ADDRESSES_PER_CUSTOMER with 422/1001 and writes nothing', async () => {
    vi.stubEnv('MAX_ADDRESSES_PER_CUSTOMER', '2');
    const customer = await createSignedInCustomer();
    const add = () =>
      callRoute(
        postAddress,
        jsonApiRequest(
          `/customers/${customer.reference}/addresses`,
          document('addresses', { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Street', address2: '1', zipCode: '10115', city: 'Berlin', iso2Code: 'DE' }),
          { headers: bearer(customer.accessToken) },
        ),
        { customerReference: customer.reference },
      );
    expect((await add()).status).toBe(201);
    expect((await add()).status).toBe(201);
    const full = await add();
    expect(full.status).toBe(422);
    expect(await readError(full)).toMatchObject({ code: '1001', detail: 'The address book is full. Delete an address to add another.' });
  });
});

describe('forgotten password: the same work for a registered and an unknown address', () => {
  it('runs one write transaction on both paths', async () => {
    const customer = await createSignedInCustomer();
    const spy = vi.spyOn(database.handle().db, 'transaction');
    await requestPasswordReset({ email: customer.email }, { clientIp: '198.51.100.61' });
    expect(spy).toHaveBeenCalledTimes(1);
    await requestPasswordReset({ email: uniqueEmail('nobody') }, { clientIp: '198.51.100.62' });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});

describe('requests Next.js would answer with a 500', () => {
  it.each([
    ['TRACE', '/customers', 405],
    ['CONNECT', '/', 405],
    ['GET', '/customers/%ff', 400],
    ['GET', '/customers/DE--1/addresses/%c0%af', 400],
    ['GET', '/account/%E0%A4%A', 400],
  ])('refuses %s %s with %i before Next.js sees it', (method, url, status) => {
    expect(refuseUnservable(method, url)?.status).toBe(status);
  });

  it('answers the API prefixes with a JSON:API error document', () => {
    const refused = refuseUnservable('GET', '/customers/%ff')!;
    expect(refused.headers['Content-Type']).toBe('application/vnd.api+json');
    expect(JSON.parse(refused.body)).toEqual({ errors: [{ status: 400, detail: 'Malformed URL.' }] });
  });

  it('lets well-formed requests through', () => {
    expect(refuseUnservable('GET', '/customers/%E3%80%82')).toBeNull();
    expect(refuseUnservable('PATCH', '/customer-password?x=%ff')).toBeNull();
  });

  it('turns a non-ASCII return path into a valid Location (GET /login?callbackUrl=/%E3%80%82x)', () => {
    expect(safeReturnPath('/。x')).toBe('/%E3%80%82x');
    expect(safeReturnPath('/%E3%80%82x')).toBe('/%E3%80%82x');
    expect(safeReturnPath('/\uD800')).toBe('/account');
  });
});
