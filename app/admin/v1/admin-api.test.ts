import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hash as argon2Hash, type Algorithm } from '@node-rs/argon2';
import { hashSync as bcryptHashSync } from 'bcryptjs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdminKey, revokeAdminKey } from '@/app/_domain/admin/keys';
import { authenticate } from '@/app/_domain/auth/authenticate';
import { resolveBrowserSession, startBrowserSession } from '@/app/_domain/auth/sessions';
import { createAccessTokens, refreshAccessTokens, resolveAccessToken } from '@/app/_domain/auth/tokens';
import { isDomainError } from '@/app/_domain/shared/errors';
import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { invalidFields, R, readError, readErrors, readJson, setupAdminClient, type AdminEntity, type Route } from '@/test/support/admin-client';
import { setupTestDatabase } from '@/test/support/database';
import { createCustomer as registerShopper, createSignedInCustomer, selectRows, uniqueEmail, uniqueIp } from '@/test/support/jsonapi-client';
import * as unknownPath from '../[...path]/route';

/**
 * The admin API's customer endpoints through their route handlers, called as Next.js calls them
 * (decoded params as a promise), on a fresh database: auth, shop and country checks, createCustomer,
 * getCustomer, updateCustomerReferenceKey, setCustomerPassword(Hash), methods and unknown paths.
 */

setupTestDatabase();

const { adminKey, send } = setupAdminClient();

async function customerCount(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(sql`select count(*)::int as n from customers`);
  return row!.n;
}

/** Runs `request` and checks that no customer row was added. */
async function writesNothing(request: () => Promise<Response>): Promise<Response> {
  const before = await customerCount();
  const response = await request();
  expect(await customerCount()).toBe(before);
  return response;
}

function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: uniqueEmail('admin'), firstName: 'John', lastName: 'Doe', ...overrides };
}

async function createViaApi(overrides: Record<string, unknown> = {}): Promise<AdminEntity> {
  return readJson(await send(R.customers, 'POST', {}, { body: customerBody(overrides) }), 201);
}

async function storedRow(id: number) {
  const [row] = await getDb().select().from(customers).where(eq(customers.id, id));
  return row!;
}

/** authenticate() as the sign-in page and POST /access-tokens do. */
function signIn(email: string, password: string) {
  return authenticate({ username: email, password }, { clientIp: uniqueIp() });
}

