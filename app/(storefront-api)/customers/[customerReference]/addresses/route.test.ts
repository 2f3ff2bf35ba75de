import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAddresses } from '@/app/_domain/addresses/service';
import { resolveAccessToken } from '@/app/_domain/auth/tokens';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import {
  bearer,
  callRoute,
  createSignedInCustomer,
  document,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  jsonApiRequest,
  readErrors,
  readFieldErrors,
  readJsonApi,
  rowsContaining,
  type SignedInCustomer,
  type TestCustomer,
  type TestHeaders,
  principalOf,
} from '@/test/support/jsonapi-client';
import { getDb } from '@/db/client';
import { customerAddresses, tokenFamilies, type AddressRow } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { GET as getCustomerRoute } from '../route';
import {
  DELETE as deleteItemRoute,
  GET as getItemRoute,
  PATCH as patchItemRoute,
  POST as postItemRoute,
} from './[addressId]/route';
import { DELETE as deleteCollectionRoute, GET as getCollectionRoute, PATCH as patchCollectionRoute, POST as postCollectionRoute } from './route';

/**
 * The storefront address book over the JSON:API: `/customers/{ref}/addresses[/{id}]` and
 * `GET /customers/{ref}?include=addresses`, on the real database.
 */

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ATTRIBUTE_NAMES = [
  'salutation',
  'firstName',
  'lastName',
  'address1',
  'address2',
  'address3',
  'zipCode',
  'city',
  'country',
  'iso2Code',
  'company',
  'phone',
  'isDefaultShipping',
  'isDefaultBilling',
];
const NOT_FOUND = { status: 404, code: '404', detail: 'Address was not found.' };
const FORBIDDEN = { status: 403, code: '411', detail: 'Unauthorized request.' };
const ID_MISSING = { status: 400, code: '412', detail: 'Address UUID is missing.' };
const BLANK = 'This value should not be blank.';

type Attributes = Record<string, unknown>;
type AddressResource = { type: string; id: string; attributes: Attributes; links: { self: string } };
type AddressDocument = { data: AddressResource; links: { self: string } };
type AddressCollection = { data: AddressResource[]; links: { self: string } };

// ---------------------------------------------------------------- requests

const collectionPath = (reference: string) => `/customers/${encodeURIComponent(reference)}/addresses`;
const itemPath = (reference: string, id: string) => `${collectionPath(reference)}/${encodeURIComponent(id)}`;
const auth = (customer: SignedInCustomer): TestHeaders => bearer(customer.accessToken);

function list(headers: TestHeaders, reference: string, query = ''): Promise<Response> {
  return callRoute(getCollectionRoute, jsonApiRequest(`${collectionPath(reference)}${query}`, undefined, { method: 'GET', headers }), {
    customerReference: reference,
  });
}

function post(headers: TestHeaders, reference: string, body: unknown): Promise<Response> {
  return callRoute(postCollectionRoute, jsonApiRequest(collectionPath(reference), body, { method: 'POST', headers }), {
    customerReference: reference,
  });
}

function read(headers: TestHeaders, reference: string, id: string): Promise<Response> {
  return callRoute(getItemRoute, jsonApiRequest(itemPath(reference, id), undefined, { method: 'GET', headers }), {
    customerReference: reference,
    addressId: id,
  });
}

function patch(headers: TestHeaders, reference: string, id: string, body: unknown): Promise<Response> {
  return callRoute(patchItemRoute, jsonApiRequest(itemPath(reference, id), body, { method: 'PATCH', headers }), {
    customerReference: reference,
    addressId: id,
  });
}

function remove(headers: TestHeaders, reference: string, id: string): Promise<Response> {
  return callRoute(deleteItemRoute, jsonApiRequest(itemPath(reference, id), undefined, { method: 'DELETE', headers }), {
    customerReference: reference,
    addressId: id,
  });
}

function getCustomer(customer: SignedInCustomer, query = ''): Promise<Response> {
  return callRoute(
    getCustomerRoute,
    jsonApiRequest(`/customers/${customer.reference}${query}`, undefined, { method: 'GET', headers: auth(customer) }),
    { customerReference: customer.reference },
  );
}

const addresses = (attributes: Attributes) => document('addresses', attributes);

// ---------------------------------------------------------------- addresses

let streetNumber = 0;

/** A valid German address; each call a different street, so rows are told apart. */
function berlin(overrides: Attributes = {}): Attributes {
  streetNumber += 1;
  return {
    salutation: 'Ms',
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: `Unter den Linden ${streetNumber}`,
    address2: `${streetNumber}a`,
    zipCode: '10117',
    city: 'Berlin',
    iso2Code: 'DE',
    ...overrides,
  };
}

/** Adds an address through the API (expects 201) and returns its resource. */
async function add(customer: SignedInCustomer, attributes: Attributes = berlin()): Promise<AddressResource> {
  const response = await post(auth(customer), customer.reference, addresses(attributes));
  expect(response.status).toBe(201);
  return (await readJsonApi<AddressDocument>(response)).data;
}

/** PATCHes an address of the customer's own (expects 200) and returns its resource. */
async function change(customer: SignedInCustomer, id: string, attributes: Attributes): Promise<AddressResource> {
  const response = await patch(auth(customer), customer.reference, id, addresses(attributes));
  expect(response.status).toBe(200);
  return (await readJsonApi<AddressDocument>(response)).data;
}

