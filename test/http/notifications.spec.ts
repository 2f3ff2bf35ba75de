import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { bearer, expect, JSONAPI, keyFrom, mailTo, signedInShopper, test, uniqueEmail } from './support';

/**
 * Back-in-stock subscriptions (Glue's availability-notifications) over real HTTP against the built
 * app, through the client generated from the OpenAPI document (every answer is validated against
 * it). Products come from the admin API's product feed (`PUT /admin/v1/products/{sku}`).
 */

const TYPE = 'availability-notifications';
const adminKey = () => readFileSync(process.env.E2E_ADMIN_KEY_FILE!, 'utf8').trim();

/** Creates or updates a product through the admin API; returns its sku. */
async function putProduct(baseURL: string, sku: string, product: { name: string; isAvailable: boolean }): Promise<string> {
  const response = await fetch(`${baseURL}/admin/v1/products/${encodeURIComponent(sku)}`, {
    method: 'PUT',
    headers: { 'X-Access-Token': adminKey(), 'Content-Type': 'application/json' },
    body: JSON.stringify(product),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return sku;
}

/** A product out of stock, with a sku of its own. */
function newProduct(baseURL: string, name = 'Linen shirt, blue'): Promise<string> {
  return putProduct(baseURL, `http_${randomUUID().slice(0, 8)}`, { name, isAvailable: false });
}

const body = (attributes: { email: string; sku: string }) => ({ body: { data: { type: TYPE, attributes } } }) as const;

test.describe('availability notifications', () => {
  test('a guest subscribes (201, Location), gets a confirmation with the key, and unsubscribes with it (204, then 404/4603)', async ({ api, request, baseURL }) => {
    const sku = await newProduct(baseURL!);
    const email = uniqueEmail('guest');

    const { data, response } = await api.POST('/availability-notifications', body({ email, sku }));
    expect(response.status).toBe(201);
    const key = data!.data.id;
    expect(key).toMatch(/^[0-9a-f]{32,}$/);
    expect(data!.data).toEqual({ type: TYPE, id: key, attributes: { localeName: 'en_US', email, sku }, links: { self: `${baseURL}/availability-notifications/${key}` } });
    expect(response.headers.get('location')).toBe(`${baseURL}/availability-notifications/${key}`);
    expect(response.headers.get('cache-control')).toBe('no-store');

    expect(await keyFrom(request, email, 'availability-subscribed')).toBe(key);

    const removed = await api.DELETE('/availability-notifications/{subscriptionKey}', { params: { path: { subscriptionKey: key } } });
    expect(removed.response.status).toBe(204);
    const again = await api.DELETE('/availability-notifications/{subscriptionKey}', { params: { path: { subscriptionKey: key } } });
    expect(again.response.status).toBe(404);
    expect(again.error!.errors).toEqual([{ status: 404, code: '4603', detail: "Subscription doesn't exist." }]);
  });

  test('a signed-in subscription is listed at /my-availability-notifications and /customers/{ref}/availability-notifications; a guest one is not', async ({ api, request, baseURL }) => {
    const shopper = await signedInShopper(api, request);
    const sku = await newProduct(baseURL!);
    const other = await newProduct(baseURL!, 'Boot');
    const auth = bearer(shopper.accessToken);

    const linked = await api.POST('/availability-notifications', { ...body({ email: shopper.email, sku }), ...auth });
    expect(linked.response.status).toBe(201);
    const guest = await api.POST('/availability-notifications', body({ email: shopper.email, sku: other }));
    expect(guest.response.status).toBe(201);

    const mine = await api.GET('/my-availability-notifications', auth);
    expect(mine.response.status).toBe(200);
    expect(mine.data).toEqual({ data: [linked.data!.data], links: { self: `${baseURL}/my-availability-notifications` } });

    const own = await api.GET('/customers/{customerReference}/availability-notifications', { params: { path: { customerReference: shopper.reference } }, ...auth });
    expect(own.response.status).toBe(200);
    expect(own.data).toEqual({ data: [linked.data!.data], links: { self: `${baseURL}/customers/${shopper.reference}/availability-notifications` } });

    const sparse = await api.GET('/my-availability-notifications', { params: { query: { 'fields[availability-notifications]': 'sku' } }, ...auth });
    expect(sparse.data!.data.map((r) => r.attributes)).toEqual([{ sku }]);

    // Unsubscribing (no token needed) empties the lists.
    const removed = await api.DELETE('/availability-notifications/{subscriptionKey}', { params: { path: { subscriptionKey: linked.data!.data.id } } });
    expect(removed.response.status).toBe(204);
    expect((await api.GET('/my-availability-notifications', auth)).data!.data).toEqual([]);
  });

  test('another customer’s reference and a malformed one are the same 403/4606; no token is 403/002, a bad one 401/001', async ({ api, request, raw }) => {
    const shopper = await signedInShopper(api, request);
    const other = await signedInShopper(api, request);
    const auth = bearer(shopper.accessToken);

    const answers: string[] = [];
    for (const customerReference of [other.reference, 'DE--999999999', 'not-a-reference']) {
      const response = await raw('GET', `/customers/${customerReference}/availability-notifications`, auth);
      expect(response.status).toBe(403);
      answers.push(await response.text());
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toEqual({ errors: [{ status: 403, code: '4606', detail: 'Unauthorized request.' }] });

    const missing = await api.GET('/my-availability-notifications');
    expect(missing.response.status).toBe(403);
    expect(missing.error!.errors[0]!.code).toBe('002');
    const missingForRef = await api.GET('/customers/{customerReference}/availability-notifications', { params: { path: { customerReference: shopper.reference } } });
    expect(missingForRef.response.status).toBe(403);
    expect(missingForRef.error!.errors[0]!.code).toBe('002');

    const invalid = await api.GET('/my-availability-notifications', bearer('not-a-token'));
    expect(invalid.response.status).toBe(401);
    expect(invalid.response.headers.get('www-authenticate')).toBe('Bearer realm="Access to shop API"');
    const invalidDelete = await api.DELETE('/availability-notifications/{subscriptionKey}', { params: { path: { subscriptionKey: 'x' } }, ...bearer('not-a-token') });
    expect(invalidDelete.response.status).toBe(401);
    expect(invalidDelete.error!.errors[0]!.code).toBe('001');
  });

  test('Glue’s errors: 404/4601 unknown sku, 422/4602 the same address again (any case), 422/901 every bad field with pointers', async ({ api, baseURL }) => {
    const sku = await newProduct(baseURL!);
    const email = uniqueEmail('errors');

    const unknown = await api.POST('/availability-notifications', body({ email, sku: `${sku}-nope` }));
    expect(unknown.response.status).toBe(404);
    expect(unknown.error!.errors).toEqual([{ status: 404, code: '4601', detail: 'Product not found.', source: { pointer: '/data/attributes/sku' } }]);

    expect((await api.POST('/availability-notifications', body({ email, sku }))).response.status).toBe(201);
    const twice = await api.POST('/availability-notifications', body({ email: email.toUpperCase(), sku }));
    expect(twice.response.status).toBe(422);
    expect(twice.error!.errors).toEqual([{ status: 422, code: '4602', detail: 'Subscription already exists.' }]);

    const invalid = await api.POST('/availability-notifications', { body: { data: { type: TYPE, attributes: { email: 'not-an-email' } as never } } });
    expect(invalid.response.status).toBe(422);
    expect(invalid.error!.errors).toEqual([
      { status: 422, code: '901', detail: 'email => This value is not a valid email address.', source: { pointer: '/data/attributes/email' } },
      { status: 422, code: '901', detail: 'sku => This field is missing.', source: { pointer: '/data/attributes/sku' } },
    ]);
  });

  test('request format: 415 for another media type, 400 for bad JSON or type, 413 over 64 KiB; GET on the collection is 405', async ({ raw }) => {
    const operation = '/availability-notifications';
    const valid = JSON.stringify({ data: { type: TYPE, attributes: { email: uniqueEmail(), sku: 'x' } } });
    expect((await raw('POST', operation, { headers: { 'Content-Type': 'text/plain' }, body: valid, operation })).status).toBe(415);
    expect((await raw('POST', operation, { headers: { 'Content-Type': JSONAPI }, body: '{', operation })).status).toBe(400);
    const wrongType = await raw('POST', operation, { headers: { 'Content-Type': JSONAPI }, body: JSON.stringify({ data: { type: 'customers', attributes: {} } }), operation });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).errors[0].detail).toBe('Invalid type.');
    const huge = JSON.stringify({ data: { type: TYPE, attributes: { email: uniqueEmail(), sku: 'x'.repeat(70_000) } } });
    expect((await raw('POST', operation, { headers: { 'Content-Type': JSONAPI }, body: huge, operation })).status).toBe(413);
    const get = await raw('GET', operation);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });

  test('when the product is back, the subscriber gets one email and the subscription ends', async ({ api, request, baseURL }) => {
    const shopper = await signedInShopper(api, request);
    const sku = await newProduct(baseURL!, 'Rain jacket');
    const auth = bearer(shopper.accessToken);
    expect((await api.POST('/availability-notifications', { ...body({ email: shopper.email, sku }), ...auth })).response.status).toBe(201);

    await putProduct(baseURL!, sku, { name: 'Rain jacket', isAvailable: true });

    await expect.poll(async () => (await mailTo(request, shopper.email)).filter((m) => m.kind === 'back-in-stock').length).toBe(1);
    const [notice] = (await mailTo(request, shopper.email)).filter((m) => m.kind === 'back-in-stock');
    expect(notice!.text).toContain('Rain jacket');
    expect((await api.GET('/my-availability-notifications', auth)).data!.data).toEqual([]);
  });
});
