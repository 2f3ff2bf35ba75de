import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  callRoute,
  document,
  jsonApiRequest,
  readErrors,
  readFieldErrors,
  readJsonApi,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { selectCustomerByEmail } from '@/db/queries/customers';
import { customerKeys, customers, emailOutbox } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DELETE, PATCH, POST, PUT } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

/** APP_URL as set in vitest.config.ts; requests go to another origin so misuse of it shows. */
const APP_URL = 'https://shop.example.test';
const GLUE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
const ARGON2ID = /^\$argon2id\$/;

let sequence = 0;
function uniqueEmail(name = 'ada'): string {
  sequence += 1;
  return `${name}.${sequence}@example.com`;
}

function uniqueIp(): string {
  sequence += 1;
  return `198.51.${Math.floor(sequence / 250)}.${(sequence % 250) + 1}`;
}

type Attributes = Record<string, unknown>;

function validAttributes(overrides: Attributes = {}): Attributes {
  return {
    salutation: 'Ms',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: uniqueEmail(),
    password: 'analytical-engine',
    confirmPassword: 'analytical-engine',
    acceptedTerms: true,
    ...overrides,
  };
}

function without(attributes: Attributes, ...names: string[]): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !names.includes(name)));
}

function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/customers', body, { headers }));
}

function register(attributes: Attributes, headers: TestHeaders = {}): Promise<Response> {
  return post(document('customers', attributes), headers);
}

type CustomerDocument = {
  data: { type: string; id: string; attributes: Record<string, unknown>; links: { self: string } };
  links: { self: string };
};

async function registered(attributes: Attributes, headers: TestHeaders = {}): Promise<CustomerDocument> {
  const response = await register(attributes, headers);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return readJsonApi<CustomerDocument>(response);
}

async function rowCounts() {
  return {
    customers: await db().$count(customers),
    customerKeys: await db().$count(customerKeys),
    emailOutbox: await db().$count(emailOutbox),
  };
}