async function listed(customer: SignedInCustomer): Promise<AddressResource[]> {
  const response = await list(auth(customer), customer.reference);
  expect(response.status).toBe(200);
  return (await readJsonApi<AddressCollection>(response)).data;
}

// ---------------------------------------------------------------- database

function rowsOf(customer: TestCustomer): Promise<AddressRow[]> {
  return db().select().from(customerAddresses).where(eq(customerAddresses.customerId, customer.id)).orderBy(asc(customerAddresses.id));
}

async function rowOf(id: string): Promise<AddressRow> {
  const [row] = await db().select().from(customerAddresses).where(eq(customerAddresses.uuid, id));
  if (!row) throw new Error(`no address ${id}`);
  return row;
}

/** The uuids of the customer's default shipping and billing addresses, as stored. */
async function defaultsOf(customer: TestCustomer): Promise<{ shipping: string[]; billing: string[] }> {
  const rows = await rowsOf(customer);
  return {
    shipping: rows.filter((r) => r.isDefaultShipping).map((r) => r.uuid),
    billing: rows.filter((r) => r.isDefaultBilling).map((r) => r.uuid),
  };
}

function actorOf(customer: TestCustomer) {
  return principalOf(customer);
}

async function expectErrors(response: Response, status: number, errors: unknown[]): Promise<void> {
  expect(response.status).toBe(status);
  expect(await readErrors(response)).toEqual(errors);
}

// ================================================================ collection

describe('GET /customers/{customerReference}/addresses', () => {
  it('answers 200 with an empty collection and an absolute self link for a customer without addresses', async () => {
    const customer = await createSignedInCustomer();

    const response = await list(auth(customer), customer.reference);

    expect(response.status).toBe(200);
    expect(await readJsonApi(response)).toEqual({ data: [], links: { self: `${APP_URL}/customers/${customer.reference}/addresses` } });
  });

  it("lists only the caller's addresses, default addresses first, then oldest first", async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    await add(other);
    const first = await add(customer);
    const second = await add(customer);
    const third = await add(customer);
    const fourth = await add(customer);
    await change(customer, fourth.id, { isDefaultShipping: true });
    await change(customer, third.id, { isDefaultBilling: true });

    const data = await listed(customer);

    expect(data.map((a) => a.id)).toEqual([third.id, fourth.id, first.id, second.id]);
    expect(data.map((a) => [a.attributes.isDefaultShipping, a.attributes.isDefaultBilling])).toEqual([
      [false, true],
      [true, false],
      [false, false],
      [false, false],
    ]);
    for (const address of data) {
      expect(address.type).toBe('addresses');
      expect(Object.keys(address.attributes).sort()).toEqual([...ATTRIBUTE_NAMES].sort());
      expect(address.links).toEqual({ self: `${APP_URL}/customers/${customer.reference}/addresses/${address.id}` });
    }
  });

  it('honours sparse fieldsets on the collection', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);

    const response = await list(auth(customer), customer.reference, '?fields[addresses]=city,iso2Code');

    const body = await readJsonApi<AddressCollection>(response);
    expect(body.data).toEqual([{ type: 'addresses', id: address.id, attributes: { city: 'Berlin', iso2Code: 'DE' }, links: address.links }]);
  });
});

describe('GET …/addresses reads the address book in the statement of the token check', () => {
  it('gives the principal the address book in the list’s order, and nothing once the token family is revoked', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer);
    const third = await add(customer);
    await change(customer, third.id, { isDefaultShipping: true, isDefaultBilling: true });

    const principal = await resolveAccessToken(customer.accessToken, new Date(), { withAddresses: true });
    expect(principal?.addressBook?.map((a) => a.uuid)).toEqual([third.id, first.id, second.id]);
    expect(Object.keys(principal!)).not.toContain('addressBook');
    expect((await listAddresses(principal!, customer.id)).map((a) => a.uuid)).toEqual((await listed(customer)).map((a) => a.id));

    await getDb().update(tokenFamilies).set({ revokedAt: new Date() }).where(eq(tokenFamilies.id, customer.familyId));
    expect(await resolveAccessToken(customer.accessToken, new Date(), { withAddresses: true })).toBeNull();
    await expectInvalidAccessToken(await list(auth(customer), customer.reference));
  });

  it('an empty address book is read as empty; another customer’s reference is still refused', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    await add(other);
    const principal = await resolveAccessToken(customer.accessToken, new Date(), { withAddresses: true });
    expect(principal?.addressBook).toEqual([]);
    expect((await list(auth(customer), other.reference)).status).toBe(403);
  });

  it('listAddresses uses the address book the check read, only for the principal’s own customer', async () => {
    const customer = await createSignedInCustomer();
    const stored = await add(customer);
    const principal = await resolveAccessToken(customer.accessToken, new Date(), { withAddresses: true });
    // Written after the check: this request still answers with what its check read.
    await add(customer);
    expect((await listAddresses(principal!, customer.id)).map((a) => a.uuid)).toEqual([stored.id]);
    // Without the read-along, the address book comes from the database.
    expect(await listAddresses(principalOf(customer), customer.id)).toHaveLength(2);
  });
});

