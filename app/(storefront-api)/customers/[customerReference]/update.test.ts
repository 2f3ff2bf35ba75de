import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { confirmEmailChange, requestEmailChange } from '@/app/_domain/customers/profile';
import { registerCustomer } from '@/app/_domain/customers/registration';
import {
  bearer,
  callRoute,
  createCustomer,
  createSignedInCustomer,
  document,
  domainErrorOf,
  emailsTo,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  JSONAPI,
  jsonApiRequest,
  linkKey,
  readError,
  readErrors,
  readFieldErrors,
  readJsonApi,
  uniqueEmail,
  type SignedInCustomer,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { customerKeys, customers, emailOutbox, type CustomerRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE as deleteWithoutReference, PATCH as patchWithoutReference } from '../route';
import { GET, PATCH } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const DAY_MS = 24 * 60 * 60 * 1000;
const GLUE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
const FORBIDDEN = { status: 403, code: '411', detail: 'Unauthorized request.' };
const EMAIL_TAKEN = { status: 422, code: '400', detail: 'Customer with the same email address already exists.' };
const CONFIRM_LINK = `${APP_URL}/email/confirm?key=`;

type Attributes = Record<string, unknown>;
type CustomerDocument = {
  data: { type: string; id: string; attributes: Attributes; links: { self: string } };
  links: { self: string };
};

function patch(reference: string, body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(
    PATCH,
    jsonApiRequest(`/customers/${encodeURIComponent(reference)}`, body, { method: 'PATCH', headers }),
    { customerReference: reference },
  );
}

/** PATCH /customers/{the customer's own reference} with the customer's own token. */
function update(customer: SignedInCustomer, attributes: Attributes, reference = customer.reference): Promise<Response> {
  return patch(reference, document('customers', attributes), bearer(customer.accessToken));
}

function getCustomer(customer: SignedInCustomer): Promise<Response> {
  return callRoute(
    GET,
    jsonApiRequest(`/customers/${customer.reference}`, undefined, { method: 'GET', headers: bearer(customer.accessToken) }),
    { customerReference: customer.reference },
  );
}

async function row(customer: TestCustomer): Promise<CustomerRow> {
  const [found] = await db().select().from(customers).where(eq(customers.id, customer.id));
  if (!found) throw new Error(`no customer ${customer.id}`);
  return found;
}

/** Fills every profile column, so a test can see which ones a request touched. */
async function withFullProfile(customer: SignedInCustomer): Promise<CustomerRow> {
  await db()
    .update(customers)
    .set({ gender: 'Male', dateOfBirth: '1980-05-05', title: 'Prof.', phone: '+4930123456', company: 'ACME GmbH' })
    .where(eq(customers.id, customer.id));
  return row(customer);
}

function emailChangeKeys(customer: TestCustomer) {
  return db()
    .select()
    .from(customerKeys)
    .where(and(eq(customerKeys.customerId, customer.id), eq(customerKeys.purpose, 'confirm_email_change')));
}

/** The key of the newest email-change link sent to `address`. */
async function emailChangeKey(address: string): Promise<string> {
  const [message] = (await emailsTo(address)).filter((m) => m.kind === 'confirm-email-change');
  if (!message) throw new Error(`no email-change link sent to ${address}`);
  const key = linkKey(message.textBody, '/email/confirm');
  if (!key) throw new Error(`no key in the message to ${address}`);
  return key;
}

function actorOf(customer: TestCustomer) {
  return principalOf(customer);
}

function tomorrow(): string {
  return new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
}

async function expectForbidden(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(await readErrors(response)).toEqual([FORBIDDEN]);
}

async function expectEmailTaken(response: Response): Promise<void> {
  expect(response.status).toBe(422);
  expect(await readError(response)).toMatchObject(EMAIL_TAKEN);
}

/** Everything but `updatedAt`, which any successful PATCH moves. */
function withoutUpdatedAt(customer: CustomerRow): Omit<CustomerRow, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = customer;
  return rest;
}

