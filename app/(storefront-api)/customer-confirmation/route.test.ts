import { desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { confirmCustomer, registerCustomer, resendConfirmation } from '@/app/_domain/customers/registration';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import {
  callRoute,
  document,
  jsonApiRequest,
  readErrors,
  readFieldErrors,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { customers, emailOutbox } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE, GET, PATCH, POST, PUT } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const CLIENT = { clientIp: '203.0.113.7' };
const KEY_INVALID = {
  status: 422,
  code: '423',
  detail: 'This email confirmation code is invalid or has been already used.',
};

let sequence = 0;
function uniqueEmail(name = 'ada'): string {
  sequence += 1;
  return `${name}.${sequence}@example.com`;
}

/** Registers a new customer through the domain; returns the address and the key from the queued email. */
async function registerUnconfirmed(now?: Date): Promise<{ email: string; key: string }> {
  const email = uniqueEmail();
  await registerCustomer(
    {
      salutation: 'Ms',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email,
      password: 'analytical-engine',
      confirmPassword: 'analytical-engine',
      acceptedTerms: true,
    },
    { ...CLIENT, ...(now ? { now } : {}) },
  );
  return { email, key: await latestKey(email) };
}

function emailsTo(email: string) {
  return db()
    .select()
    .from(emailOutbox)
    .where(sql`lower(${emailOutbox.toAddress}) = ${email.trim().toLowerCase()}`)
    .orderBy(desc(emailOutbox.id));
}

/** The registrationKey in the newest confirmation email to `email` (the `key` parameter of its link). */
async function latestKey(email: string): Promise<string> {
  const [message] = await emailsTo(email);
  if (!message) throw new Error(`no email queued for ${email}`);
  const match = /\/register\/confirm\?key=([^\s"<&]+)/.exec(message.textBody);
  if (!match) throw new Error(`no confirmation link in: ${message.textBody}`);
  return decodeURIComponent(match[1]!);
}

async function customerRow(email: string) {
  const [row] = await db().select().from(customers).where(eq(customers.email, email));
  if (!row) throw new Error(`no customer ${email}`);
  return row;
}

function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/customer-confirmation', body, { headers }));
}

function confirm(attributes: Record<string, unknown>): Promise<Response> {
  return post(document('customer-confirmation', attributes));
}

async function expectKeyInvalid(response: Response): Promise<void> {
  expect(response.status).toBe(422);
  const errors = await readErrors(response);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject(KEY_INVALID);
}

/** The DomainError `promise` rejects with (fails when it resolves or rejects with anything else). */
async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('POST /customer-confirmation', () => {
  it('answers 204 with an empty body and marks the customer confirmed', async () => {
    const { email, key } = await registerUnconfirmed();
    expect((await customerRow(email)).confirmedAt).toBeNull();
    const before = Date.now();

    const response = await confirm({ registrationKey: key });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const { confirmedAt } = await customerRow(email);
    expect(confirmedAt).toBeInstanceOf(Date);
    expect(confirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(confirmedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('answers 422/423 when the key is used a second time, and keeps the first confirmation time', async () => {
    const { email, key } = await registerUnconfirmed();
    expect((await confirm({ registrationKey: key })).status).toBe(204);
    const { confirmedAt } = await customerRow(email);

    await expectKeyInvalid(await confirm({ registrationKey: key }));
    expect((await customerRow(email)).confirmedAt).toEqual(confirmedAt);
  });

  it.each([
    ['a random key', 'eW91LXdpbGwtbmV2ZXItZ3Vlc3MtdGhpcy1rZXktYWJj'],
    ['a short key', 'nope'],
  ])('answers 422/423 for %s', async (_, registrationKey) => {
    await expectKeyInvalid(await confirm({ registrationKey }));
  });

  it('answers 422/423 for a registered key with one character changed, and confirms nobody', async () => {
    const { email, key } = await registerUnconfirmed();
    const altered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    await expectKeyInvalid(await confirm({ registrationKey: altered }));
    expect((await customerRow(email)).confirmedAt).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['null', null],
  ])('answers 422/901 "registrationKey => This value should not be blank." for a key that is %s', async (_, registrationKey) => {
    const response = await confirm({ registrationKey });
    expect(await readFieldErrors(response)).toEqual({ registrationKey: 'This value should not be blank.' });
  });

  it('answers 422/901 "registrationKey => This field is missing." without a key', async () => {
    const response = await confirm({});
    expect(await readFieldErrors(response)).toEqual({ registrationKey: 'This field is missing.' });
  });

  it('answers 415 for Content-Type text/plain and for a missing Content-Type', async () => {
    const body = document('customer-confirmation', { registrationKey: 'x' });
    const plain = await post(body, { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    await readErrors(plain);
    const missing = await post(body, { 'Content-Type': null });
    expect(missing.status).toBe(415);
    await readErrors(missing);
  });

  it.each([
    ['malformed JSON', '{"data":'],
    ['no data', JSON.stringify({})],
    ['an array body', JSON.stringify([])],
    ['attributes not an object', JSON.stringify({ data: { type: 'customer-confirmation', attributes: 'key' } })],
  ])('answers 400 "Post data is invalid." for %s', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
  });

  it('answers 400 "Invalid type." for another resource type', async () => {
    const response = await post(document('customers', { registrationKey: 'x' }));
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Invalid type.' }]);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const response = await confirm({ registrationKey: 'x'.repeat(65 * 1024) });
    expect(response.status).toBe(413);
    await readErrors(response);
  });

  it('does not use up the key when the request fails on its format', async () => {
    const { email, key } = await registerUnconfirmed();
    const body = document('customer-confirmation', { registrationKey: key });
    expect((await post(body, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post(document('customers', { registrationKey: key }))).status).toBe(400);
    expect((await customerRow(email)).confirmedAt).toBeNull();
    expect((await confirm({ registrationKey: key })).status).toBe(204);
  });

  it('lets exactly one of two concurrent confirmations with the same key succeed', async () => {
    const { email, key } = await registerUnconfirmed();
    const responses = await Promise.all([confirm({ registrationKey: key }), confirm({ registrationKey: key })]);

    expect(responses.map((r) => r.status).sort()).toEqual([204, 422]);
    await expectKeyInvalid(responses.find((r) => r.status === 422)!);
    expect((await customerRow(email)).confirmedAt).not.toBeNull();
  });

  it.each([
    ['GET', GET],
    ['PATCH', PATCH],
    ['DELETE', DELETE],
    ['PUT', PUT],
  ] as const)('answers %s with a JSON:API 405 and an Allow header listing POST', async (method, handler) => {
    const response = await callRoute(handler, jsonApiRequest('/customer-confirmation', undefined, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')?.split(',').map((m) => m.trim())).toEqual(['POST', 'OPTIONS']);
    expect(await readErrors(response)).toHaveLength(1);
  });
});

describe('confirmCustomer: key lifetime of 24 hours', () => {
  const registeredAt = new Date('2025-03-10T08:00:00.000Z');

  it('rejects a key 24 hours and 1 second after registration with confirmationKeyInvalid', async () => {
    const { email, key } = await registerUnconfirmed(registeredAt);

    const error = await domainErrorOf(
      confirmCustomer({ key }, { now: new Date(registeredAt.getTime() + DAY_MS + 1000) }),
    );

    expect(error.code).toBe('confirmationKeyInvalid');
    expect((await customerRow(email)).confirmedAt).toBeNull();
  });

  it('accepts a key 1 second before it expires', async () => {
    const { email, key } = await registerUnconfirmed(registeredAt);
    const now = new Date(registeredAt.getTime() + DAY_MS - 1000);

    const view = await confirmCustomer({ key }, { now });

    expect(view.isConfirmed).toBe(true);
    expect(view.email).toBe(email);
    expect((await customerRow(email)).confirmedAt).toEqual(now);
  });

  it('answers an expired key through the route with 422/423', async () => {
    // Registered more than a day ago on the real clock the route uses.
    const { key } = await registerUnconfirmed(new Date(Date.now() - DAY_MS - 1000));
    await expectKeyInvalid(await confirm({ registrationKey: key }));
  });
});

describe('resendConfirmation', () => {
  beforeEach(() => {
    // The contract's default: 5 emails per address and hour.
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', undefined);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('queues a new email for an unconfirmed account; the old key stops working and the new one works', async () => {
    const { email, key: oldKey } = await registerUnconfirmed();

    await expect(resendConfirmation({ email }, CLIENT)).resolves.toBeUndefined();

    const emails = await emailsTo(email);
    expect(emails).toHaveLength(2);
    expect(emails[0]!.toAddress).toBe(email);
    expect(emails[0]!.textBody).toContain('https://shop.example.test/register/confirm?key=');
    expect(emails[0]!.htmlBody).toContain('https://shop.example.test/register/confirm?key=');
    const newKey = await latestKey(email);
    expect(newKey).not.toBe(oldKey);

    await expectKeyInvalid(await confirm({ registrationKey: oldKey }));
    expect((await confirm({ registrationKey: newKey })).status).toBe(204);
    expect((await customerRow(email)).confirmedAt).not.toBeNull();
  });

  it('finds the account whatever the case and surrounding spaces of the submitted email', async () => {
    const { email } = await registerUnconfirmed();

    await resendConfirmation({ email: `  ${email.toUpperCase()} ` }, CLIENT);

    const emails = await emailsTo(email);
    expect(emails).toHaveLength(2);
    expect(emails[0]!.toAddress).toBe(email);
  });

  it('queues nothing for an unknown email and resolves without an error', async () => {
    const before = await db().$count(emailOutbox);
    await expect(resendConfirmation({ email: uniqueEmail('nobody') }, CLIENT)).resolves.toBeUndefined();
    expect(await db().$count(emailOutbox)).toBe(before);
  });

  it('queues nothing for a confirmed account and resolves without an error', async () => {
    const { email, key } = await registerUnconfirmed();
    expect((await confirm({ registrationKey: key })).status).toBe(204);
    const before = await db().$count(emailOutbox);

    await expect(resendConfirmation({ email }, CLIENT)).resolves.toBeUndefined();

    expect(await db().$count(emailOutbox)).toBe(before);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  describe('rate limit per address (default 5 per hour)', () => {
    const start = new Date('2025-06-01T12:00:00.000Z');
    const at = (ms: number) => ({ clientIp: `192.0.2.${(ms / 1000) % 250}`, now: new Date(start.getTime() + ms) });

    it('throws rateLimited on the 6th request for a registered address, from any IP, and queues nothing', async () => {
      const { email } = await registerUnconfirmed(start);
      for (let i = 0; i < 5; i += 1) await resendConfirmation({ email }, at(i * 1000));
      expect(await emailsTo(email)).toHaveLength(6);

      const error = await domainErrorOf(resendConfirmation({ email }, at(5000)));

      expect(error.code).toBe('rateLimited');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(3600);
      expect(await emailsTo(email)).toHaveLength(6);
    });

    it('throws rateLimited on the 6th request for an unknown address too', async () => {
      const email = uniqueEmail('nobody');
      for (let i = 0; i < 5; i += 1) {
        await expect(resendConfirmation({ email }, at(i * 1000))).resolves.toBeUndefined();
      }

      const error = await domainErrorOf(resendConfirmation({ email }, at(5000)));

      expect(error.code).toBe('rateLimited');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('counts the address trimmed and lower-cased, and other addresses separately', async () => {
      const email = uniqueEmail('mixed');
      const spellings = [email, email.toUpperCase(), ` ${email} `, email, `${email.toUpperCase()}  `];
      for (const spelling of spellings) await resendConfirmation({ email: spelling }, at(0));

      expect((await domainErrorOf(resendConfirmation({ email }, at(0)))).code).toBe('rateLimited');
      await expect(resendConfirmation({ email: uniqueEmail('other') }, at(0))).resolves.toBeUndefined();
    });

    it('allows requests again once the hour is over, and not before', async () => {
      const { email } = await registerUnconfirmed(start);
      for (let i = 0; i < 5; i += 1) await resendConfirmation({ email }, at(0));
      expect((await domainErrorOf(resendConfirmation({ email }, at(0)))).code).toBe('rateLimited');

      const justBefore = await domainErrorOf(resendConfirmation({ email }, at(HOUR_MS - 1000)));
      expect(justBefore.code).toBe('rateLimited');
      expect(justBefore.retryAfterSeconds).toBe(1);

      const queued = (await emailsTo(email)).length;
      await expect(resendConfirmation({ email }, at(HOUR_MS))).resolves.toBeUndefined();
      expect(await emailsTo(email)).toHaveLength(queued + 1);
    });
  });
});