describe('POST /customers/{customerReference}/addresses', () => {
  it('answers 201 with every attribute: country name from iso2Code, phone as written, absolute links, Location', async () => {
    const customer = await createSignedInCustomer();
    const attributes = {
      salutation: 'Dr',
      firstName: 'Grace',
      lastName: 'Hopper',
      address1: 'Rue de Rivoli',
      address2: '99',
      address3: 'Bâtiment B',
      zipCode: '75001',
      city: 'Paris',
      iso2Code: 'FR',
      company: 'ACME SARL',
      phone: '01 23 45 67 89',
      isDefaultShipping: true,
      isDefaultBilling: true,
    };

    const response = await post(auth(customer), customer.reference, addresses(attributes));

    expect(response.status).toBe(201);
    const body = await readJsonApi<AddressDocument>(response);
    const id = body.data.id;
    expect(id).toMatch(UUID_V4);
    const self = `${APP_URL}/customers/${customer.reference}/addresses/${id}`;
    expect(body).toEqual({
      data: {
        type: 'addresses',
        id,
        attributes: { ...attributes, country: 'France' },
        links: { self },
      },
      links: { self: `${APP_URL}/customers/${customer.reference}/addresses` },
    });
    expect(response.headers.get('location')).toBe(self);

    const fetched = await read(auth(customer), customer.reference, id);
    expect(fetched.status).toBe(200);
    expect((await readJsonApi<AddressDocument>(fetched)).data).toEqual(body.data);

    const [row] = await rowsOf(customer);
    expect(row).toMatchObject({
      uuid: id,
      customerId: customer.id,
      salutation: 'Dr',
      firstName: 'Grace',
      lastName: 'Hopper',
      street: 'Rue de Rivoli',
      houseNumber: '99',
      additional: 'Bâtiment B',
      zipCode: '75001',
      city: 'Paris',
      countryCode: 'FR',
      company: 'ACME SARL',
      phone: '01 23 45 67 89',
      state: null,
      isDefaultShipping: true,
      isDefaultBilling: true,
    });
  });

  it('renders the optional attributes it was not given as null', async () => {
    const customer = await createSignedInCustomer();

    const address = await add(customer, berlin());

    expect(address.attributes).toMatchObject({ address3: null, company: null, phone: null, country: 'Germany' });
    expect(Object.keys(address.attributes).sort()).toEqual([...ATTRIBUTE_NAMES].sort());
  });

  it('does not store or render a client-sent state, and ignores unknown attributes (id, country, customerId)', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const foreignId = randomUUID();

    const address = await add(
      customer,
      berlin({ state: 'Bavaria', id: foreignId, country: 'Narnia', customerId: other.id, referenceKey: 'stolen', gender: 'Male' }),
    );

    expect(address.attributes).not.toHaveProperty('state');
    expect(address.id).not.toBe(foreignId);
    expect(address.attributes.country).toBe('Germany');
    const row = await rowOf(address.id);
    // The recipient's gender follows the salutation (Ms → f), never the client's own `gender`.
    expect(row).toMatchObject({ customerId: customer.id, state: null, referenceKey: null, gender: 'f', countryCode: 'DE' });
    expect(await rowsOf(other)).toEqual([]);
    const fetched = await readJsonApi<AddressDocument>(await read(auth(customer), customer.reference, address.id));
    expect(fetched.data.attributes).not.toHaveProperty('state');
  });

  it('accepts an empty zipCode for a country without postcodes (HK)', async () => {
    const customer = await createSignedInCustomer();

    const address = await add(customer, berlin({ iso2Code: 'HK', zipCode: '', city: 'Hong Kong', phone: '2123 4567' }));

    expect(address.attributes).toMatchObject({ iso2Code: 'HK', country: 'Hong Kong', zipCode: '', phone: '2123 4567' });
  });

  it('stores a lower-case country code upper-case', async () => {
    const customer = await createSignedInCustomer();

    const address = await add(customer, berlin({ iso2Code: 'de' }));

    expect(address.attributes.iso2Code).toBe('DE');
    expect((await rowOf(address.id)).countryCode).toBe('DE');
  });

  it('answers 422/901 with one error per violated field, all at once, and writes nothing', async () => {
    const customer = await createSignedInCustomer();

    const response = await post(
      auth(customer),
      customer.reference,
      addresses({
        salutation: 'Sir',
        lastName: 'x'.repeat(101),
        address1: '',
        address2: 'x'.repeat(256),
        zipCode: '1'.repeat(16),
        city: 'Ab',
        iso2Code: 'DEU',
        company: 'x'.repeat(256),
        isDefaultShipping: 'yes',
        isDefaultBilling: 'no',
      }),
    );

    expect(await readFieldErrors(response)).toEqual({
      salutation: 'The value you selected is not a valid choice.',
      firstName: 'This field is missing.',
      lastName: 'This value is too long. It should have 100 characters or less.',
      address1: BLANK,
      address2: 'This value is too long. It should have 255 characters or less.',
      zipCode: 'This value is too long. It should have 15 characters or less.',
      city: 'This value is too short. It should have 3 characters or more.',
      iso2Code: 'This value is not a valid country.',
      company: 'This value is too long. It should have 255 characters or less.',
      isDefaultShipping: 'This value should be of type bool.',
      isDefaultBilling: 'This value should be of type bool.',
    });
    expect(await rowsOf(customer)).toEqual([]);
  });

  it('answers 422/901 for a postcode that does not fit the country and a phone that is not a valid number', async () => {
    const customer = await createSignedInCustomer();

    const response = await post(auth(customer), customer.reference, addresses(berlin({ zipCode: '1234', phone: '123' })));

    expect(await readFieldErrors(response)).toEqual({
      zipCode: 'This postal code is not valid for Germany.',
      phone: 'This value is not a valid phone number.',
    });
    expect(await rowsOf(customer)).toEqual([]);
  });

  it('reports a postcode and a phone that do not fit the country in the same 422 as a missing field (all at once)', async () => {
    const customer = await createSignedInCustomer();
    const { firstName: _firstName, ...withoutFirstName } = berlin({ zipCode: '1234', phone: '123' });

    const response = await post(auth(customer), customer.reference, addresses(withoutFirstName));

    expect(await readFieldErrors(response)).toEqual({
      firstName: 'This field is missing.',
      zipCode: 'This postal code is not valid for Germany.',
      phone: 'This value is not a valid phone number.',
    });
    expect(await rowsOf(customer)).toEqual([]);
  });

  it('answers 422/901 for a blank zipCode in a country that uses postcodes but is unknown to the library (TT)', async () => {
    const customer = await createSignedInCustomer();

    expect(await readFieldErrors(await post(auth(customer), customer.reference, addresses(berlin({ iso2Code: 'TT', zipCode: '' }))))).toEqual({
      zipCode: BLANK,
    });
    const address = await add(customer, berlin({ iso2Code: 'TT', zipCode: '150123', phone: '868 625 1234' }));
    expect(address.attributes).toMatchObject({ country: 'Trinidad and Tobago', zipCode: '150123', phone: '868 625 1234' });
  });

  it('checks the request format first: 415 for another media type, 400 for a wrong type or missing attributes', async () => {
    const customer = await createSignedInCustomer();

    await expectErrors(
      await post({ ...auth(customer), 'Content-Type': 'text/plain' }, customer.reference, addresses(berlin())),
      415,
      [{ status: 415, detail: 'Unsupported media type.' }],
    );
    await expectErrors(await post(auth(customer), customer.reference, document('customers', berlin())), 400, [
      { status: 400, detail: 'Invalid type.' },
    ]);
    await expectErrors(await post(auth(customer), customer.reference, { data: { type: 'addresses' } }), 400, [
      { status: 400, detail: 'Post data is invalid.' },
    ]);
    await expectErrors(await post({}, customer.reference, '{"data": '), 400, [{ status: 400, detail: 'Post data is invalid.' }]);
    expect(await rowsOf(customer)).toEqual([]);
  });

  it('accepts Content-Type application/json too', async () => {
    const customer = await createSignedInCustomer();

    const response = await post({ ...auth(customer), 'Content-Type': 'application/json' }, customer.reference, addresses(berlin()));

    expect(response.status).toBe(201);
  });

  it('validates the attributes before checking the reference (Glue order: 901 before 411)', async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();

    expect(await readFieldErrors(await post(auth(a), b.reference, addresses(berlin({ city: 'Ab' }))))).toEqual({
      city: 'This value is too short. It should have 3 characters or more.',
    });
    expect(await rowsOf(b)).toEqual([]);
  });
});