describe('PATCH /customers/{customerReference}', () => {
  it('answers 200 with the full updated resource, links built from APP_URL, and GET shows the same', async () => {
    const customer = await createSignedInCustomer();
    const attributes = { salutation: 'Dr', firstName: 'Grace', lastName: 'Hopper', gender: 'Female', dateOfBirth: '1906-12-09' };

    const response = await update(customer, attributes);

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body).toEqual({
      data: {
        type: 'customers',
        id: customer.reference,
        attributes: {
          ...attributes,
          email: customer.email,
          createdAt: expect.stringMatching(GLUE_TIMESTAMP),
          updatedAt: expect.stringMatching(GLUE_TIMESTAMP),
        },
        links: { self: `${APP_URL}/customers/${customer.reference}` },
      },
      links: { self: `${APP_URL}/customers/${customer.reference}` },
    });
    const fetched = await readJsonApi<CustomerDocument>(await getCustomer(customer));
    expect(fetched.data.attributes).toEqual(body.data.attributes);
    expect(await row(customer)).toMatchObject(attributes);
  });

  it('moves updatedAt and keeps createdAt', async () => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    const response = await update(customer, { firstName: 'Grace' });

    expect(response.status).toBe(200);
    const after = await row(customer);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it.each<[string, Attributes]>([
    ['salutation', { salutation: 'Mr' }],
    ['firstName', { firstName: 'Grace' }],
    ['lastName', { lastName: 'Hopper' }],
    ['gender', { gender: 'Diverse' }],
    ['dateOfBirth', { dateOfBirth: '1990-01-31' }],
    ['firstName and lastName', { firstName: 'Grace', lastName: 'Hopper' }],
    ['salutation, gender and dateOfBirth', { salutation: 'Mrs', gender: 'Female', dateOfBirth: '1970-07-07' }],
  ])('changes only %s and keeps every other column as stored', async (_, attributes) => {
    const customer = await createSignedInCustomer();
    const before = await withFullProfile(customer);

    const response = await update(customer, attributes);

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.data.attributes).toMatchObject(attributes);
    expect(withoutUpdatedAt(await row(customer))).toEqual(withoutUpdatedAt({ ...before, ...attributes }));
  });

  it('answers an empty attributes object with 200 and changes no column', async () => {
    const customer = await createSignedInCustomer();
    const before = await withFullProfile(customer);

    const response = await update(customer, {});

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.data.attributes).toMatchObject({ gender: 'Male', dateOfBirth: '1980-05-05', firstName: 'Ada' });
    expect(withoutUpdatedAt(await row(customer))).toEqual(withoutUpdatedAt(before));
  });

  it('clears gender and dateOfBirth with null and keeps the rest', async () => {
    const customer = await createSignedInCustomer();
    const before = await withFullProfile(customer);

    const response = await update(customer, { gender: null, dateOfBirth: null });

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.data.attributes).toMatchObject({ gender: null, dateOfBirth: null, firstName: 'Ada', lastName: 'Lovelace' });
    expect(withoutUpdatedAt(await row(customer))).toEqual(withoutUpdatedAt({ ...before, gender: null, dateOfBirth: null }));
  });

  it('accepts names of exactly 100 characters, counted as code points', async () => {
    const customer = await createSignedInCustomer();
    const attributes = { firstName: 'x'.repeat(100), lastName: '😀'.repeat(100) };

    const response = await update(customer, attributes);

    expect(response.status).toBe(200);
    expect(await row(customer)).toMatchObject(attributes);
  });

  it('accepts Content-Type application/json', async () => {
    const customer = await createSignedInCustomer();
    const response = await patch(customer.reference, document('customers', { firstName: 'Grace' }), {
      ...bearer(customer.accessToken),
      'Content-Type': 'application/json',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(JSONAPI);
    expect((await row(customer)).firstName).toBe('Grace');
  });

  describe('mass assignment', () => {
    it.each<[string, Attributes]>([
      ['password fields', { password: 'a-new-password-1', newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' }],
      ['password hashes', { passwordHash: '$argon2id$v=19$m=1,t=1,p=1$AAAA$BBBB', password_hash: 'x', passwordHashType: 'md5' }],
      ['ids and references', { id: 1, customerReference: 'DE--1', reference: 'DE--1', referenceKey: 'ref', publicKey: 'PUBLIC' }],
      ['confirmation state', { isConfirmed: false, confirmedAt: null, confirmed_at: null }],
      ['anonymization and activity', { anonymizedAt: '2020-01-01 00:00:00.000000', anonymized_at: '2020-01-01', isActive: false }],
      ['timestamps', { createdAt: '2000-01-01 00:00:00.000000', updatedAt: '2000-01-01 00:00:00.000000', lastLoginAt: null }],
      ['columns the storefront does not expose', { phone: '+15550100', company: 'Evil Corp', title: 'Sir', groups: ['admin'] }],
      ['email under other spellings', { Email: 'other@example.com', EMAIL: 'other@example.com', e_mail: 'other@example.com' }],
    ])('ignores %s: only the allowed attribute is written', async (_, extra) => {
      const customer = await createSignedInCustomer();
      const before = await withFullProfile(customer);

      const response = await update(customer, { ...extra, firstName: 'Grace' });

      expect(response.status).toBe(200);
      const after = await row(customer);
      expect(withoutUpdatedAt(after)).toEqual(withoutUpdatedAt({ ...before, firstName: 'Grace' }));
      expect(after.updatedAt.getFullYear()).toBeGreaterThan(2000);
      expect(await emailsTo('other@example.com')).toEqual([]);
      expect(await emailChangeKeys(customer)).toEqual([]);
    });

    it('keeps the password: the old one still signs in after a PATCH carrying a password', async () => {
      const customer = await createSignedInCustomer();

      await update(customer, { password: 'a-new-password-1', confirmPassword: 'a-new-password-1' });

      await expect(issueTokens(customer)).resolves.toMatchObject({ accessToken: expect.any(String) });
      await expect(issueTokens({ ...customer, password: 'a-new-password-1' })).rejects.toThrow();
    });

    it('answers a data.id naming another customer with 409 and changes no one', async () => {
      const customer = await createSignedInCustomer();
      const other = await createCustomer();
      const before = await row(customer);
      const othersBefore = await row(other);

      const response = await patch(
        customer.reference,
        { data: { type: 'customers', id: other.reference, attributes: { firstName: 'Grace' } } },
        bearer(customer.accessToken),
      );

      expect(response.status).toBe(409);
      expect(await readError(response)).toMatchObject({ status: 409 });
      expect(await row(customer)).toEqual(before);
      expect(await row(other)).toEqual(othersBefore);
    });

    it("accepts a data.id naming the path's own customer", async () => {
      const customer = await createSignedInCustomer();
      const response = await patch(
        customer.reference,
        { data: { type: 'customers', id: customer.reference, attributes: { firstName: 'Grace' } } },
        bearer(customer.accessToken),
      );
      expect(response.status).toBe(200);
      expect((await row(customer)).firstName).toBe('Grace');
    });

    it('treats the own email in other casing and with spaces as no change: nothing stored, queued or keyed', async () => {
      const customer = await createSignedInCustomer();
      const outboxBefore = await db().$count(emailOutbox);

      const response = await update(customer, { email: `  ${customer.email.toUpperCase()}  ` });

      expect(response.status).toBe(200);
      const body = await readJsonApi<CustomerDocument>(response);
      expect(body.data.attributes.email).toBe(customer.email);
      expect((await row(customer)).email).toBe(customer.email);
      expect(await db().$count(emailOutbox)).toBe(outboxBefore);
      expect(await emailChangeKeys(customer)).toEqual([]);
    });
  });

  describe('validation (422/901)', () => {
    it.each<[string, Attributes, Record<string, string>]>([
      ['an empty firstName', { firstName: '' }, { firstName: 'This value should not be blank.' }],
      ['a firstName of spaces', { firstName: '   ' }, { firstName: 'This value should not be blank.' }],
      ['a null lastName', { lastName: null }, { lastName: 'This value should not be blank.' }],
      ['a firstName of 101 characters', { firstName: 'x'.repeat(101) }, { firstName: 'This value is too long. It should have 100 characters or less.' }],
      ['a lastName of 101 code points', { lastName: '😀'.repeat(101) }, { lastName: 'This value is too long. It should have 100 characters or less.' }],
      ['a numeric firstName', { firstName: 42 }, { firstName: 'This value should be of type string.' }],
      ['an unknown salutation', { salutation: 'Sir' }, { salutation: 'The value you selected is not a valid choice.' }],
      ['a lower-case salutation', { salutation: 'mr' }, { salutation: 'The value you selected is not a valid choice.' }],
      ['an empty salutation', { salutation: '' }, { salutation: 'This value should not be blank.' }],
      ['a null salutation', { salutation: null }, { salutation: 'This value should not be blank.' }],
      ['a date that does not exist', { dateOfBirth: '2001-02-29' }, { dateOfBirth: 'This value is not a valid date.' }],
      ['a date in another format', { dateOfBirth: '31.01.1990' }, { dateOfBirth: 'This value is not a valid date.' }],
      ['a date with a time', { dateOfBirth: '1990-01-31T00:00:00Z' }, { dateOfBirth: 'This value is not a valid date.' }],
      ['a numeric date', { dateOfBirth: 19900131 }, { dateOfBirth: 'This value is not a valid date.' }],
      ['a date in the future', { dateOfBirth: '2999-01-01' }, { dateOfBirth: 'The date must be in the past.' }],
      ['an invalid email', { email: 'not-an-email' }, { email: 'This value is not a valid email address.' }],
      ['an empty email', { email: '' }, { email: 'This value should not be blank.' }],
      ['a null email', { email: null }, { email: 'This value should not be blank.' }],
      ['a numeric gender', { gender: 5 }, { gender: 'This value should be of type string.' }],
    ])('answers %s with 422/901 and writes nothing', async (_, attributes, expected) => {
      const customer = await createSignedInCustomer();
      const before = await withFullProfile(customer);

      const response = await update(customer, attributes);

      expect(await readFieldErrors(response)).toEqual(expected);
      expect(await row(customer)).toEqual(before);
    });

    it("answers tomorrow's date as dateOfBirth with 422/901", async () => {
      const customer = await createSignedInCustomer();
      expect(await readFieldErrors(await update(customer, { dateOfBirth: tomorrow() }))).toEqual({
        dateOfBirth: 'The date must be in the past.',
      });
    });

    it('lists every violated field at once and writes none of the valid ones', async () => {
      const customer = await createSignedInCustomer();
      const before = await withFullProfile(customer);

      const response = await update(customer, {
        salutation: 'Sir',
        firstName: '',
        lastName: 'x'.repeat(101),
        dateOfBirth: '2001-02-29',
        email: 'nope',
        gender: 'Female',
      });

      expect(await readFieldErrors(response)).toEqual({
        salutation: 'The value you selected is not a valid choice.',
        firstName: 'This value should not be blank.',
        lastName: 'This value is too long. It should have 100 characters or less.',
        dateOfBirth: 'This value is not a valid date.',
        email: 'This value is not a valid email address.',
      });
      expect(await row(customer)).toEqual(before);
      expect(await emailsTo('nope')).toEqual([]);
    });
  });

  describe('gender (422/414)', () => {
    it.each(['Unknown', 'male', 'Other', 'MALE'])('answers gender %j with 422/414 and writes nothing', async (gender) => {
      const customer = await createSignedInCustomer();
      const before = await withFullProfile(customer);

      const response = await update(customer, { gender, firstName: 'Grace' });

      expect(response.status).toBe(422);
      expect(await readError(response)).toMatchObject({ status: 422, code: '414' });
      expect(await row(customer)).toEqual(before);
    });

    it('answers a field error and an invalid gender with the 901 only (validation comes first)', async () => {
      const customer = await createSignedInCustomer();
      const response = await update(customer, { gender: 'Unknown', firstName: '' });
      expect(await readFieldErrors(response)).toEqual({ firstName: 'This value should not be blank.' });
    });
  });

  describe('authentication', () => {
    it('answers 403/002 without a token and writes nothing', async () => {
      const customer = await createSignedInCustomer();
      const before = await row(customer);

      await expectMissingAccessToken(await patch(customer.reference, document('customers', { firstName: 'Grace' })));

      expect(await row(customer)).toEqual(before);
    });

    it.each([
      ['a garbage token', () => 'not-a-token'],
      ['a tampered token', (c: SignedInCustomer) => `${c.accessToken}x`],
      ['a refresh token', (c: SignedInCustomer) => c.refreshToken],
    ])('answers %s with 401/001 and writes nothing', async (_, token) => {
      const customer = await createSignedInCustomer();
      const before = await row(customer);

      await expectInvalidAccessToken(await patch(customer.reference, document('customers', { firstName: 'Grace' }), bearer(token(customer))));

      expect(await row(customer)).toEqual(before);
    });
  });

  describe('ownership (403/411)', () => {
    it("answers another customer's reference and a non-existent one with identical 403/411 bodies and writes nothing", async () => {
      const caller = await createSignedInCustomer();
      const other = await createCustomer();
      const callerBefore = await row(caller);
      const otherBefore = await row(other);
      const attributes = { firstName: 'Mallory', gender: 'Male', email: uniqueEmail('takeover') };

      const responses = await Promise.all(
        [other.reference, 'DE--999999999', 'XX--1', 'DE--abc'].map((reference) => update(caller, attributes, reference)),
      );

      expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      const texts = await Promise.all(responses.map((r) => r.text()));
      expect(new Set(texts).size).toBe(1);
      expect(JSON.parse(texts[0]!)).toEqual({ errors: [FORBIDDEN] });
      expect(await row(other)).toEqual(otherBefore);
      expect(await row(caller)).toEqual(callerBefore);
      expect(await emailsTo(attributes.email)).toEqual([]);
    });

    it("answers the caller's own id under another store code with 403/411", async () => {
      const caller = await createSignedInCustomer();
      await expectForbidden(await update(caller, { firstName: 'Grace' }, `XX--${caller.id}`));
      expect((await row(caller)).firstName).toBe('Ada');
    });

    it("answers invalid attributes for another customer's reference with 422/901 (validation before ownership)", async () => {
      const caller = await createSignedInCustomer();
      const other = await createCustomer();

      const response = await update(caller, { firstName: '' }, other.reference);

      expect(await readFieldErrors(response)).toEqual({ firstName: 'This value should not be blank.' });
    });

    it('answers an invalid gender or a taken email for another reference with 403/411 (ownership before domain rules)', async () => {
      const caller = await createSignedInCustomer();
      const other = await createCustomer();

      await expectForbidden(await update(caller, { gender: 'Unknown' }, other.reference));
      await expectForbidden(await update(caller, { email: other.email }, other.reference));
    });
  });

  describe('request format', () => {
    it.each<[string, (c: SignedInCustomer) => Promise<Response>, { status: number; detail?: string }]>([
      [
        'Content-Type text/plain',
        (c) => patch(c.reference, JSON.stringify(document('customers', { firstName: 'Grace' })), { ...bearer(c.accessToken), 'Content-Type': 'text/plain' }),
        { status: 415 },
      ],
      [
        'no Content-Type',
        (c) => patch(c.reference, JSON.stringify(document('customers', { firstName: 'Grace' })), { ...bearer(c.accessToken), 'Content-Type': null }),
        { status: 415 },
      ],
      ['malformed JSON', (c) => patch(c.reference, '{"data": {', bearer(c.accessToken)), { status: 400, detail: 'Post data is invalid.' }],
      ['a body without data', (c) => patch(c.reference, { firstName: 'Grace' }, bearer(c.accessToken)), { status: 400, detail: 'Post data is invalid.' }],
      [
        'attributes that are not an object',
        (c) => patch(c.reference, { data: { type: 'customers', attributes: ['Grace'] } }, bearer(c.accessToken)),
        { status: 400, detail: 'Post data is invalid.' },
      ],
      [
        'another resource type',
        (c) => patch(c.reference, document('customer', { firstName: 'Grace' }), bearer(c.accessToken)),
        { status: 400, detail: 'Invalid type.' },
      ],
      [
        'a body over 64 KiB',
        (c) => patch(c.reference, document('customers', { firstName: 'Grace', padding: 'x'.repeat(64 * 1024) }), bearer(c.accessToken)),
        { status: 413 },
      ],
    ])('answers %s with its status, no code, and writes nothing', async (_, send, expected) => {
      const customer = await createSignedInCustomer();
      const before = await row(customer);

      const response = await send(customer);

      expect(response.status).toBe(expected.status);
      const [error] = await readErrors(response);
      expect(error).not.toHaveProperty('code');
      if (expected.detail) expect(error!.detail).toBe(expected.detail);
      expect(await row(customer)).toEqual(before);
    });

    it('checks the request format before the token (415 without a token, 400 with a bad one)', async () => {
      const customer = await createSignedInCustomer();
      const body = JSON.stringify(document('customers', { firstName: 'Grace' }));

      expect((await patch(customer.reference, body, { 'Content-Type': 'text/plain' })).status).toBe(415);
      expect((await patch(customer.reference, '{', bearer('not-a-token'))).status).toBe(400);
    });
  });
});

describe('PATCH and DELETE /customers without a reference', () => {
  it.each([
    ['PATCH', patchWithoutReference],
    ['DELETE', deleteWithoutReference],
  ])('%s answers 400/405 "Customer reference is missing." and writes nothing', async (method, handler) => {
    const customer = await createSignedInCustomer();
    const before = await row(customer);

    const response = await callRoute(
      handler,
      jsonApiRequest('/customers', method === 'PATCH' ? document('customers', { firstName: 'Grace' }) : undefined, {
        method,
        headers: bearer(customer.accessToken),
      }),
    );

    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, code: '405', detail: 'Customer reference is missing.' }]);
    expect(await row(customer)).toEqual(before);
  });
});