function outboxFor(email: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('POST /customers: success', () => {
  it('answers 201 with the full customers resource, every attribute present (nulls included)', async () => {
    const attributes = validAttributes();
    const before = Date.now();
    const response = await register(attributes);

    expect(response.status).toBe(201);
    const body = await readJsonApi<CustomerDocument>(response);
    const row = await selectCustomerByEmail(db(), attributes.email as string);
    expect(row).toBeDefined();
    const id = `DE--${row!.id}`;
    expect(body).toEqual({
      data: {
        type: 'customers',
        id,
        attributes: {
          salutation: 'Ms',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: attributes.email,
          gender: null,
          dateOfBirth: null,
          createdAt: expect.stringMatching(GLUE_TIMESTAMP),
          updatedAt: expect.stringMatching(GLUE_TIMESTAMP),
        },
        links: { self: `${APP_URL}/customers/${id}` },
      },
      links: { self: `${APP_URL}/customers` },
    });
    expect(body.data.id).toMatch(/^DE--[1-9]\d*$/);
    // Glue prints UTC: reading the timestamp as UTC gives the time of the request.
    const createdAt = Date.parse(`${(body.data.attributes.createdAt as string).replace(' ', 'T').slice(0, 23)}Z`);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(body.data.attributes.updatedAt).toBe(body.data.attributes.createdAt);
  });

  it('builds every link from APP_URL and ignores forged Host and X-Forwarded-Host headers', async () => {
    const response = await register(validAttributes(), {
      Host: 'evil.example',
      'X-Forwarded-Host': 'evil.example',
      'X-Forwarded-Proto': 'http',
    });

    expect(response.status).toBe(201);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.links.self).toBe(`${APP_URL}/customers`);
    expect(body.data.links.self).toBe(`${APP_URL}/customers/${body.data.id}`);
    // JSON:API: when a 201 carries a Location header, it must equal the resource's self link.
    const location = response.headers.get('location');
    if (location !== null) expect(location).toBe(body.data.links.self);
    const everything = JSON.stringify(body) + (location ?? '');
    expect(everything).not.toContain('evil.example');
    expect(everything).not.toContain('internal.test');
  });

  it('returns the optional gender and dateOfBirth when they are given', async () => {
    const body = await registered(validAttributes({ gender: 'Female', dateOfBirth: '1990-12-10' }));
    expect(body.data.attributes).toMatchObject({ gender: 'Female', dateOfBirth: '1990-12-10' });
  });

  it.each(['Male', 'Female', 'Diverse'])('accepts gender %s', async (gender) => {
    const body = await registered(validAttributes({ gender }));
    expect(body.data.attributes.gender).toBe(gender);
  });

  it('accepts gender and dateOfBirth null', async () => {
    const body = await registered(validAttributes({ gender: null, dateOfBirth: null }));
    expect(body.data.attributes).toMatchObject({ gender: null, dateOfBirth: null });
  });

  it.each(['Mr', 'Mrs', 'Ms', 'Dr'])('accepts salutation %s', async (salutation) => {
    const body = await registered(validAttributes({ salutation }));
    expect(body.data.attributes.salutation).toBe(salutation);
  });

  it('accepts Content-Type application/json as well', async () => {
    const response = await register(validAttributes(), { 'Content-Type': 'application/json' });
    expect(response.status).toBe(201);
  });

  it('trims the email', async () => {
    const email = uniqueEmail('grace');
    const body = await registered(validAttributes({ email: `  ${email}  ` }));
    expect(body.data.attributes.email).toBe(email);
  });

  it('stores an unconfirmed customer whose password is kept only as an argon2id hash', async () => {
    const attributes = validAttributes();
    await registered(attributes);
    const row = await selectCustomerByEmail(db(), attributes.email as string);
    expect(row).toMatchObject({ confirmedAt: null, anonymizedAt: null, isActive: true });
    expect(row!.passwordHash).toMatch(ARGON2ID);
    expect(row!.passwordHash).not.toContain(attributes.password as string);
  });

  it('queues exactly one confirmation email whose text and HTML carry an APP_URL link with the key', async () => {
    const attributes = validAttributes();
    await registered(attributes);

    const emails = await outboxFor(attributes.email as string);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    const link = `${APP_URL}/register/confirm?key=`;
    expect(email!.textBody).toContain(link);
    expect(email!.htmlBody).toContain(link);
    const key = /register\/confirm\?key=([A-Za-z0-9_%-]+)/.exec(email!.textBody)?.[1];
    expect(key).toBeDefined();
    expect(email!.htmlBody).toContain(`${link}${key}`);
    expect(email!.sentAt).toBeNull();
  });
});

describe('POST /customers: request format', () => {
  it('answers 415 for Content-Type text/plain', async () => {
    const response = await post(JSON.stringify(document('customers', validAttributes())), { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
  });

  it('answers 415 when the Content-Type header is missing', async () => {
    const response = await post(document('customers', validAttributes()), { 'Content-Type': null });
    expect(response.status).toBe(415);
    await readErrors(response);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const response = await register(validAttributes({ padding: 'x'.repeat(65 * 1024) }));
    expect(response.status).toBe(413);
    await readErrors(response);
  });

  it('answers 413 when Content-Length declares more than 64 KiB', async () => {
    const response = await register(validAttributes(), { 'Content-Length': String(64 * 1024 + 1) });
    expect(response.status).toBe(413);
    await readErrors(response);
  });

  it('accepts a body of exactly 64 KiB and rejects one byte more', async () => {
    const sized = (bytes: number) => {
      const attributes = validAttributes({ padding: '' });
      const overhead = JSON.stringify(document('customers', attributes)).length;
      return JSON.stringify(document('customers', { ...attributes, padding: 'x'.repeat(bytes - overhead) }));
    };
    const exact = sized(64 * 1024);
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect((await post(exact)).status).toBe(201);

    const over = sized(64 * 1024 + 1);
    expect(Buffer.byteLength(over)).toBe(64 * 1024 + 1);
    expect((await post(over)).status).toBe(413);
  });

  it.each([
    ['malformed JSON', '{"data": {"type": "customers",'],
    ['an empty body', ''],
    ['JSON null', 'null'],
    ['an array body', JSON.stringify([document('customers', { email: 'ada@example.com' })])],
    ['no data', JSON.stringify({ type: 'customers', attributes: {} })],
    ['data null', JSON.stringify({ data: null })],
    ['data an array', JSON.stringify({ data: [{ type: 'customers', attributes: {} }] })],
    ['no attributes', JSON.stringify({ data: { type: 'customers' } })],
    ['attributes a string', JSON.stringify({ data: { type: 'customers', attributes: 'x' } })],
    ['attributes an array', JSON.stringify({ data: { type: 'customers', attributes: [] } })],
    ['attributes null', JSON.stringify({ data: { type: 'customers', attributes: null } })],
  ])('answers 400 "Post data is invalid." without a code for %s', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
  });

  it.each(['customer', 'Customers', 'access-tokens'])('answers 400 "Invalid type." without a code for type %s', async (type) => {
    const response = await post(document(type, validAttributes()));
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, detail: 'Invalid type.' }]);
  });

  it('writes nothing for a request-format error', async () => {
    const before = await rowCounts();
    await post(document('customers', validAttributes()), { 'Content-Type': 'text/plain' });
    await post(document('customer', validAttributes()));
    await register(validAttributes({ padding: 'x'.repeat(65 * 1024) }));
    expect(await rowCounts()).toEqual(before);
  });
});