describe('PATCH and DELETE /customers/{customerReference}/addresses without an address id', () => {
  it('answer 400/412 "Address UUID is missing." and change nothing', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowsOf(customer);
    const request = (method: string, body?: unknown) =>
      jsonApiRequest(collectionPath(customer.reference), body, { method, headers: auth(customer) });

    await expectErrors(
      await callRoute(patchCollectionRoute, request('PATCH', addresses({ city: 'Hamburg' })), { customerReference: customer.reference }),
      400,
      [ID_MISSING],
    );
    await expectErrors(await callRoute(deleteCollectionRoute, request('DELETE'), { customerReference: customer.reference }), 400, [
      ID_MISSING,
    ]);

    expect(await rowsOf(customer)).toEqual(before);
    expect((await rowOf(address.id)).city).toBe('Berlin');
  });
});

// ================================================================ one address

describe('GET /customers/{customerReference}/addresses/{addressId}', () => {
  it('answers 200 with the address and the document self link', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);

    const response = await read(auth(customer), customer.reference, address.id);

    expect(response.status).toBe(200);
    expect(await readJsonApi(response)).toEqual({ data: address, links: { self: address.links.self } });
  });

  it('finds the address by the upper-case form of its uuid too', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);

    const response = await read(auth(customer), customer.reference, address.id.toUpperCase());

    expect(response.status).toBe(200);
    expect((await readJsonApi<AddressDocument>(response)).data.id).toBe(address.id);
  });

  it('answers POST on an address with 405 and an Allow header', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);

    const response = await callRoute(
      postItemRoute,
      jsonApiRequest(itemPath(customer.reference, address.id), addresses(berlin()), { headers: auth(customer) }),
      { customerReference: customer.reference, addressId: address.id },
    );

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE, OPTIONS');
    expect(await rowsOf(customer)).toHaveLength(1);
  });
});