describe('email change through PATCH /customers/{customerReference}', () => {
  it('answers 200 with the old email, keeps it stored, sends a link to the new address and a notice with only a cancel link to the old one', async () => {
    const customer = await createSignedInCustomer();
    const newEmail = uniqueEmail('new');

    const response = await update(customer, { password: customer.password, email: newEmail });

    expect(response.status).toBe(200);
    const text = await response.clone().text();
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.data.attributes.email).toBe(customer.email);
    expect((await row(customer)).email).toBe(customer.email);

    const toNew = await emailsTo(newEmail);
    expect(toNew.map((m) => m.kind)).toEqual(['confirm-email-change']);
    expect(toNew[0]!.textBody).toContain(CONFIRM_LINK);
    expect(toNew[0]!.htmlBody).toContain(CONFIRM_LINK);
    const key = linkKey(toNew[0]!.textBody, '/email/confirm')!;
    expect(key.length).toBeGreaterThanOrEqual(22);
    expect(text).not.toContain(key);

    const toOld = (await emailsTo(customer.email)).filter((m) => m.kind !== 'confirm-registration');
    expect(toOld.map((m) => m.kind)).toEqual(['email-change-notice']);
    for (const part of [toOld[0]!.textBody, toOld[0]!.htmlBody, toOld[0]!.subject]) {
      expect(part).not.toContain('/email/confirm');
      expect(part).not.toContain(key);
    }
    expect(linkKey(toOld[0]!.textBody, '/email/cancel')).toEqual(expect.any(String));

    const keys = await emailChangeKeys(customer);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.newEmail).toBe(newEmail);
    expect(keys[0]!.keyHash).not.toContain(key);
  });

  it('writes the profile fields of the same request at once; only the email waits for confirmation', async () => {
    const customer = await createSignedInCustomer();
    const newEmail = uniqueEmail('new');

    const response = await update(customer, { firstName: 'Grace', password: customer.password, email: newEmail });

    expect(response.status).toBe(200);
    expect((await readJsonApi<CustomerDocument>(response)).data.attributes).toMatchObject({ firstName: 'Grace', email: customer.email });
    expect(await row(customer)).toMatchObject({ firstName: 'Grace', email: customer.email });
  });

  it('changes the email once the link is used; the old email stops signing in, the new one works', async () => {
    const customer = await createSignedInCustomer();
    const newEmail = uniqueEmail('new');
    await update(customer, { password: customer.password, email: newEmail });
    const key = await emailChangeKey(newEmail);

    const view = await confirmEmailChange({ key });

    expect(view).toMatchObject({ reference: customer.reference, email: newEmail });
    expect((await row(customer)).email).toBe(newEmail);
    expect(await emailChangeKeys(customer)).toEqual([]);
    const fetched = await readJsonApi<CustomerDocument>(await getCustomer(customer));
    expect(fetched.data.attributes.email).toBe(newEmail);
    await expect(issueTokens({ ...customer, email: newEmail })).resolves.toMatchObject({ accessToken: expect.any(String) });
    await expect(issueTokens(customer)).rejects.toThrow();
  });

  it('accepts the link only once', async () => {
    const customer = await createSignedInCustomer();
    const newEmail = uniqueEmail('new');
    await update(customer, { password: customer.password, email: newEmail });
    const key = await emailChangeKey(newEmail);
    await confirmEmailChange({ key });

    expect((await domainErrorOf(confirmEmailChange({ key }))).code).toBe('confirmationKeyInvalid');
    expect((await row(customer)).email).toBe(newEmail);
  });

  it('rejects an unknown key and a blank one', async () => {
    expect((await domainErrorOf(confirmEmailChange({ key: 'no-such-key' }))).code).toBe('confirmationKeyInvalid');
    expect((await domainErrorOf(confirmEmailChange({ key: '' }))).code).toBe('validation');
  });

  it('lets the link expire after 24 hours; a late attempt does not use it up', async () => {
    const customer = await createSignedInCustomer();
    const newEmail = uniqueEmail('new');
    const requestedFrom = Date.now();
    await update(customer, { password: customer.password, email: newEmail });
    const requestedUntil = Date.now();
    const key = await emailChangeKey(newEmail);

    const late = await domainErrorOf(confirmEmailChange({ key }, { now: new Date(requestedUntil + DAY_MS + 1000) }));

    expect(late.code).toBe('confirmationKeyInvalid');
    expect((await row(customer)).email).toBe(customer.email);
    const inTime = await confirmEmailChange({ key }, { now: new Date(requestedFrom + DAY_MS - 1000) });
    expect(inTime.email).toBe(newEmail);
  });

  it('invalidates the earlier link when a new change is requested', async () => {
    const customer = await createSignedInCustomer();
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    await update(customer, { password: customer.password, email: first });
    const firstKey = await emailChangeKey(first);
    await update(customer, { password: customer.password, email: second });
    const secondKey = await emailChangeKey(second);

    expect((await domainErrorOf(confirmEmailChange({ key: firstKey }))).code).toBe('confirmationKeyInvalid');
    expect((await confirmEmailChange({ key: secondKey })).email).toBe(second);
  });

  it.each([
    ['as stored', (email: string) => email],
    ['in upper case', (email: string) => email.toUpperCase()],
    ['with spaces around it', (email: string) => `  ${email}  `],
  ])("answers another customer's email %s with 422/400 and writes or queues nothing", async (_, spell) => {
    const customer = await createSignedInCustomer();
    const other = await createCustomer();
    const before = await row(customer);
    const outboxBefore = await db().$count(emailOutbox);

    const response = await update(customer, { password: customer.password, email: spell(other.email), firstName: 'Grace' });

    await expectEmailTaken(response);
    expect(await row(customer)).toEqual(before);
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
    expect(await emailChangeKeys(customer)).toEqual([]);
  });

  it('answers an address registered between request and confirmation with emailTaken; the key stays usable once the other account is anonymized', async () => {
    const customer = await createSignedInCustomer();
    const wanted = uniqueEmail('wanted');
    await update(customer, { password: customer.password, email: wanted });
    const key = await emailChangeKey(wanted);
    const squatter = await registerSquatter(wanted);

    const error = await domainErrorOf(confirmEmailChange({ key }));

    expect(error.code).toBe('emailTaken');
    expect((await row(customer)).email).toBe(customer.email);
    expect(await emailChangeKeys(customer)).toHaveLength(1);

    await anonymizeCustomer(actorOf(squatter), squatter.id);

    expect((await confirmEmailChange({ key })).email).toBe(wanted);
    expect((await row(customer)).email).toBe(wanted);
  });

  it('keeps the key usable after a clash once the other account has changed its email away', async () => {
    const customer = await createSignedInCustomer();
    const wanted = uniqueEmail('wanted');
    await update(customer, { password: customer.password, email: wanted });
    const key = await emailChangeKey(wanted);
    const squatter = await registerSquatter(wanted);
    expect((await domainErrorOf(confirmEmailChange({ key }))).code).toBe('emailTaken');

    const elsewhere = uniqueEmail('elsewhere');
    await requestEmailChange(actorOf(squatter), { email: elsewhere, password: squatter.password }, { clientIp: '192.0.2.9' });
    await confirmEmailChange({ key: await emailChangeKey(elsewhere) });

    expect((await confirmEmailChange({ key })).email).toBe(wanted);
  });
});