async function signInFails(email: string, password: string): Promise<string> {
  const error = await signIn(email, password).then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a failed sign-in, got ${String(error)}`);
  return error.code;
}

const CUSTOMER_FIELDS = [
  'birthDate', 'company', 'createdAt', 'customerReference', 'email', 'firstName', 'gender', 'groups', 'hasPassword', 'id', 'lastLoginDate',
  'lastName', 'passwordResetRequestedAt', 'phone', 'publicKey', 'referenceKey', 'status', 'title', 'type', 'updatedAt',
];

// ---------------------------------------------------------------- auth, shop, country

describe('access', () => {
  it('answers 401 ACCESS_DENIED without a key, with a wrong key and with a revoked key', async () => {
    for (const key of [null, '', 'sk_admin_wrong', `${adminKey()}x`, adminKey().toUpperCase()]) {
      const error = await readError(await send(R.customers, 'GET', {}, { key }), 401, 'ACCESS_DENIED');
      expect(error.context).toEqual({});
    }
    const revoked = await createAdminKey('old');
    expect(await revokeAdminKey(revoked.id)).toBe(true);
    await readError(await send(R.customers, 'GET', {}, { key: revoked.key }), 401, 'ACCESS_DENIED');
    // The key is checked before anything else, also on writes.
    const response = await writesNothing(() => send(R.customers, 'POST', {}, { key: revoked.key, body: customerBody() }));
    await readError(response, 401, 'ACCESS_DENIED');
  });

  it('refuses a storefront access token, as Bearer token and as X-Access-Token', async () => {
    const shopper = await createSignedInCustomer();
    expect(await resolveAccessToken(shopper.accessToken)).not.toBeNull();
    const asBearer = await send(R.customer, 'GET', { c: shopper.id }, { key: null, headers: { authorization: `Bearer ${shopper.accessToken}` } });
    await readError(asBearer, 401, 'ACCESS_DENIED');
    await readError(await send(R.customer, 'GET', { c: shopper.id }, { key: shopper.accessToken }), 401, 'ACCESS_DENIED');
    // The same request with the admin key works.
    expect((await readJson(await send(R.customer, 'GET', { c: shopper.id }), 200)).id).toBe(shopper.id);
  });

  it('answers 404 SHOP_NOT_FOUND for another shop key (after the key check)', async () => {
    for (const shopKey of ['shop', 'MS', 'ms ', 'other']) {
      const error = await readError(await send(R.customers, 'GET', {}, { shopKey }), 404, 'SHOP_NOT_FOUND');
      expect(error.context.field).toBe('shopKey');
    }
    await readError(await send(R.customers, 'GET', {}, { shopKey: 'other', key: null }), 401, 'ACCESS_DENIED');
  });

  it('answers 400 INVALID_PARAMETER for a countryCode that is not ISO alpha-2 or alpha-3; DE and DEU both work and do not filter', async () => {
    for (const countryCode of ['XX', 'DEUX', 'D', '', '12', 'XXX']) {
      const error = await readError(await send(R.customers, 'GET', {}, { countryCode }), 400, 'INVALID_PARAMETER');
      expect(error.context.field).toBe('countryCode');
    }
    const created = await createViaApi();
    for (const countryCode of ['DE', 'DEU', 'de', 'AT', 'FRA']) {
      expect((await readJson(await send(R.customer, 'GET', { c: created.id }, { countryCode }), 200)).id).toBe(created.id);
    }
    const response = await writesNothing(() => send(R.customers, 'POST', {}, { countryCode: 'XX', body: customerBody() }));
    await readError(response, 400, 'INVALID_PARAMETER');
  });
});

// ---------------------------------------------------------------- createCustomer

describe('createCustomer', () => {
  it('answers 201 with the whole Customer entity, confirmed and able to sign in with its password', async () => {
    const email = uniqueEmail('Created');
    const before = Date.now();
    const body = {
      email: `  ${email}  `,
      firstName: 'John',
      lastName: 'Doe',
      gender: 'm',
      birthDate: '1980-02-29',
      title: 'Prof.',
      phone: '+49 40 1234567',
      referenceKey: 'erp-4711',
      groups: ['vip', 'b2b', 'vip'],
      password: 'a-long-password',
    };
    const entity = await readJson(await send(R.customers, 'POST', {}, { body }), 201);
    expect(Object.keys(entity).sort()).toEqual(CUSTOMER_FIELDS);
    expect(entity).toMatchObject({
      referenceKey: 'erp-4711',
      customerReference: `DE--${entity.id}`,
      firstName: 'John',
      lastName: 'Doe',
      gender: 'm',
      birthDate: '1980-02-29',
      title: 'Prof.',
      phone: '+49 40 1234567',
      type: 'personal',
      groups: ['vip', 'b2b'],
      status: { isActive: true, isGuestCustomer: false },
      company: null,
      hasPassword: true,
      lastLoginDate: null,
      passwordResetRequestedAt: null,
    });
    expect(Number.isInteger(entity.id) && entity.id > 0).toBe(true);
    expect(String(entity.email).toLowerCase()).toBe(email.toLowerCase());
    expect(entity.publicKey).toMatch(/^\S{6,}$/);
    expect(entity.createdAt).toBe(entity.updatedAt);
    const createdAt = Date.parse(String(entity.createdAt));
    expect(String(entity.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);

    const row = await storedRow(entity.id);
    expect(row.confirmedAt).not.toBeNull();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    // No confirmation email is needed: the password works at once (by the email in any case).
    const customer = await signIn(email.toUpperCase(), 'a-long-password');
    expect(customer.id).toBe(entity.id);
    expect(await signInFails(email, 'another-password')).toBe('invalidCredentials');
    // The sign-in shows as lastLoginDate.
    const read = await readJson(await send(R.customer, 'GET', { c: entity.id }), 200);
    expect(read.lastLoginDate).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives every created customer its own publicKey and a customerReference with its id', async () => {
    const [a, b] = [await createViaApi(), await createViaApi()];
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(b.id).toBeGreaterThan(a.id);
    expect(b.customerReference).toBe(`DE--${b.id}`);
  });

  it('maps gender m/f/d both ways, leaves it null when not given, and refuses any other value', async () => {
    expect((await createViaApi({ gender: 'm' })).gender).toBe('m');
    expect((await createViaApi({ gender: 'f' })).gender).toBe('f');
    expect((await createViaApi({ gender: 'd' })).gender).toBe('d');
    expect((await createViaApi({ gender: null })).gender).toBeNull();
    const plain = await createViaApi();
    expect(plain).toMatchObject({ gender: null, birthDate: null, title: null, phone: null, referenceKey: null, groups: [], hasPassword: false });
    expect((await storedRow((await createViaApi({ gender: 'f' })).id)).gender).toBe('Female');
    for (const gender of ['x', 'M', 'male', 'Male', 'Female', 'constructor', 1, true]) {
      const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: customerBody({ gender }) }));
      expect(await invalidFields(response), `gender ${String(gender)}`).toEqual(['gender']);
    }
  });

  it('answers 409 EMAIL_ALREADY_EXISTS for a taken email, compared case-insensitively (also a storefront customer’s)', async () => {
    const email = uniqueEmail('taken');
    await createViaApi({ email });
    for (const variant of [email, email.toUpperCase(), ` ${email.replace(/^t/, 'T')} `]) {
      const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: customerBody({ email: variant }) }));
      const error = await readError(response, 409, 'EMAIL_ALREADY_EXISTS');
      expect(error.context.field).toBe('email');
    }
    const shopper = await registerShopper();
    await readError(await send(R.customers, 'POST', {}, { body: customerBody({ email: shopper.email.toUpperCase() }) }), 409, 'EMAIL_ALREADY_EXISTS');
  });

  it('answers 409 REFERENCE_KEY_ALREADY_EXISTS for a taken reference key', async () => {
    await createViaApi({ referenceKey: 'dup-key' });
    const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: customerBody({ referenceKey: 'dup-key' }) }));
    const error = await readError(response, 409, 'REFERENCE_KEY_ALREADY_EXISTS');
    expect(error.context.field).toBe('referenceKey');
    // Reference keys are case-sensitive identifiers.
    expect((await createViaApi({ referenceKey: 'DUP-KEY' })).referenceKey).toBe('DUP-KEY');
  });

  it('lists every bad field at once, in the endpoint’s names (400 VALIDATION_ERROR)', async () => {
    const body = {
      email: 'not-an-email',
      firstName: '',
      lastName: 'x'.repeat(101),
      gender: 'q',
      birthDate: '2999-01-01',
      title: 'x'.repeat(51),
      phone: 'call me',
      referenceKey: '   ',
      groups: 'vip',
      password: 'short',
    };
    const response = await writesNothing(() => send(R.customers, 'POST', {}, { body }));
    const errors = await readErrors(response, 400);
    const fields = errors.map((e) => e.context.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(['birthDate', 'email', 'firstName', 'gender', 'groups', 'lastName', 'password', 'phone', 'referenceKey', 'title']);
    for (const error of errors) expect(error.errorKey).toBe('VALIDATION_ERROR');
    expect(errors.find((e) => e.context.field === 'birthDate')!.context.rule).toBe('pastDate');
    expect(errors.find((e) => e.context.field === 'password')!.context).toMatchObject({ rule: 'tooShort', min: 8 });

    // The required fields, when missing.
    expect(await invalidFields(await writesNothing(() => send(R.customers, 'POST', {}, { body: {} })))).toEqual(['email', 'firstName', 'lastName']);
    // Types are checked too.
    expect(await invalidFields(await send(R.customers, 'POST', {}, { body: { email: 5, firstName: ['a'], lastName: { a: 1 }, birthDate: 19800101 } }))).toEqual([
      'birthDate', 'email', 'firstName', 'lastName',
    ]);
  });

  it('refuses password together with passwordHash, and a passwordHash it cannot verify (UNSUPPORTED_HASH)', async () => {
    const both = customerBody({ password: 'a-long-password', passwordHash: { hash: bcryptHashSync('a-long-password', 4), hashingType: 'internal' } });
    const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: both }));
    expect(await invalidFields(response)).toEqual(['passwordHash']);

    const md5 = createHash('md5').update('password').digest('hex');
    for (const passwordHash of [
      { hash: md5, hashingType: 'internal' },
      { hash: `{MD5}${md5}`, hashingType: 'internal' },
      { hash: md5, hashingType: 'salesforce' },
      { hash: '', hashingType: 'internal' },
    ]) {
      const answer = await writesNothing(() => send(R.customers, 'POST', {}, { body: customerBody({ passwordHash }) }));
      expect((await readError(answer, 400, 'UNSUPPORTED_HASH')).context.field).toBe('passwordHash.hash');
    }
    const badType = await writesNothing(() => send(R.customers, 'POST', {}, { body: customerBody({ passwordHash: { hash: md5, hashingType: 'md5' } }) }));
    expect(await invalidFields(badType)).toEqual(['passwordHash.hashingType']);
  });

  it('creates a customer with an imported hash that signs in with its password', async () => {
    const email = uniqueEmail('imported');
    const entity = await createViaApi({ email, passwordHash: { hash: bcryptHashSync('imported-password', 4), hashingType: 'internal' } });
    expect(entity.hasPassword).toBe(true);
    expect((await storedRow(entity.id)).passwordHashType).toBe('bcrypt');
    expect((await signIn(email, 'imported-password')).id).toBe(entity.id);
    expect((await storedRow(entity.id)).passwordHashType).toBe('argon2id');
  });

  it('answers 415 for another media type, 400 INVALID_JSON for broken JSON or a non-object, 413 above 64 KiB; nothing is written', async () => {
    const valid = JSON.stringify(customerBody());
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', 'application/jsonx']) {
      const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: valid, headers: { 'content-type': contentType } }));
      await readError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    // No content type at all.
    const bare = new Request('http://internal.test/admin/v1/shops/ms/countries/DE/customers', { method: 'POST', headers: { 'x-access-token': adminKey() }, body: new TextEncoder().encode(valid) });
    await readError(await R.customers.module.POST(bare, { params: Promise.resolve({ shopKey: 'ms', countryCode: 'DE' }) }), 415, 'UNSUPPORTED_MEDIA_TYPE');

    for (const broken of ['{"email": ', '', 'nul', "{'a': 1}", '[]', `[${valid}]`, '"text"', '42', 'null', 'true']) {
      const response = await writesNothing(() => send(R.customers, 'POST', {}, { body: broken }));
      await readError(response, 400, 'INVALID_JSON');
    }
    const huge = JSON.stringify(customerBody({ title: 'x'.repeat(70 * 1024) }));
    await readError(await writesNothing(() => send(R.customers, 'POST', {}, { body: huge })), 413, 'PAYLOAD_TOO_LARGE');
    // Just under the limit it is read (and refused by the rules, not by size).
    const big = JSON.stringify(customerBody({ title: 'x'.repeat(60 * 1024) }));
    expect(await invalidFields(await writesNothing(() => send(R.customers, 'POST', {}, { body: big })))).toEqual(['title']);
    // A charset parameter is fine.
    await readJson(await send(R.customers, 'POST', {}, { body: valid, headers: { 'content-type': 'application/json; charset=utf-8' } }), 201);
  });
});

// ---------------------------------------------------------------- getCustomer

describe('getCustomer', () => {
  it('reads a customer by id and by key=<referenceKey> (Next passes the decoded key)', async () => {
    const created = await createViaApi({ referenceKey: 'my-key' });
    const byId = await readJson(await send(R.customer, 'GET', { c: created.id }), 200);
    expect(byId).toEqual(created);
    expect(await readJson(await send(R.customer, 'GET', { c: 'key=my-key' }), 200)).toEqual(created);

    const odd = await createViaApi({ referenceKey: 'crm/4711 ä?&=#' });
    expect((await readJson(await send(R.customer, 'GET', { c: 'key=crm/4711 ä?&=#' }), 200)).id).toBe(odd.id);
    // The still-encoded form names another (unknown) key.
    await readError(await send(R.customer, 'GET', { c: `key=${encodeURIComponent('crm/4711 ä?&=#')}` }), 404, 'CUSTOMER_NOT_FOUND');
  });

  it('answers 404 CUSTOMER_NOT_FOUND for unknown and malformed identifiers', async () => {
    const created = await createViaApi();
    for (const c of [String(created.id + 1000), 'key=nobody', 'abc', '0', '-1', '01', '1.0', ' 1', '1e3', 'key=', 'KEY=my-key', '99999999999999999999', '']) {
      const error = await readError(await send(R.customer, 'GET', { c }), 404, 'CUSTOMER_NOT_FOUND');
      expect(error.message).toMatch(/customer/i);
    }
  });

  it('shows a customer registered in the shop, with the id from its DE--N reference', async () => {
    const shopper = await registerShopper();
    const id = Number(shopper.reference.replace(/^DE--/, ''));
    const entity = await readJson(await send(R.customer, 'GET', { c: id }), 200);
    expect(entity).toMatchObject({ id, customerReference: shopper.reference, email: shopper.email, firstName: 'Ada', lastName: 'Lovelace', hasPassword: true });
    expect(entity.status).toEqual({ isActive: true, isGuestCustomer: false });
  });

  it('with=addresses de-duplicates equal addresses, with=nonUniqueAddresses returns them all; only by id', async () => {
    const created = await createViaApi({ referenceKey: 'with-addresses' });
    const address = { street: 'Domstraße', houseNumber: '1', zipCode: '20095', city: 'Hamburg', countryCode: 'DEU' };
    const ids: number[] = [];
    for (const body of [address, address, { ...address, houseNumber: '2' }, address]) {
      ids.push((await readJson(await send(R.addresses, 'POST', { c: created.id }, { body }), 201)).id);
    }
    expect(Object.keys(await readJson(await send(R.customer, 'GET', { c: created.id }), 200))).not.toContain('addresses');

    type WithAddresses = AdminEntity & { addresses: AdminEntity[] };
    const unique = await readJson<WithAddresses>(await send(R.customer, 'GET', { c: created.id }, { query: '?with=addresses' }), 200);
    expect(unique.addresses.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect(unique.addresses[0]).toMatchObject({ street: 'Domstraße', countryCode: 'DEU', isDefault: { billing: true, shipping: true } });
    const byKey = await readJson<WithAddresses>(await send(R.customer, 'GET', { c: 'key=with-addresses' }, { query: '?with=addresses' }), 200);
    expect(byKey.addresses.map((a) => a.id)).toEqual([ids[0], ids[2]]);

    const all = await readJson<WithAddresses>(await send(R.customer, 'GET', { c: created.id }, { query: '?with=nonUniqueAddresses' }), 200);
    expect(all.addresses.map((a) => a.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    const both = await readJson<WithAddresses>(await send(R.customer, 'GET', { c: created.id }, { query: '?with=addresses,nonUniqueAddresses' }), 200);
    expect(both.addresses).toHaveLength(4);

    const error = await readError(await send(R.customer, 'GET', { c: 'key=with-addresses' }, { query: '?with=nonUniqueAddresses' }), 400, 'INVALID_PARAMETER');
    expect(error.context.field).toBe('with');
  });

  it('with=legacyCustomData shows the imported data; another with value is a 400', async () => {
    const created = await createViaApi();
    await getDb().update(customers).set({ legacyCustomData: [{ loyalty: 'gold' }, 7] }).where(eq(customers.id, created.id));
    const entity = await readJson(await send(R.customer, 'GET', { c: created.id }, { query: '?with=legacyCustomData' }), 200);
    expect(entity.legacyCustomData).toEqual([{ loyalty: 'gold' }, 7]);
    expect(entity).not.toHaveProperty('addresses');
    const combined = await readJson(await send(R.customer, 'GET', { c: created.id }, { query: '?with=legacyCustomData,addresses' }), 200);
    expect(combined).toMatchObject({ legacyCustomData: [{ loyalty: 'gold' }, 7], addresses: [] });

    for (const query of ['?with=foo', '?with=addresses,foo', '?with=Addresses']) {
      const error = await readError(await send(R.customer, 'GET', { c: created.id }, { query }), 400, 'INVALID_PARAMETER');
      expect(error.context.field).toBe('with');
    }
  });
});

// ---------------------------------------------------------------- updateCustomerReferenceKey

describe('updateCustomerReferenceKey', () => {
  it('sets and replaces the reference key and answers with the customer', async () => {
    const created = await createViaApi();
    const entity = await readJson(await send(R.referenceKey, 'PUT', { c: created.id }, { body: { referenceKey: 'my-key-2' } }), 200);
    expect(Object.keys(entity).sort()).toEqual(CUSTOMER_FIELDS);
    expect(entity).toMatchObject({ id: created.id, referenceKey: 'my-key-2', email: created.email });
    expect(Date.parse(String(entity.updatedAt))).toBeGreaterThanOrEqual(Date.parse(String(created.updatedAt)));
    expect((await readJson(await send(R.customer, 'GET', { c: 'key=my-key-2' }), 200)).id).toBe(created.id);

    await readJson(await send(R.referenceKey, 'PUT', { c: created.id }, { body: { referenceKey: 'my-key-3' } }), 200);
    await readError(await send(R.customer, 'GET', { c: 'key=my-key-2' }), 404, 'CUSTOMER_NOT_FOUND');
    expect((await readJson(await send(R.customer, 'GET', { c: 'key=my-key-3' }), 200)).id).toBe(created.id);
    // Setting the key a customer already has is fine.
    await readJson(await send(R.referenceKey, 'PUT', { c: created.id }, { body: { referenceKey: 'my-key-3' } }), 200);
  });

  it('answers 409 for a key another customer has, 400 for a key= identifier or a blank key, 404 for an unknown id', async () => {
    const [a, b] = [await createViaApi({ referenceKey: 'owner-key' }), await createViaApi({ referenceKey: 'b-key' })];
    const taken = await readError(await send(R.referenceKey, 'PUT', { c: b.id }, { body: { referenceKey: 'owner-key' } }), 409, 'REFERENCE_KEY_ALREADY_EXISTS');
    expect(taken.context.field).toBe('referenceKey');
    expect((await storedRow(b.id)).referenceKey).toBe('b-key');

    const byKey = await readError(await send(R.referenceKey, 'PUT', { c: 'key=owner-key' }, { body: { referenceKey: 'new' } }), 400, 'INVALID_PARAMETER');
    expect(byKey.context.field).toBe('customerId');
    expect((await storedRow(a.id)).referenceKey).toBe('owner-key');

    for (const referenceKey of ['', '   ', null, 5, undefined]) {
      const response = await send(R.referenceKey, 'PUT', { c: a.id }, { body: { referenceKey } });
      expect(await invalidFields(response), `referenceKey ${String(referenceKey)}`).toEqual(['referenceKey']);
    }
    expect(await invalidFields(await send(R.referenceKey, 'PUT', { c: a.id }, { body: { referenceKey: 'x'.repeat(256) } }))).toEqual(['referenceKey']);
    await readError(await send(R.referenceKey, 'PUT', { c: a.id + 1000 }, { body: { referenceKey: 'ghost' } }), 404, 'CUSTOMER_NOT_FOUND');
    expect((await storedRow(a.id)).referenceKey).toBe('owner-key');
  });
});

// ---------------------------------------------------------------- setCustomerPassword

describe('setCustomerPassword', () => {
  it('answers 204, ends every session and token family of the customer, and the new password signs in', async () => {
    const email = uniqueEmail('pw');
    const created = await createViaApi({ email, password: 'the-old-password', referenceKey: 'pw-key' });
    const tokens = await createAccessTokens({ username: email, password: 'the-old-password' }, { clientIp: uniqueIp() });
    const sessionId = await startBrowserSession(created.id);
    const other = await createSignedInCustomer();
    expect(await resolveAccessToken(tokens.accessToken)).toMatchObject({ customerId: created.id });
    expect(await resolveBrowserSession(sessionId)).not.toBeNull();

    const response = await send(R.password, 'PUT', { c: created.id }, { body: { password: 'the-new-password', hashingType: 'internal' } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');

    expect(await resolveAccessToken(tokens.accessToken)).toBeNull();
    expect(await resolveBrowserSession(sessionId)).toBeNull();
    await expect(refreshAccessTokens({ refreshToken: tokens.refreshToken }, {})).rejects.toMatchObject({ code: 'invalidRefreshToken' });
    // Another customer's login is untouched.
    expect(await resolveAccessToken(other.accessToken)).not.toBeNull();

    expect(await signInFails(email, 'the-old-password')).toBe('invalidCredentials');
    expect((await signIn(email, 'the-new-password')).id).toBe(created.id);
    const row = await storedRow(created.id);
    expect(row.passwordHashType).toBe('argon2id');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    // By reference key too, whatever hashingType says (the password is always hashed with argon2id).
    const byKey = await send(R.password, 'PUT', { c: 'key=pw-key' }, { body: { password: 'a-third-password', hashingType: 'salesforce' } });
    expect(byKey.status).toBe(204);
    expect((await signIn(email, 'a-third-password')).id).toBe(created.id);
    expect((await storedRow(created.id)).passwordHashType).toBe('argon2id');
  });

  it('gives a customer without a password one', async () => {
    const email = uniqueEmail('nopw');
    const created = await createViaApi({ email });
    expect(created.hasPassword).toBe(false);
    expect(await signInFails(email, 'first-password')).toBe('invalidCredentials');
    expect((await send(R.password, 'PUT', { c: created.id }, { body: { password: 'first-password', hashingType: 'internal' } })).status).toBe(204);
    expect((await readJson(await send(R.customer, 'GET', { c: created.id }), 200)).hasPassword).toBe(true);
    expect((await signIn(email, 'first-password')).id).toBe(created.id);
  });

  it('refuses a bad password or hashingType (400) and an unknown customer (404), changing nothing', async () => {
    const email = uniqueEmail('pw-bad');
    const created = await createViaApi({ email, password: 'stays-the-same' });
    const before = (await storedRow(created.id)).passwordHash;
    expect(await invalidFields(await send(R.password, 'PUT', { c: created.id }, { body: { password: 'short', hashingType: 'internal' } }))).toEqual(['password']);
    expect(await invalidFields(await send(R.password, 'PUT', { c: created.id }, { body: { password: 'x'.repeat(65), hashingType: 'internal' } }))).toEqual(['password']);
    // One of the most common passwords, in any case: the rule every transport shares.
    const [common] = await readErrors(await send(R.password, 'PUT', { c: created.id }, { body: { password: 'Password1', hashingType: 'internal' } }), 400);
    expect(common).toEqual({
      errorKey: 'VALIDATION_ERROR',
      message: 'This password is too common (one of the 10,000 most common passwords).',
      context: { field: 'password', rule: 'commonPassword' },
    });
    expect(await invalidFields(await writesNothing(() => send(R.customers, 'POST', {}, { body: { email: uniqueEmail('common'), firstName: 'A', lastName: 'B', password: 'iloveyou' } })))).toEqual(['password']);
    expect(await invalidFields(await send(R.password, 'PUT', { c: created.id }, { body: { password: 'long-enough-1', hashingType: 'md5' } }))).toEqual(['hashingType']);
    expect(await invalidFields(await send(R.password, 'PUT', { c: created.id }, { body: {} }))).toEqual(['hashingType', 'password']);
    for (const c of [created.id + 1000, 'key=nobody', 'abc']) {
      await readError(await send(R.password, 'PUT', { c }, { body: { password: 'long-enough-1', hashingType: 'internal' } }), 404, 'CUSTOMER_NOT_FOUND');
    }
    await readError(await send(R.password, 'PUT', { c: created.id }, { body: 'password=x', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await storedRow(created.id)).passwordHash).toBe(before);
    expect((await signIn(email, 'stays-the-same')).id).toBe(created.id);
  });
});

// ---------------------------------------------------------------- setCustomerPasswordHash

describe('setCustomerPasswordHash', () => {
  async function importHash(hash: string | undefined, hashingType: string, password: string) {
    const email = uniqueEmail('hash');
    const created = await createViaApi({ email, password: 'the-previous-password' });
    const tokens = await createAccessTokens({ username: email, password: 'the-previous-password' }, { clientIp: uniqueIp() });
    const response = await send(R.passwordHash, 'PUT', { c: created.id }, { body: { hash, hashingType } });
    expect(response.status, await response.clone().text()).toBe(204);
    expect(await response.text()).toBe('');
    expect(await resolveAccessToken(tokens.accessToken)).toBeNull();
    expect(await signInFails(email, 'the-previous-password')).toBe('invalidCredentials');
    expect(await signInFails(email, `${password}x`)).toBe('invalidCredentials');
    return { email, id: created.id, password };
  }

  async function signsInAndIsRehashed({ email, id, password }: { email: string; id: number; password: string }, importedType: string) {
    expect((await storedRow(id)).passwordHashType).toBe(importedType);
    expect((await signIn(email, password)).id).toBe(id);
    const row = await storedRow(id);
    expect(row.passwordHashType).toBe('argon2id');
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    // The argon2id hash works from now on.
    expect((await signIn(email, password)).id).toBe(id);
  }

  it('imports bcrypt ($2a$, $2b$, $2y$) hashes', async () => {
    const b = bcryptHashSync('bcrypt-password', 4);
    for (const hash of [b, b.replace(/^\$2b\$/, '$2a$'), b.replace(/^\$2b\$/, '$2y$')]) {
      await signsInAndIsRehashed(await importHash(hash, 'internal', 'bcrypt-password'), 'bcrypt');
    }
  });

  it('imports pbkdf2_sha256$<iterations>$<salt>$<base64> hashes', async () => {
    const salt = randomBytes(9).toString('base64url');
    const digest = pbkdf2Sync('pbkdf2-password', salt, 1000, 32, 'sha256').toString('base64');
    await signsInAndIsRehashed(await importHash(`pbkdf2_sha256$1000$${salt}$${digest}`, 'internal', 'pbkdf2-password'), 'pbkdf2_sha256');
  });

  it('imports argon2i and older argon2id PHC strings', async () => {
    const argon2i = await argon2Hash('argon2i-password', { algorithm: 1 as Algorithm });
    expect(argon2i).toMatch(/^\$argon2i\$/);
    await signsInAndIsRehashed(await importHash(argon2i, 'internal', 'argon2i-password'), 'argon2i');

    const olderArgon2id = await argon2Hash('argon2id-password', { algorithm: 2 as Algorithm, memoryCost: 4096, timeCost: 3 });
    const imported = await importHash(olderArgon2id, 'internal', 'argon2id-password');
    expect((await signIn(imported.email, imported.password)).id).toBe(imported.id);
    expect((await storedRow(imported.id)).passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('imports salesforce hashes <salt>$<base64 sha256(password + salt)>', async () => {
    const salt = 'NaCl4711';
    const digest = createHash('sha256').update(`salesforce-password${salt}`).digest('base64');
    await signsInAndIsRehashed(await importHash(`${salt}$${digest}`, 'salesforce', 'salesforce-password'), 'salesforce');
  });

  it('works by key= too', async () => {
    const email = uniqueEmail('hash-key');
    const created = await createViaApi({ email, referenceKey: 'hash-by-key' });
    const response = await send(R.passwordHash, 'PUT', { c: 'key=hash-by-key' }, { body: { hash: bcryptHashSync('by-key-password', 4), hashingType: 'internal' } });
    expect(response.status).toBe(204);
    expect((await signIn(email, 'by-key-password')).id).toBe(created.id);
  });

  describe('external', () => {
    let server: Server;
    const seen: { email: string; password: string }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        request.on('end', () => {
          const body = JSON.parse(text) as { email: string; password: string };
          seen.push(body);
          response.statusCode = body.password === 'external-password' ? 200 : 401;
          response.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`);
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('asks the shop’s service at the first sign-in only, then keeps an argon2id hash', async () => {
      const imported = await importHash('', 'external', 'external-password');
      const row = await storedRow(imported.id);
      expect(row).toMatchObject({ passwordHash: null, passwordHashType: 'external' });
      expect((await readJson(await send(R.customer, 'GET', { c: imported.id }), 200)).hasPassword).toBe(true);
      const asked = seen.length;
      expect(asked).toBeGreaterThanOrEqual(2); // the wrong passwords of importHash
      expect(seen.at(-1)!.email.toLowerCase()).toBe(imported.email.toLowerCase());

      await signsInAndIsRehashed(imported, 'external');
      expect(seen.slice(asked).map((s) => s.password)).toEqual(['external-password']);
      expect(await signInFails(imported.email, 'something-else')).toBe('invalidCredentials');
      expect(seen.length).toBe(asked + 1);
    });

    it('accepts external without a hash at all, and a sign-in fails when the service is down', async () => {
      const email = uniqueEmail('ext');
      const created = await createViaApi({ email });
      expect((await send(R.passwordHash, 'PUT', { c: created.id }, { body: { hashingType: 'external' } })).status).toBe(204);
      vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', 'http://127.0.0.1:9/unreachable');
      vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        expect(await signInFails(email, 'external-password')).toBe('invalidCredentials');
      } finally {
        vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`);
        vi.restoreAllMocks();
      }
      expect((await storedRow(created.id)).passwordHashType).toBe('external');
      expect((await signIn(email, 'external-password')).id).toBe(created.id);
    });
  });

  it('answers 400 UNSUPPORTED_HASH for a hash it cannot verify and keeps the old password', async () => {
    const email = uniqueEmail('unsupported');
    const created = await createViaApi({ email, password: 'kept-password' });
    const md5 = createHash('md5').update('password').digest('hex');
    const sha1 = createHash('sha1').update('password').digest('hex');
    for (const [hash, hashingType] of [
      [md5, 'internal'],
      [sha1, 'internal'],
      ['$1$saltsalt$qjXMvbEw8oaL.CzflDugX/', 'internal'],
      ['$2b$31$' + 'a'.repeat(53), 'internal'],
      ['pbkdf2_sha256$99999999$salt$' + Buffer.alloc(32).toString('base64'), 'internal'],
      ['$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', 'internal'],
      ['', 'internal'],
      [undefined, 'internal'],
      [md5, 'salesforce'],
      ['salt$' + Buffer.alloc(31).toString('base64'), 'salesforce'],
      ['salt\u0000$' + Buffer.alloc(32).toString('base64'), 'salesforce'],
    ] as const) {
      const error = await readError(await send(R.passwordHash, 'PUT', { c: created.id }, { body: { hash, hashingType } }), 400, 'UNSUPPORTED_HASH');
      expect(error.context.field, String(hash)).toBe('hash');
    }
    expect(await invalidFields(await send(R.passwordHash, 'PUT', { c: created.id }, { body: { hash: md5, hashingType: 'md5' } }))).toEqual(['hashingType']);
    expect(await invalidFields(await send(R.passwordHash, 'PUT', { c: created.id }, { body: { hash: 'x'.repeat(1025), hashingType: 'internal' } }))).toEqual(['hash']);
    await readError(
      await send(R.passwordHash, 'PUT', { c: created.id + 1000 }, { body: { hash: bcryptHashSync('x', 4), hashingType: 'internal' } }),
      404,
      'CUSTOMER_NOT_FOUND',
    );
    expect((await storedRow(created.id)).passwordHashType).toBe('argon2id');
    expect((await signIn(email, 'kept-password')).id).toBe(created.id);
  });
});

// ---------------------------------------------------------------- methods and unknown paths

describe('methods', () => {
  it('answers 405 with Allow for a method a route does not serve, without touching anything', async () => {
    const created = await createViaApi();
    const cases: [Route, string, string][] = [
      [R.customer, 'DELETE', 'GET, HEAD, OPTIONS'],
      [R.customer, 'PATCH', 'GET, HEAD, OPTIONS'],
      [R.customer, 'POST', 'GET, HEAD, OPTIONS'],
      [R.customers, 'DELETE', 'GET, HEAD, POST, OPTIONS'],
      [R.customers, 'PUT', 'GET, HEAD, POST, OPTIONS'],
      [R.password, 'GET', 'PUT, OPTIONS'],
      [R.passwordHash, 'POST', 'PUT, OPTIONS'],
      [R.referenceKey, 'PATCH', 'PUT, OPTIONS'],
      [R.addresses, 'DELETE', 'GET, HEAD, POST, OPTIONS'],
    ];
    for (const [route, method, allow] of cases) {
      const response = await writesNothing(() => send(route, method, { c: created.id }, { body: method === 'GET' ? undefined : { referenceKey: 'x' } }));
      const error = await readError(response, 405, 'METHOD_NOT_ALLOWED');
      expect(error.context).toEqual({});
      expect(response.headers.get('allow'), `${method} ${route.path}`).toBe(allow);
    }
    expect((await storedRow(created.id)).referenceKey).toBeNull();
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    for (const [route, allow] of [
      [R.customer, 'GET, HEAD, OPTIONS'],
      [R.customers, 'GET, HEAD, POST, OPTIONS'],
      [R.password, 'PUT, OPTIONS'],
    ] as const) {
      const response = await send(route, 'OPTIONS', { c: 1 });
      expect(response.status).toBe(204);
      expect(response.headers.get('allow')).toBe(allow);
      expect(await response.text()).toBe('');
    }
  });

  it('answers HEAD on GET routes like GET, without a body', async () => {
    const created = await createViaApi();
    const head = await send(R.customer, 'HEAD', { c: created.id });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(await head.text()).toBe('');
    const missing = await send(R.customer, 'HEAD', { c: created.id + 1000 });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
    expect((await send(R.customers, 'HEAD', {}, { key: null })).status).toBe(401);
    expect((await send(R.customers, 'HEAD', {}, { query: '?limit=1' })).status).toBe(200);
  });

  it('answers 404 NOT_FOUND on unknown admin paths, for every method', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const handler = unknownPath[method];
      const response = await handler();
      expect(response.status).toBe(404);
      if (method !== 'HEAD') await readError(response, 404, 'NOT_FOUND');
    }
  });
});