describe('PATCH /customers/{customerReference}/addresses/{addressId}', () => {
  it('answers 200 with the full resource and keeps every field it was not given, admin-only columns included', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer, berlin({ address3: 'Hinterhaus', company: 'ACME GmbH', phone: '030 1234567' }));
    await db()
      .update(customerAddresses)
      .set({
        referenceKey: 'home',
        gender: 'Female',
        title: 'Prof.',
        state: 'Berlin',
        collectionPoint: { customerKey: 'c1', description: 'Locker', key: 'k1', type: 'locker' },
      })
      .where(eq(customerAddresses.uuid, address.id));
    const before = await rowOf(address.id);

    const response = await patch(auth(customer), customer.reference, address.id, addresses({ city: 'Potsdam', zipCode: '14467' }));

    expect(response.status).toBe(200);
    const body = await readJsonApi<AddressDocument>(response);
    expect(body).toEqual({
      data: { ...address, attributes: { ...address.attributes, city: 'Potsdam', zipCode: '14467' } },
      links: { self: address.links.self },
    });
    const after = await rowOf(address.id);
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({ ...before, city: 'Potsdam', zipCode: '14467' });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
  });

  it('does not store a client-sent state and keeps the stored one', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    await db().update(customerAddresses).set({ state: 'Berlin' }).where(eq(customerAddresses.uuid, address.id));

    const changed = await change(customer, address.id, { state: 'Bavaria', city: 'Spandau' });

    expect(changed.attributes).not.toHaveProperty('state');
    expect(await rowOf(address.id)).toMatchObject({ state: 'Berlin', city: 'Spandau' });
  });

  it('checks a new national phone number against the stored country and keeps it as written', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer, berlin({ iso2Code: 'FR', zipCode: '75001', city: 'Paris' }));

    const changed = await change(customer, address.id, { phone: '01 23 45 67 89' });

    expect(changed.attributes.phone).toBe('01 23 45 67 89');
    expect((await rowOf(address.id)).phone).toBe('01 23 45 67 89');
    expect(await readFieldErrors(await patch(auth(customer), customer.reference, address.id, addresses({ phone: '12' })))).toEqual({
      phone: 'This value is not a valid phone number.',
    });
  });

  it('clears an optional attribute sent as null', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer, berlin({ company: 'ACME GmbH', address3: 'Hinterhaus' }));

    const changed = await change(customer, address.id, { company: null });

    expect(changed.attributes).toMatchObject({ company: null, address3: 'Hinterhaus' });
    expect(await rowOf(address.id)).toMatchObject({ company: null, additional: 'Hinterhaus' });
  });

  it('validates the merged address: a new zipCode is checked against the stored country', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowOf(address.id);

    const response = await patch(auth(customer), customer.reference, address.id, addresses({ zipCode: '1234' }));

    expect(await readFieldErrors(response)).toEqual({ zipCode: 'This postal code is not valid for Germany.' });
    expect(await rowOf(address.id)).toEqual(before);
  });

  it('validates the merged address: a new country is checked against the stored zipCode', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowOf(address.id);

    const response = await patch(auth(customer), customer.reference, address.id, addresses({ iso2Code: 'NL' }));

    expect(await readFieldErrors(response)).toEqual({ zipCode: 'This postal code is not valid for Netherlands.' });
    expect(await rowOf(address.id)).toEqual(before);
  });

  it('switches the country to HK with an empty zipCode; the stored phone stays', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer, berlin({ phone: '030 1234567' }));

    const changed = await change(customer, address.id, { iso2Code: 'HK', zipCode: '', city: 'Hong Kong' });

    expect(changed.attributes).toMatchObject({ iso2Code: 'HK', country: 'Hong Kong', zipCode: '', city: 'Hong Kong', phone: '+49 30 1234567' });
    expect(await rowOf(address.id)).toMatchObject({ countryCode: 'HK', zipCode: '', phone: '+49 30 1234567' });
  });

  it('answers 422/901 for every bad field of the patch at once and changes nothing', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowOf(address.id);

    const response = await patch(
      auth(customer),
      customer.reference,
      address.id,
      addresses({ city: 'Ab', iso2Code: 'ZZ', firstName: '  ', isDefaultShipping: 'yes' }),
    );

    expect(await readFieldErrors(response)).toEqual({
      firstName: BLANK,
      city: 'This value is too short. It should have 3 characters or more.',
      iso2Code: 'This value is not a valid country.',
      isDefaultShipping: 'This value should be of type bool.',
    });
    expect(await rowOf(address.id)).toEqual(before);
  });

  it('answers 400 "Invalid type." for a document of another type and changes nothing', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowOf(address.id);

    await expectErrors(await patch(auth(customer), customer.reference, address.id, document('customers', { city: 'Hamburg' })), 400, [
      { status: 400, detail: 'Invalid type.' },
    ]);
    expect(await rowOf(address.id)).toEqual(before);
  });
});

describe('DELETE /customers/{customerReference}/addresses/{addressId}', () => {
  it('answers 204 with an empty body; the address is gone (GET and a second DELETE: 404), the others stay', async () => {
    const customer = await createSignedInCustomer();
    const kept = await add(customer);
    const address = await add(customer);

    const response = await remove(auth(customer), customer.reference, address.id);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await rowsOf(customer)).map((r) => r.uuid)).toEqual([kept.id]);
    await expectErrors(await read(auth(customer), customer.reference, address.id), 404, [NOT_FOUND]);
    await expectErrors(await remove(auth(customer), customer.reference, address.id), 404, [NOT_FOUND]);
  });
});