describe('requestEmailChange (the browser form)', () => {
  it('queues the link and the notice after the right password, without changing the email', async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail('new');

    await requestEmailChange(actorOf(customer), { email: newEmail, password: customer.password }, { clientIp: '192.0.2.9' });

    expect((await emailsTo(newEmail)).map((m) => m.kind)).toEqual(['confirm-email-change']);
    expect((await emailsTo(customer.email)).map((m) => m.kind)).toContain('email-change-notice');
    expect((await row(customer)).email).toBe(customer.email);
  });

  it('throws invalidPassword for a wrong password and queues nothing', async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail('new');
    const outboxBefore = await db().$count(emailOutbox);

    const error = await domainErrorOf(
      requestEmailChange(actorOf(customer), { email: newEmail, password: `${customer.password}x` }, { clientIp: '192.0.2.9' }),
    );

    expect(error.code).toBe('invalidPassword');
    expect(await db().$count(emailOutbox)).toBe(outboxBefore);
    expect(await emailsTo(newEmail)).toEqual([]);
    expect(await emailChangeKeys(customer)).toEqual([]);
  });

  it("throws emailTaken for another customer's email in any casing", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();

    const error = await domainErrorOf(
      requestEmailChange(actorOf(customer), { email: other.email.toUpperCase(), password: customer.password }, { clientIp: '192.0.2.9' }),
    );

    expect(error.code).toBe('emailTaken');
    expect(await emailChangeKeys(customer)).toEqual([]);
  });
});

/** Registers (and confirms) another customer with `email`, as a shopper could while a change is pending. */
async function registerSquatter(email: string): Promise<TestCustomer> {
  const password = 'squatter-password-1';
  const view = await registerCustomer(
    { salutation: 'Mr', firstName: 'Sam', lastName: 'Squatter', email, password, confirmPassword: password, acceptedTerms: true },
    { clientIp: '192.0.2.8' },
  );
  const [found] = await db().select().from(customers).where(eq(customers.email, email));
  expect(found?.email).toBe(email);
  return { id: found!.id, reference: view.reference, email, password };
}
