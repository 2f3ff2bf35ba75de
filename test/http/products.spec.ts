import { adminClient as client, adminKey, failure } from './admin-support';
import { expect, JSONAPI, mailTo, test, uniqueEmail } from './support';

/**
 * The product feed over HTTP against the built app: `PUT`/`GET /admin/v1/products/{sku}` through
 * swagger-client pointed at /admin/v1/openapi.json (tag Products, operationIds putProduct and
 * getProduct), every answer validated against that document; and the back-in-stock email a return
 * to stock sends, as the shopper sees it in the development mailbox after subscribing through
 * POST /availability-notifications.
 */

const newSku = () => `http-${Math.random().toString(36).slice(2, 10)}_${Date.now().toString(36)}`;

test.describe('product feed (putProduct, getProduct through swagger-client)', () => {
  test('PUT creates and updates the whole product; GET answers {sku, name, isAvailable, url, subscriberCount}', async ({ baseURL }) => {
    const adminApi = await client(baseURL!);
    const sku = newSku();

    const created = await adminApi.apis.Products.putProduct({ sku }, { requestBody: { name: 'Linen shirt', isAvailable: false } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ sku, name: 'Linen shirt', isAvailable: false, url: null, subscriberCount: 0 });

    const updated = await adminApi.apis.Products.putProduct(
      { sku },
      { requestBody: { name: 'Linen shirt, blue', isAvailable: true, url: 'https://catalog.example.com/p/linen' } },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ sku, name: 'Linen shirt, blue', isAvailable: true, url: 'https://catalog.example.com/p/linen', subscriberCount: 0 });

    const read = await adminApi.apis.Products.getProduct({ sku });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(updated.body);
  });

  test('errors: 401 without a key, 404 PRODUCT_NOT_FOUND, 400 for every bad field and for a bad sku, 415, 405 with Allow', async ({ baseURL }) => {
    const adminApi = await client(baseURL!);
    const sku = newSku();

    const wrong = await client(baseURL!, 'sk_admin_not-a-key');
    const denied = await failure(wrong.apis.Products.putProduct({ sku }, { requestBody: { name: 'Shirt', isAvailable: true } }));
    expect(denied.status).toBe(401);
    expect(denied.body.errors[0]!.errorKey).toBe('ACCESS_DENIED');
    expect((await failure(wrong.apis.Products.getProduct({ sku }))).status).toBe(401);

    const missing = await failure(adminApi.apis.Products.getProduct({ sku }));
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]!.errorKey).toBe('PRODUCT_NOT_FOUND');

    const invalid = await failure(adminApi.apis.Products.putProduct({ sku }, { requestBody: { name: ' ', isAvailable: 'yes', url: 'ftp://catalog.example.com/p' } }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => [e.errorKey, e.context.field]).sort()).toEqual([
      ['VALIDATION_ERROR', 'isAvailable'],
      ['VALIDATION_ERROR', 'name'],
      ['VALIDATION_ERROR', 'url'],
    ]);

    const badSku = await failure(adminApi.apis.Products.putProduct({ sku: 'with space' }, { requestBody: { name: 'Shirt', isAvailable: true } }));
    expect(badSku.status).toBe(400);
    expect(badSku.body.errors.map((e) => e.context.field)).toEqual(['sku']);

    // Nothing of the refused requests was written.
    expect((await failure(adminApi.apis.Products.getProduct({ sku }))).status).toBe(404);

    const url = `${baseURL}/admin/v1/products/${sku}`;
    const headers = { 'X-Access-Token': adminKey() };
    const notJson = await fetch(url, { method: 'PUT', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{"name":"Shirt","isAvailable":true}' });
    expect(notJson.status).toBe(415);
    const post = await fetch(url, { method: 'POST', headers });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, PUT, OPTIONS');
    const unknown = await fetch(`${baseURL}/admin/v1/products/${sku}/variants`, { headers });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { errorKey: string }[] }).errors[0]!.errorKey).toBe('NOT_FOUND');
  });
});

test.describe('back in stock over HTTP', () => {
  /** POST /availability-notifications (no token), as the product page's visitors do. */
  async function subscribeTo(baseURL: string, sku: string): Promise<string> {
    const email = uniqueEmail('restock');
    const response = await fetch(`${baseURL}/availability-notifications`, {
      method: 'POST',
      headers: { 'Content-Type': JSONAPI },
      body: JSON.stringify({ data: { type: 'availability-notifications', attributes: { email, sku } } }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return email;
  }

  test('each subscriber of the returning product gets one email, once, however often the update arrives; other products’ subscribers none', async ({
    baseURL,
    request,
  }) => {
    const adminApi = await client(baseURL!);
    const [a, b] = [newSku(), newSku()];
    await adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: false } });
    await adminApi.apis.Products.putProduct({ sku: b }, { requestBody: { name: 'Wool socks', isAvailable: false } });
    const ofA = [await subscribeTo(baseURL!, a), await subscribeTo(baseURL!, a)];
    const [ofB] = [await subscribeTo(baseURL!, b)];
    expect((await adminApi.apis.Products.getProduct({ sku: a })).body.subscriberCount).toBe(2);

    // The same return, twice at once and once more.
    const answers = await Promise.all([
      adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: true } }),
      adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: true } }),
    ]);
    for (const answer of answers) expect(answer.status).toBe(200);
    await adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: true } });

    // The notices and the end of the subscriptions are one statement: at 0 subscribers every notice is queued.
    await expect.poll(async () => (await adminApi.apis.Products.getProduct({ sku: a })).body.subscriberCount).toBe(0);
    for (const email of ofA) {
      const notices = (await mailTo(request, email, 2)).filter((m) => m.kind === 'back-in-stock');
      expect(notices, email).toHaveLength(1);
      expect(notices[0]!.text).toContain('"Rain jacket" can be bought again');
      expect(notices[0]!.text).toContain(`/products/${a}`);
    }

    const socks = await mailTo(request, ofB!, 1);
    expect(socks.map((m) => m.kind)).toEqual(['availability-subscribed']);
    expect((await adminApi.apis.Products.getProduct({ sku: b })).body.subscriberCount).toBe(1);

    // Sold out and back again: the ended subscriptions hear nothing more.
    await adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: false } });
    await adminApi.apis.Products.putProduct({ sku: a }, { requestBody: { name: 'Rain jacket', isAvailable: true } });
    const late = await subscribeTo(baseURL!, a);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const email of ofA) expect((await mailTo(request, email, 2)).filter((m) => m.kind === 'back-in-stock'), email).toHaveLength(1);
    // Subscribed while the product is available: waits for its next return.
    expect((await mailTo(request, late, 1)).map((m) => m.kind)).toEqual(['availability-subscribed']);
  });
});