// ================================================================ authentication, ownership, BOLA

type Operation = [name: string, send: (headers: TestHeaders, reference: string, id: string) => Promise<Response>];

const OPERATIONS: Operation[] = [
  ['GET …/addresses', (h, ref) => list(h, ref)],
  ['POST …/addresses', (h, ref) => post(h, ref, addresses(berlin({ firstName: 'Mallory' })))],
  ['GET …/addresses/{id}', (h, ref, id) => read(h, ref, id)],
  ['PATCH …/addresses/{id}', (h, ref, id) => patch(h, ref, id, addresses({ firstName: 'Mallory', isDefaultShipping: true }))],
  ['DELETE …/addresses/{id}', (h, ref, id) => remove(h, ref, id)],
];

describe.each(OPERATIONS)('%s', (_, send) => {
  it('answers 403/002 without an access token and changes nothing', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowsOf(customer);

    await expectMissingAccessToken(await send({}, customer.reference, address.id));

    expect(await rowsOf(customer)).toEqual(before);
  });

  it('answers 401/001 with WWW-Authenticate for a malformed or forged token and changes nothing', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);
    const before = await rowsOf(customer);
    const [header, payload] = customer.accessToken.split('.');

    await expectInvalidAccessToken(await send(bearer('not-a-token'), customer.reference, address.id));
    await expectInvalidAccessToken(await send(bearer(`${header}.${payload}.forged-signature`), customer.reference, address.id));
    await expectInvalidAccessToken(await send({ Authorization: 'Basic Zm9vOmJhcg==' }, customer.reference, address.id));

    expect(await rowsOf(customer)).toEqual(before);
  });

  it("answers 403/411 for another customer's reference (with that customer's address id), identical to a non-existent reference; nothing changes", async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    await add(a);
    const bAddress = await add(b);
    const aBefore = await rowsOf(a);
    const bBefore = await rowsOf(b);

    const answers: string[] = [];
    for (const reference of [b.reference, 'DE--999999999', 'XX--1']) {
      const response = await send(auth(a), reference, bAddress.id);
      expect(response.status).toBe(403);
      answers.push(await response.text());
    }

    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toEqual({ errors: [FORBIDDEN] });
    expect(await rowsOf(b)).toEqual(bBefore);
    expect(await rowsOf(a)).toEqual(aBefore);
  });
});

const ITEM_OPERATIONS = OPERATIONS.filter(([name]) => name.endsWith('{id}'));

describe.each(ITEM_OPERATIONS)('%s with an address id that is not one of the caller\'s', (_, send) => {
  it("answers 404/404 for an unknown uuid, malformed ids and another customer's address id, all with identical bodies; nothing changes", async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    const aAddress = await add(a);
    const bFirst = await add(b);
    const bSecond = await add(b);
    const aBefore = await rowsOf(a);
    const bBefore = await rowsOf(b);

    const answers: { status: number; text: string }[] = [];
    for (const id of [bFirst.id, bSecond.id, bSecond.id.toUpperCase(), randomUUID(), '123', 'not-a-uuid', `${aAddress.id}x`, ' ']) {
      const response = await send(auth(a), a.reference, id);
      answers.push({ status: response.status, text: await response.text() });
    }

    expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(answers[0]!.status).toBe(404);
    expect(JSON.parse(answers[0]!.text)).toEqual({ errors: [NOT_FOUND] });
    for (const { text } of answers) expect(text).not.toContain('Unter den Linden');
    expect(await rowsOf(b)).toEqual(bBefore);
    expect(await rowsOf(a)).toEqual(aBefore);
    // B still sees their addresses exactly as before.
    expect((await listed(b)).map((x) => x.id)).toEqual([bFirst.id, bSecond.id]);
  });
});

describe("BOLA matrix: A's token on B's address ids", () => {
  it("changes nothing about B on any method, under A's reference (404) or B's (403)", async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    await add(a);
    const bAddresses = [await add(b), await add(b, berlin({ phone: '030 7654321' }))];
    const bBefore = await rowsOf(b);

    const seen: string[] = [];
    for (const { id } of bAddresses) {
      for (const [name, send] of ITEM_OPERATIONS) {
        const underA = await send(auth(a), a.reference, id);
        expect(underA.status, `${name} under A's reference`).toBe(404);
        expect(await readErrors(underA)).toEqual([NOT_FOUND]);
        const underB = await send(auth(a), b.reference, id);
        expect(underB.status, `${name} under B's reference`).toBe(403);
        expect(await readErrors(underB)).toEqual([FORBIDDEN]);
        seen.push(name);
      }
      // A PATCH of B's address with every field changed, and its default flags set.
      const takeover = addresses(berlin({ firstName: 'Mallory', isDefaultShipping: true, isDefaultBilling: true }));
      expect((await patch(auth(a), a.reference, id, takeover)).status).toBe(404);
      expect((await patch(auth(a), b.reference, id, takeover)).status).toBe(403);
    }

    expect(seen).toHaveLength(6);
    expect(await rowsOf(b)).toEqual(bBefore);
    expect((await listed(b)).map((x) => x.id)).toEqual(bAddresses.map((x) => x.id));
  });
});

// ================================================================ include=addresses

