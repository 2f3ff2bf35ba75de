import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addAddress, changeAddress, listAddresses } from '@/app/_domain/addresses/service';
import { customerPrincipal } from '@/app/_domain/auth/principal';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { getDb } from '@/db/client';
import { customerAddresses } from '@/db/schema';
import { invalidFields, R, readError, readErrors, readJson, setupAdminClient } from '@/test/support/admin-client';
import { setupTestDatabase } from '@/test/support/database';
import { selectRows, uniqueEmail } from '@/test/support/jsonapi-client';

/**
 * The admin API's address endpoints through their route handlers (getCustomerAddresses,
 * getCustomerAddress, createCustomerAddress, updateCustomerAddress,
 * updateCustomerAddressReferenceKey), with the seed's examples, and the same rows as the
 * shopper's address book.
 */

setupTestDatabase();

const { send } = setupAdminClient();

type Address = {
  id: number;
  referenceKey: string | null;
  recipient: { firstName: string; lastName: string; gender: string | null; title: string | null; type: string };
  street: string;
  houseNumber: string;
  additional: string | null;
  zipCode: string;
  city: string;
  countryCode: string;
  state: string | null;
  phone: string | null;
  company: string | null;
  collectionPoint: Record<string, string | null> | null;
  isDefault: { billing: boolean; shipping: boolean };
  createdAt: string;
  updatedAt: string;
};
type Customer = { id: number; referenceKey: string | null };

/** Every address row (to check that a refused request changed none). */
function addressRows() {
  return getDb().select().from(customerAddresses).orderBy(asc(customerAddresses.id));
}

async function addressCount(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(sql`select count(*)::int as n from customer_addresses`);
  return row!.n;
}

/** Runs `request` and checks that no address row was added or changed. */
async function writesNothing(request: () => Promise<Response>): Promise<Response> {
  const before = await addressRows();
  const response = await request();
  expect(await addressRows()).toEqual(before);
  return response;
}

async function newCustomer(overrides: Record<string, unknown> = {}): Promise<Customer> {
  const body = { email: uniqueEmail('addr'), firstName: 'Erika', lastName: 'Mustermann', ...overrides };
  return readJson<Customer>(await send(R.customers, 'POST', {}, { body }), 201);
}

/** The seed's createCustomerAddress example, with a real Hamburg postcode. */
function seedAddress(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referenceKey: 'my-key',
    street: 'Domstraße',
    houseNumber: '1',
    additional: 'first floor',
    zipCode: '20095',
    city: 'Hamburg',
    countryCode: 'DEU',
    state: 'Hamburg',
    collectionPoint: { customerKey: 'bced-234-234', description: 'Kiosk', key: '12345-a', type: 'hermes_parcelshop' },
    isDefault: { billing: false, shipping: false },
    recipient: { firstName: 'John', gender: 'm', lastName: 'Doe', title: 'Prof.' },
    ...overrides,
  };
}

/** The seed's updateCustomerAddress example (the full body, no reference key), with a real postcode. */
function seedUpdate(): Record<string, unknown> {
  const { referenceKey: _referenceKey, ...body } = seedAddress({ additional: 'erste Stock' });
  return body;
}

let streetNumber = 0;

/** A small valid address, each call a different house number. */
function plainAddress(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  streetNumber += 1;
  return { street: 'Mönckebergstraße', houseNumber: String(streetNumber), zipCode: '20095', city: 'Hamburg', countryCode: 'DE', ...overrides };
}

async function create(c: string | number, body: Record<string, unknown>): Promise<Address> {
  return readJson<Address>(await send(R.addresses, 'POST', { c }, { body }), 201);
}

async function list(c: string | number): Promise<Address[]> {
  const body = await readJson<{ entities: Address[]; cursor: { next: null } }>(await send(R.addresses, 'GET', { c }), 200);
  expect(body.cursor).toEqual({ next: null });
  return body.entities;
}

const ADDRESS_FIELDS = [
  'additional', 'city', 'collectionPoint', 'company', 'countryCode', 'createdAt', 'houseNumber', 'id', 'isDefault', 'phone', 'recipient', 'referenceKey',
  'state', 'street', 'updatedAt', 'zipCode',
];

// ---------------------------------------------------------------- createCustomerAddress

