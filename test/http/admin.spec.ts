import bcrypt from 'bcryptjs';
import { adminClient as client, adminKey, failure } from './admin-support';
import { expect, JSONAPI, test, uniqueEmail } from './support';

/**
 * The admin API over HTTP against the built app, driven as SCAYLE's documentation drives it: the
 * seed's JavaScript examples run unchanged (apart from values) through swagger-client pointed at
 * /admin/v1/openapi.json, and every answer is validated against that document. The key is made
 * by `npm run admin-key -- create` before the server starts (e2e/support/serve.mjs).
 */

const suffix = () => Math.random().toString(36).slice(2, 10);

test.describe('admin API (SCAYLE examples through swagger-client)', () => {
  test('customers: create, reference key, get by id and key, list with filters, passwords', async ({ baseURL }) => {
    const adminApi = await client(baseURL!);
    const email = uniqueEmail('admin');
    const created = await adminApi.apis.Customers.createCustomer(
      { shopKey: 'ms', countryCode: 'DE' },
      { requestBody: { email, firstName: 'John', lastName: 'Doe', gender: 'm', groups: ['vip'], password: 'a-long-password' } },
    );
    expect(created.status).toBe(201);
    const customerId = created.body.id as number;
    expect(created.body).toMatchObject({ email, gender: 'm', type: 'personal', status: { isActive: true, isGuestCustomer: false }, hasPassword: true });
    expect(created.body.customerReference).toBe(`DE--${customerId}`);

    // "Update Customer Reference Key"
    const myKey = `my-key-${suffix()}`;
    const customerReferenceKey = { referenceKey: myKey };
    let response = await adminApi.apis.Customers.updateCustomerReferenceKey({ shopKey: 'ms', countryCode: 'DE', customerId }, { requestBody: customerReferenceKey });
    let customer = response.body;
    expect(customer.referenceKey).toBe(myKey);

    // "Get customer" by id and by reference key
    response = await adminApi.apis.Customers.getCustomer({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: customerId });
    customer = response.body;
    expect(customer.id).toBe(customerId);
    response = await adminApi.apis.Customers.getCustomer({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}`, with: 'addresses,legacyCustomData' });
    expect(response.body).toMatchObject({ id: customerId, addresses: [], legacyCustomData: [] });

    // "List Customers", "Read with Options"
    response = await adminApi.apis.Customers.getCustomers({ shopKey: 'ms', countryCode: 'DEU' });
    let customers = response.body.entities as { id: number; addresses?: unknown[] }[];
    expect(customers.length).toBeGreaterThan(0);
    response = await adminApi.apis.Customers.getCustomers({ shopKey: 'ms', countryCode: 'DEU', with: 'addresses', 'filters[id]': `${customerId}` });
    customers = response.body.entities as typeof customers;
    expect(customers.map((c) => c.id)).toEqual([customerId]);
    customers.forEach((c) => expect(c.addresses).toEqual([]));
    response = await adminApi.apis.Customers.getCustomers({ shopKey: 'ms', countryCode: 'DE', 'filters[group]': 'vip', sort: 'createdAt', sortDir: 'desc', limit: 1 });
    expect(response.body.entities).toHaveLength(1);

    // "Set Customer Password" by reference key and by id: the password then signs in on the storefront.
    const password = { password: 'yourPassword-2026', hashingType: 'internal' };
    await adminApi.apis.Customers.setCustomerPassword({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` }, { requestBody: password });
    const done = await adminApi.apis.Customers.setCustomerPassword({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: customerId }, { requestBody: password });
    expect(done.status).toBe(204);
    const signIn = (secret: string) =>
      fetch(`${baseURL}/access-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': JSONAPI },
        body: JSON.stringify({ data: { type: 'access-tokens', attributes: { username: email, password: secret } } }),
      });
    expect((await signIn('yourPassword-2026')).status).toBe(201);

    // "Set Customer Password Hash" (a bcrypt hash from a former shop): sign-in works and re-hashes.
    const passwordHash = { hash: bcrypt.hashSync('from-the-old-shop', 10), hashingType: 'internal' };
    await adminApi.apis.Customers.setCustomerPasswordHash({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` }, { requestBody: passwordHash });
    expect((await signIn('yourPassword-2026')).status).toBe(401);
    expect((await signIn('from-the-old-shop')).status).toBe(201);
    expect((await signIn('from-the-old-shop')).status).toBe(201);

    const unsupported = await failure(
      adminApi.apis.Customers.setCustomerPasswordHash({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: customerId }, { requestBody: { hash: '5f4dcc3b5aa765d61d8327deb882cf99', hashingType: 'internal' } }),
    );
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.errors[0]!.errorKey).toBe('UNSUPPORTED_HASH');

    const taken = await failure(adminApi.apis.Customers.createCustomer({ shopKey: 'ms', countryCode: 'DE' }, { requestBody: { email: email.toUpperCase(), firstName: 'J', lastName: 'D' } }));
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]!.errorKey).toBe('EMAIL_ALREADY_EXISTS');

    const missing = await failure(adminApi.apis.Customers.getCustomer({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: 'key=nobody-has-this-key' }));
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]!.errorKey).toBe('CUSTOMER_NOT_FOUND');

    const tooMany = await failure(adminApi.apis.Customers.getCustomers({ shopKey: 'ms', countryCode: 'DE', limit: 1001 }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]!.context.field).toBe('limit');
  });

  test('addresses: the seed’s example body, by reference key, shared with the shopper’s address book', async ({ baseURL }) => {
    const client_ = await client(baseURL!);
    const email = uniqueEmail('admin-address');
    const myKey = `my-key-${suffix()}`;
    const created = await client_.apis.Customers.createCustomer(
      { shopKey: 'ms', countryCode: 'DE' },
      { requestBody: { email, firstName: 'John', lastName: 'Doe', referenceKey: myKey, password: 'a-long-password' } },
    );

    // "Create a customer address" — the seed's body with a real Hamburg postcode (its "123456" is not German).
    let customerAddress: Record<string, unknown> = {
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
    };
    let response = await client_.apis.Customers.createCustomerAddress({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` }, { requestBody: customerAddress });
    customerAddress = response.body;
    expect(response.status).toBe(201);
    expect(customerAddress).toMatchObject({ countryCode: 'DEU', recipient: { firstName: 'John', gender: 'm', title: 'Prof.', type: 'personal' }, isDefault: { billing: true, shipping: true } });

    const seedZip = await failure(
      client_.apis.Customers.createCustomerAddress({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` }, { requestBody: { street: 'Domstraße', zipCode: '123456', city: 'Hamburg', countryCode: 'DEU' } }),
    );
    expect(seedZip.status).toBe(400);
    expect(seedZip.body.errors.map((e) => e.context.field)).toEqual(['zipCode']);

    // "Get a customer's address by reference key", "List Addresses"
    response = await client_.apis.Customers.getCustomerAddress({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}`, addressIdentifier: 'key=my-key' });
    expect(response.body.id).toBe(customerAddress.id);
    response = await client_.apis.Customers.getCustomerAddresses({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` });
    expect((response.body.entities as { id: number }[]).map((a) => a.id)).toEqual([customerAddress.id]);

    // "Update a customer's address" (the full body), then its reference key.
    response = await client_.apis.Customers.updateCustomerAddress(
      { shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}`, addressIdentifier: 'key=my-key' },
      {
        requestBody: {
          street: 'Domstraße', houseNumber: '1', additional: 'erste Stock', zipCode: '20095', city: 'Hamburg', countryCode: 'DEU', state: 'Hamburg',
          collectionPoint: { customerKey: 'bced-234-234', description: 'Kiosk', key: '12345-a', type: 'hermes_parcelshop' },
          isDefault: { billing: false, shipping: false },
          recipient: { firstName: 'John', gender: 'm', lastName: 'Doe', title: 'Prof.' },
        },
      },
    );
    expect(response.body.additional).toBe('erste Stock');
    response = await client_.apis.Customers.updateCustomerAddressReferenceKey(
      { shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}`, addressId: customerAddress.id },
      { requestBody: { referenceKey: 'my-other-key' } },
    );
    expect(response.body.referenceKey).toBe('my-other-key');

    // The same row in the shopper's address book (storefront API), and the other way round.
    const token = await fetch(`${baseURL}/access-tokens`, {
      method: 'POST',
      headers: { 'Content-Type': JSONAPI },
      body: JSON.stringify({ data: { type: 'access-tokens', attributes: { username: email, password: 'a-long-password' } } }),
    });
    const { accessToken } = ((await token.json()) as { data: { attributes: { accessToken: string } } }).data.attributes;
    const reference = created.body.customerReference as string;
    const book = await fetch(`${baseURL}/customers/${reference}/addresses`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const storefront = ((await book.json()) as { data: { attributes: Record<string, unknown> }[] }).data;
    expect(storefront.map((a) => a.attributes)).toEqual([
      expect.objectContaining({ salutation: 'Mr', address1: 'Domstraße', address2: '1', address3: 'erste Stock', iso2Code: 'DE', zipCode: '20095' }),
    ]);
    const added = await fetch(`${baseURL}/customers/${reference}/addresses`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': JSONAPI },
      body: JSON.stringify({
        data: { type: 'addresses', attributes: { salutation: 'Mrs', firstName: 'Jane', lastName: 'Doe', address1: 'Ringstraße', address2: '5', zipCode: '1010', city: 'Wien', iso2Code: 'AT' } },
      }),
    });
    expect(added.status).toBe(201);
    response = await client_.apis.Customers.getCustomerAddresses({ shopKey: 'ms', countryCode: 'DE', customerIdentifier: `key=${myKey}` });
    expect(response.body.entities).toContainEqual(expect.objectContaining({ countryCode: 'AUT', recipient: expect.objectContaining({ firstName: 'Jane', gender: 'f' }) }));
  });

  test('keys: a missing or wrong key is 401, a storefront token never works here, an admin key never on the storefront', async ({ baseURL }) => {
    const wrong = await client(baseURL!, 'sk_admin_not-a-key');
    const denied = await failure(wrong.apis.Customers.getCustomers({ shopKey: 'ms', countryCode: 'DE' }));
    expect(denied.status).toBe(401);
    expect(denied.body.errors[0]!.errorKey).toBe('ACCESS_DENIED');
    const noKey = await fetch(`${baseURL}/admin/v1/shops/ms/countries/DE/customers`);
    expect(noKey.status).toBe(401);
    const bearer = await fetch(`${baseURL}/admin/v1/shops/ms/countries/DE/customers`, { headers: { Authorization: `Bearer ${adminKey()}` } });
    expect(bearer.status).toBe(401);
    const onStorefront = await fetch(`${baseURL}/customers`, { headers: { Authorization: `Bearer ${adminKey()}`, 'X-Access-Token': adminKey() } });
    expect(onStorefront.status).toBe(401);
    const otherShop = await fetch(`${baseURL}/admin/v1/shops/other/countries/DE/customers`, { headers: { 'X-Access-Token': adminKey() } });
    expect(otherShop.status).toBe(404);
    const badCountry = await fetch(`${baseURL}/admin/v1/shops/ms/countries/XX/customers`, { headers: { 'X-Access-Token': adminKey() } });
    expect(badCountry.status).toBe(400);
    const unknownPath = await fetch(`${baseURL}/admin/v1/nothing/here`, { headers: { 'X-Access-Token': adminKey() } });
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toEqual({ errors: [{ errorKey: 'NOT_FOUND', message: 'Not found.', context: {} }] });
  });

  test('bodies and conflicts: 415, 413, 400 INVALID_JSON, 409 for a taken reference key, 405 with Allow — and nothing written', async ({ baseURL }) => {
    const adminApi = await client(baseURL!);
    const base = `${baseURL}/admin/v1/shops/ms/countries/DE/customers`;
    const headers = { 'X-Access-Token': adminKey(), 'Content-Type': 'application/json' };
    const email = uniqueEmail('admin-errors');
    const body = JSON.stringify({ email, firstName: 'Jo', lastName: 'Doe' });
    const answer = async (response: Response) => ({ status: response.status, errorKey: ((await response.json()) as { errors: { errorKey: string }[] }).errors[0]!.errorKey });

    expect(await answer(await fetch(base, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body }))).toEqual({ status: 415, errorKey: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await answer(await fetch(base, { method: 'POST', headers, body: JSON.stringify({ email, firstName: 'x'.repeat(70_000) }) }))).toEqual({
      status: 413,
      errorKey: 'PAYLOAD_TOO_LARGE',
    });
    expect(await answer(await fetch(base, { method: 'POST', headers, body: '{"email":' }))).toEqual({ status: 400, errorKey: 'INVALID_JSON' });
    expect(await answer(await fetch(`${base}/1`, { method: 'DELETE', headers }))).toEqual({ status: 405, errorKey: 'METHOD_NOT_ALLOWED' });
    expect(await answer(await fetch(`${base}?filters[email]=${encodeURIComponent(email)}`, { headers }))).toEqual({ status: 400, errorKey: 'INVALID_PARAMETER' });
    // Nothing of the refused requests was written: the address is still free.
    const created = await adminApi.apis.Customers.createCustomer({ shopKey: 'ms', countryCode: 'DE' }, { requestBody: { email, firstName: 'Jo', lastName: 'Doe', referenceKey: `erp-${suffix()}` } });
    expect(created.status).toBe(201);

    const other = await adminApi.apis.Customers.createCustomer({ shopKey: 'ms', countryCode: 'DE' }, { requestBody: { email: uniqueEmail('admin-errors'), firstName: 'Al', lastName: 'Doe' } });
    const taken = await failure(
      adminApi.apis.Customers.updateCustomerReferenceKey({ shopKey: 'ms', countryCode: 'DE', customerId: other.body.id }, { requestBody: { referenceKey: created.body.referenceKey } }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ errorKey: 'REFERENCE_KEY_ALREADY_EXISTS', context: { field: 'referenceKey' } });
  });
});