describe('GET /customers/{customerReference}?include=addresses', () => {
  it('adds relationships.addresses (defaults first) and the address resources under included', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer, berlin({ iso2Code: 'GB', zipCode: 'SW1A 1AA', city: 'London', isDefaultShipping: true, isDefaultBilling: true }));
    const collection = await listed(customer);

    const response = await getCustomer(customer, '?include=addresses');

    expect(response.status).toBe(200);
    const body = await readJsonApi<{
      data: { type: string; id: string; relationships: unknown };
      included: AddressResource[];
      links: { self: string };
    }>(response);
    expect(body.data.id).toBe(customer.reference);
    expect(body.data.relationships).toEqual({
      addresses: {
        data: [
          { type: 'addresses', id: second.id },
          { type: 'addresses', id: first.id },
        ],
      },
    });
    expect(body.included).toEqual(collection);
    expect(body.included.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(body.links.self).toBe(`${APP_URL}/customers/${customer.reference}?include=addresses`);
  });

  it('renders no relationships and no included without ?include', async () => {
    const customer = await createSignedInCustomer();
    await add(customer);

    const body = await readJsonApi<{ data: Record<string, unknown> }>(await getCustomer(customer));

    expect(Object.keys(body).sort()).toEqual(['data', 'links']);
    expect(body.data).not.toHaveProperty('relationships');
  });

  it('renders an empty relationship and no included for a customer without addresses', async () => {
    const customer = await createSignedInCustomer();

    const body = await readJsonApi<{ data: { relationships: unknown } }>(await getCustomer(customer, '?include=addresses'));

    expect(body.data.relationships).toEqual({ addresses: { data: [] } });
    expect(body).not.toHaveProperty('included');
  });

  it("includes only the caller's own addresses", async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    await add(other);
    const own = await add(customer);

    const body = await readJsonApi<{ included: AddressResource[] }>(await getCustomer(customer, '?include=addresses'));

    expect(body.included.map((a) => a.id)).toEqual([own.id]);
  });

  it('honours sparse fieldsets on the included addresses and on the customer, relationships included', async () => {
    const customer = await createSignedInCustomer();
    const address = await add(customer);

    const response = await getCustomer(customer, '?include=addresses&fields[addresses]=city,isDefaultShipping&fields[customers]=firstName');

    const body = await readJsonApi<{ data: { attributes: unknown; relationships: unknown }; included: unknown[] }>(response);
    expect(body.data.attributes).toEqual({ firstName: 'Ada' });
    // fields[customers] does not name `addresses`, so the relationship is left out.
    expect(body.data).not.toHaveProperty('relationships');
    expect(body.included).toEqual([
      { type: 'addresses', id: address.id, attributes: { city: 'Berlin', isDefaultShipping: true }, links: address.links },
    ]);
    const asked = await readJsonApi<{ data: { relationships: unknown } }>(
      await getCustomer(customer, '?include=addresses&fields[customers]=firstName,addresses'),
    );
    expect(asked.data.relationships).toEqual({ addresses: { data: [{ type: 'addresses', id: address.id }] } });
  });
});

// ================================================================ defaults

describe('default addresses (Glue rule)', () => {
  it('makes the first address the default shipping and billing address, even with both flags false', async () => {
    const customer = await createSignedInCustomer();

    const first = await add(customer, berlin({ isDefaultShipping: false, isDefaultBilling: false }));

    expect(first.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [first.id] });
  });

  it('makes a second address without flags neither default', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);

    const second = await add(customer);

    expect(second.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [first.id] });
  });

  it('moves the default shipping flag to a new address posted with isDefaultShipping true, and clears the old one', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);

    const second = await add(customer, berlin({ isDefaultShipping: true }));

    expect(second.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    expect(await defaultsOf(customer)).toEqual({ shipping: [second.id], billing: [first.id] });
    const fetched = await readJsonApi<AddressDocument>(await read(auth(customer), customer.reference, first.id));
    expect(fetched.data.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
  });

  it('moves only the billing flag with a PATCH isDefaultBilling true', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer);

    const changed = await change(customer, second.id, { isDefaultBilling: true });

    expect(changed.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [second.id] });
  });

  it('never clears an existing default with false (POST or PATCH)', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);

    const unchanged = await change(customer, first.id, { isDefaultShipping: false, isDefaultBilling: false });
    const second = await add(customer, berlin({ isDefaultShipping: false, isDefaultBilling: false }));
    const other = await change(customer, second.id, { isDefaultShipping: false });

    expect(unchanged.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    expect(other.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [first.id] });
  });

  it('keeps the defaults on a PATCH that changes other fields of the default address', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);

    const changed = await change(customer, first.id, { city: 'Hamburg', zipCode: '20095' });

    expect(changed.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
  });

  it('leaves the defaults empty after deleting the default address, until the next POST takes them without a flag', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer);

    expect((await remove(auth(customer), customer.reference, first.id)).status).toBe(204);

    expect(await defaultsOf(customer)).toEqual({ shipping: [], billing: [] });
    const remaining = await readJsonApi<AddressDocument>(await read(auth(customer), customer.reference, second.id));
    expect(remaining.data.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });

    const third = await add(customer);

    expect(third.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    expect(await defaultsOf(customer)).toEqual({ shipping: [third.id], billing: [third.id] });
  });

  it('after deleting the default address, the next PATCH of another address takes the empty defaults without a flag', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer);
    expect((await remove(auth(customer), customer.reference, first.id)).status).toBe(204);

    const changed = await change(customer, second.id, { city: 'Hamburg', zipCode: '20095' });

    expect(changed.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    expect(await defaultsOf(customer)).toEqual({ shipping: [second.id], billing: [second.id] });
  });

  it('after deleting only the default billing address, the next POST takes billing and leaves shipping where it is', async () => {
    const customer = await createSignedInCustomer();
    const first = await add(customer);
    const second = await add(customer, berlin({ isDefaultBilling: true }));
    expect((await remove(auth(customer), customer.reference, second.id)).status).toBe(204);
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [] });

    const third = await add(customer);

    expect(third.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
    expect(await defaultsOf(customer)).toEqual({ shipping: [first.id], billing: [third.id] });
  });

  it("never moves another customer's defaults", async () => {
    const a = await createSignedInCustomer();
    const b = await createSignedInCustomer();
    const bFirst = await add(b);
    await add(a);

    await add(a, berlin({ isDefaultShipping: true, isDefaultBilling: true }));

    expect(await defaultsOf(b)).toEqual({ shipping: [bFirst.id], billing: [bFirst.id] });
  });
});