describe('POST /customers: field validation (422/901)', () => {
  it('reports every missing required field at once with "This field is missing."', async () => {
    const response = await register({});
    expect(await readFieldErrors(response)).toEqual({
      salutation: 'This field is missing.',
      firstName: 'This field is missing.',
      lastName: 'This field is missing.',
      email: 'This field is missing.',
      password: 'This field is missing.',
      confirmPassword: 'This field is missing.',
      acceptedTerms: 'This field is missing.',
    });
  });

  it('reports every blank field at once with "This value should not be blank."', async () => {
    const response = await register(
      validAttributes({ salutation: '', firstName: '', lastName: '   ', email: ' ', password: '', confirmPassword: '' }),
    );
    expect(await readFieldErrors(response)).toEqual({
      salutation: 'This value should not be blank.',
      firstName: 'This value should not be blank.',
      lastName: 'This value should not be blank.',
      email: 'This value should not be blank.',
      password: 'This value should not be blank.',
      confirmPassword: 'This value should not be blank.',
    });
  });

  it('treats null in a required text field as blank', async () => {
    const response = await register(
      validAttributes({ salutation: null, firstName: null, lastName: null, email: null, password: null, confirmPassword: null }),
    );
    expect(await readFieldErrors(response)).toEqual({
      salutation: 'This value should not be blank.',
      firstName: 'This value should not be blank.',
      lastName: 'This value should not be blank.',
      email: 'This value should not be blank.',
      password: 'This value should not be blank.',
      confirmPassword: 'This value should not be blank.',
    });
  });

  it('lists different violations of several fields in one answer', async () => {
    const response = await register(
      validAttributes({
        salutation: 'Sir',
        firstName: 'a'.repeat(101),
        email: 'not-an-email',
        password: 'short',
        confirmPassword: 'short',
        acceptedTerms: false,
        dateOfBirth: '1990-02-30',
      }),
    );
    expect(await readFieldErrors(response)).toEqual({
      salutation: 'The value you selected is not a valid choice.',
      firstName: 'This value is too long. It should have 100 characters or less.',
      email: 'This value is not a valid email address.',
      password: 'This value is too short. It should have 8 characters or more.',
      acceptedTerms: 'This value should be true.',
      dateOfBirth: 'This value is not a valid date.',
    });
  });

  it.each(['ada.example.com', 'ada@', '@example.com', 'ada lovelace@example.com', 'ada@example'])(
    'rejects the email %s as not valid',
    async (email) => {
      const response = await register(validAttributes({ email }));
      expect(await readFieldErrors(response)).toEqual({ email: 'This value is not a valid email address.' });
    },
  );

  it('rejects an email of 101 characters as too long and accepts one of 100', async () => {
    const local = uniqueEmail('long').split('@')[0]!.padEnd(20, 'x');
    const email = (length: number) => `${local}@${'b'.repeat(length - 33)}.example.com`;
    expect(email(101)).toHaveLength(101);
    const response = await register(validAttributes({ email: email(101) }));
    expect(await readFieldErrors(response)).toEqual({
      email: 'This value is too long. It should have 100 characters or less.',
    });

    expect(email(100)).toHaveLength(100);
    expect((await register(validAttributes({ email: email(100) }))).status).toBe(201);
  });

  it('rejects first and last names over 100 characters and accepts 100', async () => {
    const response = await register(validAttributes({ firstName: 'a'.repeat(101), lastName: 'ß'.repeat(101) }));
    expect(await readFieldErrors(response)).toEqual({
      firstName: 'This value is too long. It should have 100 characters or less.',
      lastName: 'This value is too long. It should have 100 characters or less.',
    });

    const body = await registered(validAttributes({ firstName: 'a'.repeat(100), lastName: 'ß'.repeat(100) }));
    expect(body.data.attributes).toMatchObject({ firstName: 'a'.repeat(100), lastName: 'ß'.repeat(100) });
  });

  it.each(['Sir', 'Herr', 'mr', 'Miss'])('rejects salutation %s as not a valid choice', async (salutation) => {
    const response = await register(validAttributes({ salutation }));
    expect(await readFieldErrors(response)).toEqual({ salutation: 'The value you selected is not a valid choice.' });
  });

  describe('password length (8–64 code points after NFC)', () => {
    const tooShort = 'This value is too short. It should have 8 characters or more.';
    const tooLong = 'This value is too long. It should have 64 characters or less.';
    const emoji = '😀';
    const decomposedE = 'e\u0301'; // "é" as e + combining acute accent: two code points, one after NFC

    it.each([
      ['7 characters', 'x'.repeat(7), tooShort],
      ['65 characters', 'x'.repeat(65), tooLong],
      ['7 emoji (14 UTF-16 units)', emoji.repeat(7), tooShort],
      ['65 emoji', emoji.repeat(65), tooLong],
      ['4 decomposed é + 3 letters (11 code points, 7 after NFC)', `${decomposedE.repeat(4)}abc`, tooShort],
      ['65 decomposed é (65 after NFC)', decomposedE.repeat(65), tooLong],
      ['one of the most common passwords', 'iloveyou', 'This password is too common. Choose a less predictable one.'],
      ['a common password in another case', 'Password1', 'This password is too common. Choose a less predictable one.'],
    ])('rejects a password of %s', async (_, password, message) => {
      const response = await register(validAttributes({ password, confirmPassword: password }));
      expect(await readFieldErrors(response)).toEqual({ password: message });
    });

    it.each([
      // ('xxxxxxxx' itself is one of the most common passwords.)
      ['8 characters', 'xkcdxkcd'],
      ['64 characters', 'x'.repeat(64)],
      ['8 emoji', emoji.repeat(8)],
      ['64 emoji (128 UTF-16 units)', emoji.repeat(64)],
      ['64 decomposed é (128 code points, 64 after NFC)', decomposedE.repeat(64)],
    ])('accepts a password of %s', async (_, password) => {
      const response = await register(validAttributes({ password, confirmPassword: password }));
      expect(response.status).toBe(201);
    });

    it('compares password and confirmation after NFC', async () => {
      const response = await register(
        validAttributes({ password: `${decomposedE.repeat(4)}clair`, confirmPassword: `${'\u00e9'.repeat(4)}clair` }),
      );
      expect(response.status).toBe(201);
    });
  });

  it('answers acceptedTerms false with "acceptedTerms => This value should be true."', async () => {
    const response = await register(validAttributes({ acceptedTerms: false }));
    expect(response.status).toBe(422);
    expect(await readErrors(response)).toEqual([
      {
        status: 422,
        code: '901',
        detail: 'acceptedTerms => This value should be true.',
        source: { pointer: '/data/attributes/acceptedTerms' },
      },
    ]);
  });

  it('answers a missing acceptedTerms with "acceptedTerms => This field is missing."', async () => {
    const response = await register(without(validAttributes(), 'acceptedTerms'));
    expect(await readFieldErrors(response)).toEqual({ acceptedTerms: 'This field is missing.' });
  });

  it.each(['yes', 'true', 1, 0, {}])(
    'answers acceptedTerms %j with "This value should be of type bool."',
    async (acceptedTerms) => {
      const response = await register(validAttributes({ acceptedTerms }));
      expect(await readFieldErrors(response)).toEqual({ acceptedTerms: 'This value should be of type bool.' });
    },
  );

  it('rejects values of the wrong JSON type', async () => {
    const response = await register(
      validAttributes({
        salutation: 1,
        firstName: 5,
        lastName: { name: 'Lovelace' },
        email: ['ada@example.com'],
        password: 12345678,
        confirmPassword: true,
        gender: 5,
        dateOfBirth: 19901210,
      }),
    );
    expect(await readFieldErrors(response)).toEqual({
      salutation: 'The value you selected is not a valid choice.',
      firstName: 'This value should be of type string.',
      lastName: 'This value should be of type string.',
      email: 'This value should be of type string.',
      password: 'This value should be of type string.',
      confirmPassword: 'This value should be of type string.',
      gender: 'This value should be of type string.',
      dateOfBirth: 'This value is not a valid date.',
    });
  });

  it.each(['1990-02-30', '10.12.1990', '1990-12-10T00:00:00Z'])(
    'rejects dateOfBirth %s as not a valid date',
    async (dateOfBirth) => {
      const response = await register(validAttributes({ dateOfBirth }));
      expect(await readFieldErrors(response)).toEqual({ dateOfBirth: 'This value is not a valid date.' });
    },
  );

  it('writes nothing when the validation fails', async () => {
    const before = await rowCounts();
    const attributes = validAttributes({ firstName: '' });
    const response = await register(attributes);
    expect(response.status).toBe(422);
    expect(await rowCounts()).toEqual(before);
    expect(await selectCustomerByEmail(db(), attributes.email as string)).toBeUndefined();
  });
});