describe('createCustomerAddress', () => {
  it('creates the seed’s example address (201) with an alpha-3 country, the recipient and the collection point', async () => {
    const customer = await newCustomer({ referenceKey: 'my-key' });
    const address = await create('key=my-key', seedAddress());
    expect(Object.keys(address).sort()).toEqual(ADDRESS_FIELDS);
    expect(address).toMatchObject({
      referenceKey: 'my-key',
      recipient: { firstName: 'John', lastName: 'Doe', gender: 'm', title: 'Prof.', type: 'personal' },
      street: 'Domstraße',
      houseNumber: '1',
      additional: 'first floor',
      zipCode: '20095',
      city: 'Hamburg',
      countryCode: 'DEU',
      state: 'Hamburg',
      phone: null,
      company: null,
      collectionPoint: { customerKey: 'bced-234-234', description: 'Kiosk', key: '12345-a', type: 'hermes_parcelshop' },
      // The first address becomes the default of both kinds (as in the shop), whatever the flags say.
      isDefault: { billing: true, shipping: true },
    });
    expect(address.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(address.updatedAt).toBe(address.createdAt);
    // As the seed reads it back.
    expect(await readJson<Address>(await send(R.address, 'GET', { c: 'key=my-key', a: 'key=my-key' }), 200)).toEqual(address);
    expect(await readJson<Address>(await send(R.address, 'GET', { c: customer.id, a: address.id }), 200)).toEqual(address);
    expect(await list('key=my-key')).toEqual([address]);
  });

  it('shows the address in the shopper’s address book (salutation derived) and the shopper’s addresses here', async () => {
    const customer = await newCustomer();
    const created = await create(customer.id, seedAddress({ referenceKey: null, phone: '040 1234567', company: 'ACME' }));
    const shopper = customerPrincipal(customer.id);
    const [inShop] = await listAddresses(shopper, customer.id);
    expect(inShop).toMatchObject({
      id: created.id,
      salutation: 'Mr',
      firstName: 'John',
      lastName: 'Doe',
      street: 'Domstraße',
      houseNumber: '1',
      additional: 'first floor',
      zipCode: '20095',
      city: 'Hamburg',
      countryCode: 'DE',
      phone: '040 1234567',
      company: 'ACME',
      isDefaultBilling: true,
      isDefaultShipping: true,
    });

    const mrs = await addAddress(shopper, customer.id, {
      salutation: 'Mrs', firstName: 'Jane', lastName: 'Roe', street: 'Jungfernstieg', houseNumber: '7', zipCode: '20354', city: 'Hamburg', countryCode: 'DE',
    });
    const dr = await addAddress(shopper, customer.id, {
      salutation: 'Dr', firstName: 'Jim', lastName: 'Poe', street: 'Ballindamm', houseNumber: '2', zipCode: '20095', city: 'Hamburg', countryCode: 'AT',
    }).catch(() => null);
    expect(dr).toBeNull(); // 20095 is no Austrian postcode: the same rules as here
    const doctor = await addAddress(shopper, customer.id, {
      salutation: 'Dr', firstName: 'Jim', lastName: 'Poe', street: 'Ring', houseNumber: '2', zipCode: '1010', city: 'Wien', countryCode: 'AT',
    });

    const here = await list(customer.id);
    expect(here.map((a) => a.id)).toEqual([created.id, mrs.id, doctor.id]);
    expect(here[1]).toMatchObject({
      recipient: { firstName: 'Jane', lastName: 'Roe', gender: 'f', title: null, type: 'personal' },
      street: 'Jungfernstieg',
      houseNumber: '7',
      countryCode: 'DEU',
      referenceKey: null,
      collectionPoint: null,
      isDefault: { billing: false, shipping: false },
    });
    expect(here[2]).toMatchObject({ recipient: { gender: null, title: 'Dr.' }, countryCode: 'AUT', zipCode: '1010' });
    expect(await readJson<Address>(await send(R.address, 'GET', { c: customer.id, a: mrs.id }), 200)).toEqual(here[1]);
  });

  it('takes the recipient’s names from the customer when left out, and alpha-2 country codes too', async () => {
    const customer = await newCustomer({ firstName: 'Max', lastName: 'Muster' });
    const address = await create(customer.id, { street: 'Domstraße', zipCode: '20095', city: 'Hamburg', countryCode: 'de' });
    expect(address).toMatchObject({
      recipient: { firstName: 'Max', lastName: 'Muster', gender: null, title: null, type: 'personal' },
      houseNumber: '',
      countryCode: 'DEU',
      referenceKey: null,
      collectionPoint: null,
    });
    const [inShop] = await listAddresses(customerPrincipal(customer.id), customer.id);
    expect(inShop).toMatchObject({ salutation: null, firstName: 'Max', lastName: 'Muster' });
  });

  it('refuses the seed’s original postcode 123456 (400 VALIDATION_ERROR on zipCode), writing nothing', async () => {
    const customer = await newCustomer();
    const response = await writesNothing(() => send(R.addresses, 'POST', { c: customer.id }, { body: seedAddress({ zipCode: '123456' }) }));
    const errors = await readErrors(response, 400);
    expect(errors).toEqual([expect.objectContaining({ errorKey: 'VALIDATION_ERROR', context: { field: 'zipCode', rule: 'postcode', country: 'DE' } })]);
    expect(errors[0]!.message).toContain('Germany');
  });

  it('lists every missing required field at once, and bad nested fields by their dotted names', async () => {
    const customer = await newCustomer();
    const before = await addressCount();
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: {} }))).toEqual(['city', 'countryCode', 'street', 'zipCode']);
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: { recipient: { firstName: 'John' }, houseNumber: '1' } }))).toEqual([
      'city', 'countryCode', 'street', 'zipCode',
    ]);
    const bad = {
      street: ' ',
      city: 'HH',
      zipCode: '20095',
      countryCode: 'XX',
      phone: 'call me',
      recipient: { firstName: '', gender: 'x', title: 'x'.repeat(51) },
      isDefault: { billing: 'yes', shipping: 1 },
      collectionPoint: { key: 'x'.repeat(256) },
    };
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: bad }))).toEqual([
      'city', 'collectionPoint.key', 'countryCode', 'isDefault.billing', 'isDefault.shipping', 'recipient.firstName', 'recipient.gender', 'recipient.title', 'street',
    ]);
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: plainAddress({ phone: '123' }) }))).toEqual(['phone']);
    // A recipient or isDefault that is no object is listed with every other bad field.
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: plainAddress({ recipient: 'John', isDefault: [], city: '', zipCode: 'x' }) }))).toEqual([
      'city', 'isDefault', 'recipient', 'zipCode',
    ]);
    expect(await invalidFields(await send(R.addresses, 'POST', { c: customer.id }, { body: plainAddress({ countryCode: 'AUT' }) }))).toEqual(['zipCode']);
    expect(await addressCount()).toBe(before);
  });

  it('answers 404 for an unknown or anonymized customer and 415/400 for a bad body', async () => {
    const customer = await newCustomer();
    for (const c of [customer.id + 1000, 'key=nobody', 'abc', '0']) {
      await readError(await writesNothing(() => send(R.addresses, 'POST', { c }, { body: plainAddress() })), 404, 'CUSTOMER_NOT_FOUND');
      await readError(await send(R.addresses, 'GET', { c }), 404, 'CUSTOMER_NOT_FOUND');
    }
    await readError(await send(R.addresses, 'POST', { c: customer.id }, { body: JSON.stringify(plainAddress()), headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await readError(await send(R.addresses, 'POST', { c: customer.id }, { body: '[1]' }), 400, 'INVALID_JSON');

    const gone = await newCustomer();
    await create(gone.id, plainAddress());
    await anonymizeCustomer(customerPrincipal(gone.id), gone.id);
    await readError(await writesNothing(() => send(R.addresses, 'POST', { c: gone.id }, { body: plainAddress() })), 404, 'CUSTOMER_NOT_FOUND');
  });
});

// ---------------------------------------------------------------- reading

describe('getCustomerAddress', () => {
  it('finds an address by id and by key=, only among the customer’s own', async () => {
    const owner = await newCustomer({ referenceKey: 'owner' });
    const other = await newCustomer({ referenceKey: 'other' });
    const mine = await create(owner.id, plainAddress({ referenceKey: 'home/1 ä' }));
    const theirs = await create(other.id, plainAddress({ referenceKey: 'theirs' }));

    expect((await readJson<Address>(await send(R.address, 'GET', { c: 'key=owner', a: 'key=home/1 ä' }), 200)).id).toBe(mine.id);
    expect((await readJson<Address>(await send(R.address, 'GET', { c: owner.id, a: String(mine.id) }), 200)).id).toBe(mine.id);

    for (const a of [theirs.id, 'key=theirs', mine.id + 1000, 'key=nope', 'abc', '0', '-1', 'key=', '1.5']) {
      const error = await readError(await send(R.address, 'GET', { c: owner.id, a }), 404, 'ADDRESS_NOT_FOUND');
      expect(error.message).toMatch(/address/i);
    }
    // An address id with the wrong customer is not found, also when the customer is unknown.
    await readError(await send(R.address, 'GET', { c: 'key=nobody', a: mine.id }), 404, 'CUSTOMER_NOT_FOUND');
  });
});

// ---------------------------------------------------------------- updateCustomerAddress

describe('updateCustomerAddress', () => {
  it('applies a partial PATCH and keeps everything else', async () => {
    const customer = await newCustomer({ referenceKey: 'patch-me' });
    const created = await create(customer.id, seedAddress({ phone: '040 1234567' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await readJson<Address>(await send(R.address, 'PATCH', { c: 'key=patch-me', a: 'key=my-key' }, { body: { city: 'Hamburg-Altstadt' } }), 200);
    expect(changed).toEqual({ ...created, city: 'Hamburg-Altstadt', updatedAt: changed.updatedAt });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));

    // A recipient part alone; the shop's salutation follows.
    const female = await readJson<Address>(await send(R.address, 'PATCH', { c: customer.id, a: created.id }, { body: { recipient: { gender: 'f' } } }), 200);
    expect(female.recipient).toEqual({ firstName: 'John', lastName: 'Doe', gender: 'f', title: 'Prof.', type: 'personal' });
    expect((await listAddresses(customerPrincipal(customer.id), customer.id))[0]!.salutation).toBe('Ms');
    const doctor = await readJson<Address>(await send(R.address, 'PATCH', { c: customer.id, a: created.id }, { body: { recipient: { title: 'Dr.' } } }), 200);
    expect(doctor.recipient).toMatchObject({ gender: 'f', title: 'Dr.' });
    expect((await listAddresses(customerPrincipal(customer.id), customer.id))[0]!.salutation).toBe('Dr');

    // Null clears an optional field.
    const cleared = await readJson<Address>(await send(R.address, 'PATCH', { c: customer.id, a: created.id }, { body: { collectionPoint: null, state: null } }), 200);
    expect(cleared).toMatchObject({ collectionPoint: null, state: null, additional: 'first floor' });

    // Another country with its postcode; the national phone number keeps its meaning.
    const austria = await readJson<Address>(await send(R.address, 'PATCH', { c: customer.id, a: created.id }, { body: { countryCode: 'AUT', zipCode: '1010', city: 'Wien' } }), 200);
    expect(austria).toMatchObject({ countryCode: 'AUT', zipCode: '1010', city: 'Wien', street: 'Domstraße' });
    expect(austria.phone).toMatch(/^\+49/);
  });

  it('accepts the seed’s full update body', async () => {
    const customer = await newCustomer({ referenceKey: 'full-update' });
    const created = await create(customer.id, seedAddress({ street: 'Altstadt', houseNumber: '9', additional: null, collectionPoint: null }));
    const updated = await readJson<Address>(await send(R.address, 'PATCH', { c: 'key=full-update', a: 'key=my-key' }, { body: seedUpdate() }), 200);
    expect(updated).toMatchObject({
      id: created.id,
      referenceKey: 'my-key',
      street: 'Domstraße',
      houseNumber: '1',
      additional: 'erste Stock',
      zipCode: '20095',
      countryCode: 'DEU',
      collectionPoint: { customerKey: 'bced-234-234', description: 'Kiosk', key: '12345-a', type: 'hermes_parcelshop' },
      isDefault: { billing: true, shipping: true },
      recipient: { firstName: 'John', lastName: 'Doe', gender: 'm', title: 'Prof.', type: 'personal' },
    });
  });

  it('validates the merged address, lists every bad field and changes nothing on a 4xx', async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    const created = await create(customer.id, plainAddress());
    const theirs = await create(other.id, plainAddress());
    const patch = (a: string | number, body: unknown, c: string | number = customer.id) => writesNothing(() => send(R.address, 'PATCH', { c, a }, { body }));

    // A new postcode is checked against the stored country, a new country against the stored postcode.
    expect(await invalidFields(await patch(created.id, { zipCode: '123456' }))).toEqual(['zipCode']);
    expect(await invalidFields(await patch(created.id, { countryCode: 'AUT' }))).toEqual(['zipCode']);
    expect(await invalidFields(await patch(created.id, { street: '', city: 5, recipient: { gender: 'q' }, isDefault: { shipping: 'no' } }))).toEqual([
      'city', 'isDefault.shipping', 'recipient.gender', 'street',
    ]);
    await readError(await patch(theirs.id, { city: 'Bremen' }), 404, 'ADDRESS_NOT_FOUND');
    await readError(await patch('key=nope', { city: 'Bremen' }), 404, 'ADDRESS_NOT_FOUND');
    await readError(await patch(created.id, { city: 'Bremen' }, 'key=nobody'), 404, 'CUSTOMER_NOT_FOUND');
    await readError(await patch(created.id, 'city=Bremen'), 400, 'INVALID_JSON');
    expect((await readJson<Address>(await send(R.address, 'GET', { c: customer.id, a: created.id }), 200)).city).toBe('Hamburg');
  });
});

// ---------------------------------------------------------------- reference keys

describe('addresses the back office wrote, in the shopper’s hands', () => {
  it('a shopper edits an address without salutation or house number (and makes it a default); the back office’s collection point stays', async () => {
    const customer = await newCustomer();
    const principal = customerPrincipal(customer.id);
    await create(customer.id, plainAddress({ houseNumber: '2a' }));
    const bare = await create(customer.id, { street: 'Jungfernstieg', zipCode: '20354', city: 'Hamburg', countryCode: 'DEU', collectionPoint: { key: 'kiosk-7' } });
    expect(bare.houseNumber).toBe('');
    const [, stored] = await listAddresses(principal, customer.id);
    expect(stored).toMatchObject({ salutation: null, houseNumber: '' });
    const changed = await changeAddress(principal, customer.id, { uuid: stored!.uuid }, { city: 'Hamburg-Altstadt', isDefaultShipping: true });
    expect(changed).toMatchObject({ city: 'Hamburg-Altstadt', isDefaultShipping: true, salutation: null, houseNumber: '', collectionPoint: { key: 'kiosk-7' } });
    // What the shopper sends is still held to the shop's rules.
    await expect(changeAddress(principal, customer.id, { uuid: stored!.uuid }, { houseNumber: ' ' })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('address reference keys', () => {
  it('sets and replaces an address’s reference key (PUT …/reference-key)', async () => {
    const customer = await newCustomer({ referenceKey: 'rk-owner' });
    const created = await create(customer.id, plainAddress());
    const withKey = await readJson<Address>(await send(R.addressReferenceKey, 'PUT', { c: 'key=rk-owner', a: created.id }, { body: { referenceKey: 'first' } }), 200);
    expect(Object.keys(withKey).sort()).toEqual(ADDRESS_FIELDS);
    expect(withKey).toMatchObject({ id: created.id, referenceKey: 'first', street: created.street });
    const replaced = await readJson<Address>(await send(R.addressReferenceKey, 'PUT', { c: customer.id, a: 'key=first' }, { body: { referenceKey: 'second' } }), 200);
    expect(replaced.referenceKey).toBe('second');
    await readError(await send(R.address, 'GET', { c: customer.id, a: 'key=first' }), 404, 'ADDRESS_NOT_FOUND');
    expect((await readJson<Address>(await send(R.address, 'GET', { c: customer.id, a: 'key=second' }), 200)).id).toBe(created.id);
  });

  it('answers 409 for a key taken on the same customer; another customer may use it', async () => {
    const a = await newCustomer();
    const b = await newCustomer();
    const first = await create(a.id, plainAddress({ referenceKey: 'shared' }));
    const second = await create(a.id, plainAddress({ referenceKey: 'own' }));

    const byPost = await readError(await writesNothing(() => send(R.addresses, 'POST', { c: a.id }, { body: plainAddress({ referenceKey: 'shared' }) })), 409, 'REFERENCE_KEY_ALREADY_EXISTS');
    expect(byPost.context.field).toBe('referenceKey');
    await readError(await writesNothing(() => send(R.addressReferenceKey, 'PUT', { c: a.id, a: second.id }, { body: { referenceKey: 'shared' } })), 409, 'REFERENCE_KEY_ALREADY_EXISTS');
    await readError(await writesNothing(() => send(R.address, 'PATCH', { c: a.id, a: second.id }, { body: { referenceKey: 'shared' } })), 409, 'REFERENCE_KEY_ALREADY_EXISTS');

    const elsewhere = await create(b.id, plainAddress({ referenceKey: 'shared' }));
    expect(elsewhere.referenceKey).toBe('shared');
    const renamed = await create(b.id, plainAddress());
    expect((await readJson<Address>(await send(R.addressReferenceKey, 'PUT', { c: b.id, a: renamed.id }, { body: { referenceKey: 'own' } }), 200)).referenceKey).toBe('own');
    expect((await readJson<Address>(await send(R.address, 'GET', { c: a.id, a: 'key=shared' }), 200)).id).toBe(first.id);
    expect((await readJson<Address>(await send(R.address, 'GET', { c: b.id, a: 'key=shared' }), 200)).id).toBe(elsewhere.id);
  });

  it('refuses a blank key (400) and another customer’s address (404)', async () => {
    const a = await newCustomer();
    const b = await newCustomer();
    const mine = await create(a.id, plainAddress({ referenceKey: 'kept' }));
    const theirs = await create(b.id, plainAddress());
    for (const referenceKey of ['', '  ', null, 7]) {
      expect(await invalidFields(await writesNothing(() => send(R.addressReferenceKey, 'PUT', { c: a.id, a: mine.id }, { body: { referenceKey } })))).toEqual(['referenceKey']);
    }
    await readError(await writesNothing(() => send(R.addressReferenceKey, 'PUT', { c: a.id, a: theirs.id }, { body: { referenceKey: 'steal' } })), 404, 'ADDRESS_NOT_FOUND');
    expect((await readJson<Address>(await send(R.address, 'GET', { c: b.id, a: theirs.id }), 200)).referenceKey).toBeNull();
  });
});

// ---------------------------------------------------------------- default flags

describe('default addresses', () => {
  async function flags(c: number): Promise<Record<number, { billing: boolean; shipping: boolean }>> {
    return Object.fromEntries((await list(c)).map((a) => [a.id, a.isDefault]));
  }

  it('moves a default with isDefault {billing: true}; false never clears one', async () => {
    const customer = await newCustomer();
    const first = await create(customer.id, plainAddress());
    // (with a recipient gender, so that the shop's form has a salutation: see the PATCH by the shopper below)
    const second = await create(customer.id, plainAddress({ isDefault: { billing: true }, recipient: { gender: 'f' } }));
    expect(second.isDefault).toEqual({ billing: true, shipping: false });
    expect(await flags(customer.id)).toEqual({ [first.id]: { billing: false, shipping: true }, [second.id]: { billing: true, shipping: false } });

    const third = await create(customer.id, plainAddress({ isDefault: { shipping: true, billing: false } }));
    expect(await flags(customer.id)).toEqual({
      [first.id]: { billing: false, shipping: false },
      [second.id]: { billing: true, shipping: false },
      [third.id]: { billing: false, shipping: true },
    });

    await readJson(await send(R.address, 'PATCH', { c: customer.id, a: first.id }, { body: { isDefault: { billing: true, shipping: true } } }), 200);
    expect(await flags(customer.id)).toEqual({
      [first.id]: { billing: true, shipping: true },
      [second.id]: { billing: false, shipping: false },
      [third.id]: { billing: false, shipping: false },
    });
    await readJson(await send(R.address, 'PATCH', { c: customer.id, a: first.id }, { body: { isDefault: { billing: false, shipping: false } } }), 200);
    expect((await flags(customer.id))[first.id]).toEqual({ billing: true, shipping: true });

    // The shop's own change moves it the same way.
    await changeAddress(customerPrincipal(customer.id), customer.id, { id: second.id }, { isDefaultShipping: true });
    expect(await flags(customer.id)).toMatchObject({ [first.id]: { billing: true, shipping: false }, [second.id]: { billing: false, shipping: true } });
  });

  it('leaves exactly one default of each kind after 10 concurrent POSTs that all ask for both', async () => {
    const customer = await newCustomer();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => send(R.addresses, 'POST', { c: customer.id }, { body: plainAddress({ isDefault: { billing: true, shipping: true } }) })),
    );
    for (const response of responses) expect(response.status).toBe(201);
    const addresses = await list(customer.id);
    expect(addresses).toHaveLength(10);
    expect(addresses.filter((a) => a.isDefault.billing)).toHaveLength(1);
    expect(addresses.filter((a) => a.isDefault.shipping)).toHaveLength(1);
    const rows = await getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, customer.id));
    expect(rows.filter((r) => r.isDefaultBilling)).toHaveLength(1);
    expect(rows.filter((r) => r.isDefaultShipping)).toHaveLength(1);
  });
});