// PGlite runs one transaction at a time, so the races only happen on Postgres (DATABASE_URL): there,
// without the lock on the customer row, racing writes break the partial unique indexes (500s).
describe('default addresses under concurrent requests (real database)', () => {
  it('30 concurrent POSTs and PATCHes setting defaults all succeed and leave exactly one default of each kind', async () => {
    const customer = await createSignedInCustomer();
    const existing = [await add(customer), await add(customer), await add(customer)];

    const requests = Array.from({ length: 30 }, (_, i) => {
      const flags = [{ isDefaultShipping: true }, { isDefaultBilling: true }, { isDefaultShipping: true, isDefaultBilling: true }][i % 3]!;
      return i % 2 === 0
        ? { expected: 201, response: post(auth(customer), customer.reference, addresses(berlin(flags))) }
        : { expected: 200, response: patch(auth(customer), customer.reference, existing[i % 3]!.id, addresses(flags)) };
    });
    const responses = await Promise.all(requests.map((r) => r.response));

    const outcomes = await Promise.all(responses.map(async (r) => ({ status: r.status, body: r.status >= 400 ? await r.text() : '' })));
    expect(outcomes).toEqual(requests.map((r) => ({ status: r.expected, body: '' })));
    const rows = await rowsOf(customer);
    expect(rows).toHaveLength(3 + 15);
    const defaults = await defaultsOf(customer);
    expect(defaults.shipping).toHaveLength(1);
    expect(defaults.billing).toHaveLength(1);
    const shown = await listed(customer);
    expect(shown.filter((a) => a.attributes.isDefaultShipping)).toHaveLength(1);
    expect(shown.filter((a) => a.attributes.isDefaultBilling)).toHaveLength(1);
  });

  it('30 concurrent POSTs without flags to a customer without addresses leave exactly one default of each kind, on the same address', async () => {
    const customer = await createSignedInCustomer();

    const responses = await Promise.all(
      Array.from({ length: 30 }, () => post(auth(customer), customer.reference, addresses(berlin()))),
    );

    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 201));
    const created = await Promise.all(responses.map(async (r) => (await readJsonApi<AddressDocument>(r)).data));
    const rows = await rowsOf(customer);
    expect(rows).toHaveLength(30);
    const defaults = await defaultsOf(customer);
    expect(defaults.shipping).toHaveLength(1);
    expect(defaults.billing).toEqual(defaults.shipping);
    // Exactly one answer claimed the defaults, and it is the stored default.
    const claimed = created.filter((a) => a.attributes.isDefaultShipping || a.attributes.isDefaultBilling);
    expect(claimed.map((a) => a.id)).toEqual(defaults.shipping);
  });
});

// ================================================================ anonymization

describe('anonymization and addresses', () => {
  it("deletes every address of the customer and leaves no trace of their street, city, phone or company anywhere; others' stay", async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const otherAddress = await add(other);
    const tag = randomBytes(4).toString('hex');
    const phoneDigits = String(1_000_000 + (parseInt(tag, 16) % 9_000_000));
    const first = await add(
      customer,
      berlin({ address1: `Geheimweg ${tag}`, city: `Heimlichstadt ${tag}`, company: `Secret ${tag} GmbH`, phone: `030 ${phoneDigits}` }),
    );
    await add(customer, berlin({ address1: `Verstecktallee ${tag}`, address3: `Hinterhof ${tag}`, iso2Code: 'HK', zipCode: '', city: 'Kowloon' }));
    expect(first.attributes.phone).toBe(`030 ${phoneDigits}`);
    expect(await rowsOf(customer)).toHaveLength(2);

    await anonymizeCustomer(actorOf(customer), customer.id);

    expect(await rowsOf(customer)).toEqual([]);
    await expectInvalidAccessToken(await list(auth(customer), customer.reference));
    expect(await rowsContaining([tag, `+4930${phoneDigits}`, `30 ${phoneDigits}`])).toEqual([]);
    expect((await rowsOf(other)).map((r) => r.uuid)).toEqual([otherAddress.id]);
  });
});