describe('POST /customers: terms (413), password confirmation (406), gender (414)', () => {
  const termsNotAccepted = { status: 400, code: '413', detail: 'Terms and Conditions was not accepted.' };

  it('answers acceptedTerms null with 400/413 "Terms and Conditions was not accepted."', async () => {
    const response = await register(validAttributes({ acceptedTerms: null }));
    expect(response.status).toBe(400);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(termsNotAccepted);
  });

  it('answers 901 rather than 413 when another field is invalid as well', async () => {
    const response = await register(validAttributes({ acceptedTerms: null, firstName: '' }));
    expect(await readFieldErrors(response)).toEqual({ firstName: 'This value should not be blank.' });
  });

  it('answers 413 rather than 406 when the passwords also differ', async () => {
    const response = await register(validAttributes({ acceptedTerms: null, confirmPassword: 'something-else' }));
    expect(response.status).toBe(400);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(termsNotAccepted);
  });

  it('answers 422/406 when password and confirmPassword differ', async () => {
    const response = await register(validAttributes({ password: 'analytical-engine', confirmPassword: 'analytical-engin3' }));
    expect(response.status).toBe(422);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      status: 422,
      code: '406',
      detail: 'Value in field password should be identical to value in the confirmPassword field.',
    });
  });

  it('answers 901 rather than 406 when another field is invalid as well', async () => {
    const response = await register(validAttributes({ confirmPassword: 'something-else', lastName: '' }));
    expect(await readFieldErrors(response)).toEqual({ lastName: 'This value should not be blank.' });
  });

  it.each(['Other', 'male', 'M', 'Unknown'])('answers gender %s with 422/414', async (gender) => {
    const response = await register(validAttributes({ gender }));
    expect(response.status).toBe(422);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 422, code: '414', detail: 'Gender is not valid.' });
  });

  it('answers 901 rather than 414 when another field is invalid as well', async () => {
    const response = await register(validAttributes({ gender: 'Other', email: 'nope' }));
    expect(await readFieldErrors(response)).toEqual({ email: 'This value is not a valid email address.' });
  });

  it('writes nothing for a 413, 406 or 414 answer', async () => {
    const before = await rowCounts();
    expect((await register(validAttributes({ acceptedTerms: null }))).status).toBe(400);
    expect((await register(validAttributes({ confirmPassword: 'something-else' }))).status).toBe(422);
    expect((await register(validAttributes({ gender: 'Other' }))).status).toBe(422);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('POST /customers: email already registered', () => {
  const emailTaken = {
    status: 422,
    code: '400',
    detail: 'Customer with the same email address already exists.',
  };

  it.each([
    ['in another case', (email: string) => email.toUpperCase()],
    ['with surrounding spaces', (email: string) => `  ${email} `],
    ['identically', (email: string) => email],
  ])('answers 422/400 for an email registered before, given %s', async (_, variant) => {
    const email = uniqueEmail('ada');
    await registered(validAttributes({ email }));

    const response = await register(validAttributes({ email: variant(email), firstName: 'Imposter' }));
    expect(response.status).toBe(422);
    const errors = await readErrors(response);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(emailTaken);
  });

  it('leaves the existing customer untouched and writes nothing for the duplicate', async () => {
    const email = uniqueEmail('ada');
    await registered(validAttributes({ email }));
    const original = await selectCustomerByEmail(db(), email);
    const before = await rowCounts();

    const response = await register(
      validAttributes({
        email: email.toUpperCase(),
        firstName: 'Imposter',
        password: 'other-password',
        confirmPassword: 'other-password',
      }),
    );
    expect(response.status).toBe(422);
    expect(await rowCounts()).toEqual(before);
    expect(await selectCustomerByEmail(db(), email)).toEqual(original);
    expect(await outboxFor(email.toUpperCase())).toHaveLength(0);
  });
});

describe('POST /customers: mass assignment', () => {
  it('ignores attributes the client may not set and never returns a password or hash', async () => {
    const email = uniqueEmail('mallory');
    const forgedDate = '2000-01-01T00:00:00.000Z';
    const response = await post({
      data: {
        type: 'customers',
        id: 'DE--999999',
        attributes: validAttributes({
          email,
          id: 999_999,
          customerReference: 'DE--999999',
          isConfirmed: true,
          confirmedAt: forgedDate,
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$forged',
          passwordHashType: 'plain',
          anonymizedAt: forgedDate,
          isActive: false,
          groups: ['admin'],
          referenceKey: 'forged',
          publicKey: 'FORGED',
          createdAt: forgedDate,
          updatedAt: forgedDate,
          lastLoginAt: forgedDate,
        }),
      },
    });

    expect(response.status).toBe(201);
    const text = await response.text();
    const body = JSON.parse(text) as CustomerDocument;
    expect(Object.keys(body.data.attributes).sort()).toEqual(
      ['createdAt', 'dateOfBirth', 'email', 'firstName', 'gender', 'lastName', 'salutation', 'updatedAt'].sort(),
    );
    expect(text).not.toMatch(/password|hash|argon2|analytical-engine|token/i);
    expect(body.data.id).not.toBe('DE--999999');
    expect(body.data.attributes.createdAt).not.toMatch(/^2000-/);

    const row = await selectCustomerByEmail(db(), email);
    expect(row).toBeDefined();
    expect(row!.id).not.toBe(999_999);
    expect(`DE--${row!.id}`).toBe(body.data.id);
    expect(row).toMatchObject({
      confirmedAt: null,
      anonymizedAt: null,
      lastLoginAt: null,
      isActive: true,
      groups: [],
      referenceKey: null,
      passwordHashType: 'argon2id',
    });
    expect(row!.publicKey).not.toBe('FORGED');
    expect(row!.passwordHash).toMatch(ARGON2ID);
    expect(row!.passwordHash).not.toContain('forged');
    expect(row!.createdAt.getUTCFullYear()).not.toBe(2000);
    expect(row!.updatedAt.getUTCFullYear()).not.toBe(2000);
  });
});

describe('/customers: other methods', () => {
  it.each([
    ['PATCH', PATCH],
    ['DELETE', DELETE],
  ] as const)('answers %s without a reference with 400/405 "Customer reference is missing."', async (method, handler) => {
    const body = method === 'DELETE' ? undefined : document('customers', { firstName: 'Ada' });
    const response = await callRoute(handler, jsonApiRequest('/customers', body, { method }));
    expect(response.status).toBe(400);
    expect(await readErrors(response)).toEqual([{ status: 400, code: '405', detail: 'Customer reference is missing.' }]);
  });

  it('answers PUT with a JSON:API 405 and an Allow header that does not list PUT', async () => {
    const response = await callRoute(PUT, jsonApiRequest('/customers', document('customers', { firstName: 'Ada' }), { method: 'PUT' }));
    expect(response.status).toBe(405);
    const allow = (response.headers.get('allow') ?? '').split(',').map((m) => m.trim());
    expect(allow).toContain('POST');
    expect(allow).not.toContain('PUT');
    expect(await readErrors(response)).toHaveLength(1);
  });
});

describe('POST /customers: rate limit per client IP', () => {
  const tooMany = { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' };

  it('answers the registration over RATE_LIMIT_SIGNUPS_PER_IP with 429/4401 and Retry-After; another IP goes on', async () => {
    vi.stubEnv('RATE_LIMIT_SIGNUPS_PER_IP', '2');
    const ip = uniqueIp();

    expect((await register(validAttributes(), { 'X-Forwarded-For': ip })).status).toBe(201);
    expect((await register(validAttributes(), { 'X-Forwarded-For': ip })).status).toBe(201);

    const before = await rowCounts();
    const third = validAttributes();
    const response = await register(third, { 'X-Forwarded-For': ip });
    expect(response.status).toBe(429);
    expect(await readErrors(response)).toEqual([tooMany]);
    const retryAfter = response.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(3600);
    expect(await rowCounts()).toEqual(before);
    expect(await selectCustomerByEmail(db(), third.email as string)).toBeUndefined();

    expect((await register(validAttributes(), { 'X-Forwarded-For': uniqueIp() })).status).toBe(201);
  });

  it('checks the request format before the rate limit and the rate limit before the fields', async () => {
    vi.stubEnv('RATE_LIMIT_SIGNUPS_PER_IP', '1');
    const ip = uniqueIp();
    expect((await register(validAttributes(), { 'X-Forwarded-For': ip })).status).toBe(201);

    expect((await post('{"data":', { 'X-Forwarded-For': ip })).status).toBe(400);
    const plain = await post(document('customers', validAttributes()), { 'X-Forwarded-For': ip, 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    const invalid = await register({ firstName: '' }, { 'X-Forwarded-For': ip });
    expect(invalid.status).toBe(429);
    expect(await readErrors(invalid)).toEqual([tooMany]);
  });
});

describe('POST /customers: concurrency', () => {
  it('registers one email sent 50 times at once exactly once', async () => {
    const email = uniqueEmail('race');
    const ip = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        register(validAttributes({ email: i % 2 === 0 ? email : email.toUpperCase(), firstName: `Racer ${i}` }), {
          'X-Forwarded-For': ip,
        }),
      ),
    );

    const created = responses.filter((r) => r.status === 201);
    const rejected = responses.filter((r) => r.status !== 201);
    expect(created).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const response of rejected) {
      expect(response.status).toBe(422);
      const errors = await readErrors(response);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: '400', detail: 'Customer with the same email address already exists.' });
    }

    const rows = await db()
      .select()
      .from(customers)
      .where(sql`lower(${customers.email}) = ${email}`);
    expect(rows).toHaveLength(1);
    const emails = await db()
      .select()
      .from(emailOutbox)
      .where(sql`lower(${emailOutbox.toAddress}) = ${email}`);
    expect(emails).toHaveLength(1);
    expect(await db().$count(customerKeys, eq(customerKeys.customerId, rows[0]!.id))).toBe(1);
  });
});
