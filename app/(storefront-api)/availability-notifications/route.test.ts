import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminPrincipal } from '@/app/_domain/auth/principal';
import { notifyRestockedSubscribers, restockFanOutIdle } from '@/app/_domain/notifications/fan-out';
import { setProduct } from '@/app/_domain/notifications/service';
import { availabilitySubscriptions, emailOutbox } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import {
  bearer,
  callRoute,
  createSignedInCustomer,
  document,
  emailsOfKind,
  everyRowAsText,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  jsonApiRequest,
  linkKey,
  readError,
  readErrors,
  readFieldErrors,
  readJsonApi,
  uniqueEmail,
  uniqueIp,
  type SignedInCustomer,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { GET as getCustomerListRoute, HEAD as headCustomerListRoute, POST as postCustomerListRoute } from '../customers/[customerReference]/availability-notifications/route';
import { GET as getMyListRoute, HEAD as headMyListRoute } from '../my-availability-notifications/route';
import { DELETE as deleteItemRoute, GET as getItemRoute, OPTIONS as optionsItemRoute } from './[subscriptionKey]/route';
import { DELETE as deleteCollectionRoute, GET as getCollectionRoute, OPTIONS as optionsCollectionRoute, POST } from './route';

/**
 * Back-in-stock subscriptions over the storefront JSON:API, through the route handlers as Next.js
 * calls them: POST /availability-notifications, DELETE /availability-notifications/{key},
 * GET /customers/{ref}/availability-notifications and GET /my-availability-notifications.
 */

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const TYPE = 'availability-notifications';
const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';
const PRODUCT_NOT_FOUND = { status: 404, code: '4601', detail: 'Product not found.', source: { pointer: '/data/attributes/sku' } };
const EXISTS = { status: 422, code: '4602', detail: 'Subscription already exists.' };
const NOT_FOUND = { status: 404, code: '4603', detail: "Subscription doesn't exist." };
const FORBIDDEN = { status: 403, code: '4606', detail: 'Unauthorized request.' };
const TOO_MANY = { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' };

type Attributes = Record<string, unknown>;
type NotificationResource = { type: string; id: string; attributes: { localeName: string; email: string; sku: string }; links: { self: string } };
type NotificationDocument = { data: NotificationResource; links: { self: string } };
type NotificationCollection = { data: NotificationResource[]; links: { self: string } };

afterEach(() => {
  vi.unstubAllEnvs();
});

// ---------------------------------------------------------------- products

let skuSequence = 0;

/** A product the catalog knows (out of stock), through the domain as the admin API's PUT does. */
async function createProduct(name = 'Sneaker Classic'): Promise<string> {
  skuSequence += 1;
  const sku = `${skuSequence}_${randomBytes(4).toString('hex')}`;
  await setProduct(adminPrincipal(1), sku, { name, isAvailable: false });
  return sku;
}

let sku = '';
beforeAll(async () => {
  sku = await createProduct();
});

// ---------------------------------------------------------------- requests

/** POST /availability-notifications from a client IP of its own (unless `headers` names one). */
function post(body: unknown, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(POST, jsonApiRequest('/availability-notifications', body, { headers: { 'X-Forwarded-For': uniqueIp(), ...headers } }));
}

function subscribe(attributes: Attributes, headers: TestHeaders = {}): Promise<Response> {
  return post(document(TYPE, attributes), headers);
}

/** Subscribes (expects 201) and returns the resource. */
async function subscribed(attributes: Attributes, headers: TestHeaders = {}): Promise<NotificationResource> {
  const response = await subscribe(attributes, headers);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return (await readJsonApi<NotificationDocument>(response)).data;
}

function unsubscribe(key: string, headers: TestHeaders = {}): Promise<Response> {
  return callRoute(deleteItemRoute, jsonApiRequest(`/availability-notifications/${encodeURIComponent(key)}`, undefined, { method: 'DELETE', headers }), {
    subscriptionKey: key,
  });
}

const customerListPath = (reference: string) => `/customers/${encodeURIComponent(reference)}/availability-notifications`;

function listOfCustomer(headers: TestHeaders, reference: string, query = ''): Promise<Response> {
  return callRoute(getCustomerListRoute, jsonApiRequest(`${customerListPath(reference)}${query}`, undefined, { method: 'GET', headers }), {
    customerReference: reference,
  });
}

function listMine(headers: TestHeaders, query = ''): Promise<Response> {
  return callRoute(getMyListRoute, jsonApiRequest(`/my-availability-notifications${query}`, undefined, { method: 'GET', headers }));
}

const auth = (customer: SignedInCustomer): TestHeaders => bearer(customer.accessToken);

async function mine(customer: SignedInCustomer): Promise<NotificationResource[]> {
  const response = await listMine(auth(customer));
  expect(response.status).toBe(200);
  return (await readJsonApi<NotificationCollection>(response)).data;
}

async function ofCustomer(customer: SignedInCustomer): Promise<NotificationResource[]> {
  const response = await listOfCustomer(auth(customer), customer.reference);
  expect(response.status).toBe(200);
  return (await readJsonApi<NotificationCollection>(response)).data;
}

// ---------------------------------------------------------------- database

function subscriptionRows(email: string) {
  return db()
    .select()
    .from(availabilitySubscriptions)
    .then((rows) => rows.filter((r) => r.email.toLowerCase() === email.trim().toLowerCase()));
}

function confirmations(email: string) {
  return emailsOfKind(email, 'availability-subscribed');
}

/** Every row but the rate-limit counters (counting attempts is what a refused request may do). */
async function snapshot(): Promise<string[]> {
  return (await everyRowAsText()).filter((r) => r.table !== 'rate_limits').map((r) => `${r.table}:${r.row}`).sort();
}

/** Runs `send`, expects a 4xx and that no row (rate-limit counters aside) was written, changed or deleted. */
async function refusedWithoutWriting(send: () => Promise<Response>): Promise<Response> {
  const before = await snapshot();
  const response = await send();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(await snapshot()).toEqual(before);
  return response;
}

async function expectErrors(response: Response, status: number, errors: unknown[]): Promise<void> {
  expect(response.status).toBe(status);
  expect(await readErrors(response)).toEqual(errors);
}

async function expectNoContent(response: Response): Promise<void> {
  if (response.status !== 204) throw new Error(`expected 204, got ${response.status}: ${await response.text()}`);
  expect(await response.text()).toBe('');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

async function expectTooMany(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(await readErrors(response)).toEqual([TOO_MANY]);
}

/** Status, headers and body, for byte-for-byte comparisons. */
async function wire(response: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return { status: response.status, headers: [...response.headers].sort(), body: await response.text() };
}

// ================================================================ POST

describe('POST /availability-notifications: success', () => {
  it('answers 201 with the resource (Glue’s attributes), its self link as Location and no-store', async () => {
    const email = uniqueEmail('guest');

    const response = await subscribe({ email, sku });

    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await readJsonApi<NotificationDocument>(response);
    const key = body.data.id;
    expect(body).toEqual({
      data: {
        type: TYPE,
        id: key,
        attributes: { localeName: 'en_US', email, sku },
        links: { self: `${APP_URL}/availability-notifications/${key}` },
      },
      links: { self: `${APP_URL}/availability-notifications` },
    });
    expect(Object.keys(body.data.attributes)).toEqual(['localeName', 'email', 'sku']);
    expect(response.headers.get('location')).toBe(`${APP_URL}/availability-notifications/${key}`);
  });

  it('gives every subscription its own key of at least 128 random bits', async () => {
    const keys = [];
    for (let i = 0; i < 3; i += 1) keys.push((await subscribed({ email: uniqueEmail('guest'), sku })).id);

    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32,}$/); // hex: 4 bits a character
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stores the subscription unlinked without a token', async () => {
    const email = uniqueEmail('guest');

    const resource = await subscribed({ email, sku });

    const rows = await subscriptionRows(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: resource.id, sku, email, customerId: null, localeName: 'en_US' });
  });

  it('queues one confirmation with an unsubscribe link carrying the key (text and HTML), built from APP_URL', async () => {
    const email = uniqueEmail('guest');

    const resource = await subscribed({ email, sku }, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' });

    const messages = await confirmations(email);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.toAddress).toBe(email);
    expect(message!.customerId).toBeNull();
    expect(message!.subject).toContain('Sneaker Classic');
    expect(linkKey(message!.textBody, `${APP_URL}${UNSUBSCRIBE_PATH}`)).toBe(resource.id);
    expect(linkKey(message!.htmlBody, `${APP_URL}${UNSUBSCRIBE_PATH}`)).toBe(resource.id);
    for (const part of [message!.textBody, message!.htmlBody]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('internal.test');
    }
  });

  it('puts no text the requester wrote into the confirmation: unknown attributes are neither stored nor mailed', async () => {
    const email = uniqueEmail('guest');
    const injected = {
      firstName: 'Mallory',
      name: 'Cheap pills at http://spam.example',
      message: '<a href="http://spam.example">win</a>',
      localeName: 'xx_SPAM',
      productName: 'Free money',
    };

    const resource = await subscribed({ email, sku, ...injected });

    expect(resource.attributes).toEqual({ localeName: 'en_US', email, sku });
    const [message] = await confirmations(email);
    const mail = `${message!.subject}\n${message!.textBody}\n${message!.htmlBody}`;
    for (const text of ['Mallory', 'spam.example', 'Cheap pills', 'xx_SPAM', 'Free money', email]) expect(mail).not.toContain(text);
    expect(message!.textBody).toMatch(/^Hello,\n/);
    const stored = (await everyRowAsText()).map(({ row }) => row).join('\n');
    for (const text of ['Mallory', 'spam.example', 'xx_SPAM', 'Free money']) expect(stored).not.toContain(text);
  });

  it('trims the address and keeps its case; accepts application/json', async () => {
    const email = uniqueEmail('Guest');

    const resource = await subscribed({ email: `  ${email} `, sku }, { 'Content-Type': 'application/json' });

    expect(resource.attributes.email).toBe(email);
  });

  it('lets one address follow several products, and several addresses one product', async () => {
    const email = uniqueEmail('guest');
    const other = await createProduct('Boot');

    await subscribed({ email, sku });
    await subscribed({ email, sku: other });
    await subscribed({ email: uniqueEmail('guest'), sku });

    expect((await subscriptionRows(email)).map((r) => r.sku).sort()).toEqual([sku, other].sort());
  });
});

describe('POST /availability-notifications: signed in and not', () => {
  it('links the subscription to the customer of the token: it is listed at /my-availability-notifications and /customers/{ref}/availability-notifications', async () => {
    const customer = await createSignedInCustomer();

    const resource = await subscribed({ email: customer.email, sku }, auth(customer));

    const rows = await subscriptionRows(customer.email);
    expect(rows[0]!.customerId).toBe(customer.id);
    expect((await confirmations(customer.email))[0]!.customerId).toBe(customer.id);
    expect(await mine(customer)).toEqual([resource]);
    expect(await ofCustomer(customer)).toEqual([resource]);
  });

  it('links a subscription for another address to the signed-in customer too', async () => {
    const customer = await createSignedInCustomer();
    const email = uniqueEmail('gift');

    const resource = await subscribed({ email, sku }, auth(customer));

    expect(resource.attributes.email).toBe(email);
    expect((await mine(customer)).map((r) => r.id)).toEqual([resource.id]);
  });

  it('does not link a subscription made without a token, even for the customer’s own address', async () => {
    const customer = await createSignedInCustomer();

    const resource = await subscribed({ email: customer.email, sku });

    expect((await subscriptionRows(customer.email))[0]!.customerId).toBeNull();
    expect(await mine(customer)).toEqual([]);
    expect(await ofCustomer(customer)).toEqual([]);
    // The key still unsubscribes it.
    await expectNoContent(await unsubscribe(resource.id));
  });

  it('answers a bad token with 401/001 and writes nothing', async () => {
    const email = uniqueEmail('guest');
    for (const authorization of ['Bearer not-a-token', 'Basic abc', 'Bearer']) {
      await expectInvalidAccessToken(await refusedWithoutWriting(() => subscribe({ email, sku }, { Authorization: authorization })));
    }
    expect(await confirmations(email)).toEqual([]);
  });
});

describe('POST /availability-notifications: Glue’s rules', () => {
  it('answers an unknown sku with 404/4601 (pointer to sku) and writes nothing', async () => {
    const email = uniqueEmail('guest');
    for (const unknown of ['no-such-sku', `${sku}-x`, `X${sku}`, '../../etc/passwd', 'ä ö ü']) {
      await expectErrors(await refusedWithoutWriting(() => subscribe({ email, sku: unknown })), 404, [PRODUCT_NOT_FOUND]);
    }
    expect(await confirmations(email)).toEqual([]);
  });

  it('answers the same address and product again with 422/4602, whatever the case of the address; one row, one email', async () => {
    const email = uniqueEmail('twice');
    const first = await subscribed({ email, sku });

    await expectErrors(await refusedWithoutWriting(() => subscribe({ email, sku })), 422, [EXISTS]);
    await expectErrors(await refusedWithoutWriting(() => subscribe({ email: ` ${email.toUpperCase()} `, sku })), 422, [EXISTS]);

    const rows = await subscriptionRows(email);
    expect(rows.map((r) => r.key)).toEqual([first.id]);
    expect(await confirmations(email)).toHaveLength(1);
  });

  it('answers 4602 also when a signed-in customer repeats a guest’s subscription, and leaves it unlinked', async () => {
    const customer = await createSignedInCustomer();
    await subscribed({ email: customer.email, sku });

    await expectErrors(await refusedWithoutWriting(() => subscribe({ email: customer.email, sku }, auth(customer))), 422, [EXISTS]);

    expect(await mine(customer)).toEqual([]);
  });

  it('allows the address again once it unsubscribed', async () => {
    const email = uniqueEmail('again');
    const first = await subscribed({ email, sku });
    await expectNoContent(await unsubscribe(first.id));

    const second = await subscribed({ email, sku });

    expect(second.id).not.toBe(first.id);
  });

  it('answers the address’s subscription beyond MAX_SUBSCRIPTIONS_PER_ADDRESS with 422/1002 and writes nothing', async () => {
    vi.stubEnv('MAX_SUBSCRIPTIONS_PER_ADDRESS', '2');
    const email = uniqueEmail('collector');
    await subscribed({ email, sku });
    await subscribed({ email, sku: await createProduct('Boot') });
    const third = await createProduct('Sandal');

    const response = await refusedWithoutWriting(() => subscribe({ email: email.toUpperCase(), sku: third }));

    expect(response.status).toBe(422);
    expect(await readError(response)).toMatchObject({ status: 422, code: '1002' });
    expect(await subscriptionRows(email)).toHaveLength(2);
  });
});

describe('POST /availability-notifications: validation (422/901)', () => {
  it.each<[string, Attributes, Record<string, string>]>([
    ['nothing', {}, { email: 'This field is missing.', sku: 'This field is missing.' }],
    ['a bad email and no sku', { email: 'not-an-email' }, { email: 'This value is not a valid email address.', sku: 'This field is missing.' }],
    ['an email without domain', { email: 'ada@', sku: 'x' }, { email: 'This value is not a valid email address.' }],
    ['a blank email and sku', { email: '  ', sku: '' }, { email: 'This value should not be blank.', sku: 'This value should not be blank.' }],
    ['null values', { email: null, sku: null }, { email: 'This value should not be blank.', sku: 'This value should not be blank.' }],
    ['an email of 101 characters', { email: `${'a'.repeat(89)}@example.com`, sku: 'x' }, { email: 'This value is too long. It should have 100 characters or less.' }],
    ['a sku of 101 characters', { email: 'ada@example.com', sku: 'x'.repeat(101) }, { sku: 'This value is too long. It should have 100 characters or less.' }],
    ['a number as sku', { email: 'ada@example.com', sku: 42 }, { sku: 'This value should be of type string.' }],
  ])('answers %s with every bad field at once, with pointers, and writes nothing', async (_, attributes, expected) => {
    const response = await refusedWithoutWriting(() => subscribe(attributes));

    expect(await readFieldErrors(response)).toEqual(expected);
  });

  it('refuses control characters (NUL included) in the sku with 901, not a 500', async () => {
    const response = await refusedWithoutWriting(() => subscribe({ email: uniqueEmail(), sku: `${sku}\u0000` }));

    expect(Object.keys(await readFieldErrors(response))).toEqual(['sku']);
  });
});

describe('POST /availability-notifications: request format', () => {
  const body = () => document(TYPE, { email: uniqueEmail('format'), sku });

  it.each<[string, () => Promise<Response>, number, string | undefined]>([
    ['Content-Type text/plain', () => post(JSON.stringify(body()), { 'Content-Type': 'text/plain' }), 415, undefined],
    ['no Content-Type', () => post(JSON.stringify(body()), { 'Content-Type': null }), 415, undefined],
    ['a form post', () => post(`email=a%40example.com&sku=${sku}`, { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, undefined],
    ['another resource type', () => post(document('customers', { email: uniqueEmail(), sku })), 400, 'Invalid type.'],
    ['malformed JSON', () => post('{"data":'), 400, 'Post data is invalid.'],
    ['a document without data', () => post({ email: uniqueEmail(), sku }), 400, 'Post data is invalid.'],
    ['data without attributes', () => post({ data: { type: TYPE } }), 400, 'Post data is invalid.'],
    ['attributes that are an array', () => post({ data: { type: TYPE, attributes: [] } }), 400, 'Post data is invalid.'],
    ['a body over 64 KiB', () => post(document(TYPE, { email: uniqueEmail(), sku, padding: 'x'.repeat(65 * 1024) })), 413, undefined],
    ['an unsupported query parameter', () => callRoute(POST, jsonApiRequest('/availability-notifications?sort=sku', body())), 400, 'Unsupported query parameter: sort.'],
  ])('answers %s with its status and no code, and writes nothing', async (_, send, status, detail) => {
    const response = await refusedWithoutWriting(send);

    expect(response.status).toBe(status);
    const error = await readError(response);
    expect(error).not.toHaveProperty('code');
    if (detail) expect(error.detail).toBe(detail);
  });

  it('accepts media-type parameters (application/vnd.api+json; version=1.1)', async () => {
    await subscribed({ email: uniqueEmail(), sku }, { 'Content-Type': 'application/vnd.api+json; version=1.1' });
  });

  it('answers GET and DELETE on the collection with a JSON:API 405 naming POST; OPTIONS lists it', async () => {
    for (const [handler, method] of [
      [getCollectionRoute, 'GET'],
      [deleteCollectionRoute, 'DELETE'],
    ] as const) {
      const response = await callRoute(handler, jsonApiRequest('/availability-notifications', undefined, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
      await readError(response);
    }
    const options = await callRoute(optionsCollectionRoute, jsonApiRequest('/availability-notifications', undefined, { method: 'OPTIONS' }));
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('POST /availability-notifications: rate limits', () => {
  it('answers the address’s request beyond RATE_LIMIT_EMAILS_PER_ADDRESS with 429/4401 and Retry-After, from any IP, counted case-insensitively; nothing written', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const email = uniqueEmail('limited');
    await subscribed({ email, sku });
    await subscribed({ email: email.toUpperCase(), sku: await createProduct('Boot') });
    const third = await createProduct('Sandal');

    await expectTooMany(await refusedWithoutWriting(() => subscribe({ email: ` ${email} `, sku: third })));

    expect(await subscriptionRows(email)).toHaveLength(2);
    expect(await confirmations(email)).toHaveLength(2);
    // Another address is not held back.
    await subscribed({ email: uniqueEmail('other'), sku: third });
  });

  it('counts refused subscriptions too (a 4602 still asked for a mail), so a loop cannot probe forever', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_ADDRESS', '2');
    const email = uniqueEmail('prober');
    await subscribed({ email, sku });
    await expectErrors(await subscribe({ email, sku }), 422, [EXISTS]);

    await expectTooMany(await subscribe({ email, sku }));
  });

  it('answers the client IP’s request beyond RATE_LIMIT_EMAILS_PER_IP with 429, after the request format', async () => {
    vi.stubEnv('RATE_LIMIT_EMAILS_PER_IP', '1');
    const ip = { 'X-Forwarded-For': uniqueIp() };
    await subscribed({ email: uniqueEmail(), sku }, ip);

    expect((await post('{"data":', ip)).status).toBe(400);
    await expectTooMany(await refusedWithoutWriting(() => subscribe({ email: uniqueEmail(), sku }, ip)));
    await expectTooMany(await subscribe({ email: 'not-an-email' }, ip));
    await subscribed({ email: uniqueEmail(), sku }, { 'X-Forwarded-For': uniqueIp() });
  });
});

// ================================================================ DELETE

describe('DELETE /availability-notifications/{subscriptionKey}', () => {
  it('answers 204 with an empty body and deletes the subscription; the same key again is 404/4603', async () => {
    const email = uniqueEmail('leaver');
    const resource = await subscribed({ email, sku });

    await expectNoContent(await unsubscribe(resource.id));

    expect(await subscriptionRows(email)).toEqual([]);
    await expectErrors(await refusedWithoutWriting(() => unsubscribe(resource.id)), 404, [NOT_FOUND]);
  });

  it('works with the key from the confirmation email, without a token', async () => {
    const email = uniqueEmail('leaver');
    await subscribed({ email, sku });
    const [message] = await confirmations(email);
    const key = linkKey(message!.textBody, UNSUBSCRIBE_PATH)!;

    await expectNoContent(await unsubscribe(key));

    expect(await subscriptionRows(email)).toEqual([]);
  });

  it('removes a linked subscription from the customer’s lists; any valid token may come along (the key is the proof)', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const resource = await subscribed({ email: customer.email, sku }, auth(customer));

    await expectNoContent(await unsubscribe(resource.id, auth(other)));

    expect(await mine(customer)).toEqual([]);
  });

  it('answers unknown and malformed keys with the same 404/4603 and deletes nothing', async () => {
    await subscribed({ email: uniqueEmail(), sku });
    const answers = [];
    for (const key of ['0'.repeat(32), 'mine', 'x'.repeat(500), 'a\u0000b', ' ', '', '%ff', '../x']) {
      const response = await refusedWithoutWriting(() => unsubscribe(key));
      expect(response.status, JSON.stringify(key)).toBe(404);
      answers.push(await wire(response));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(JSON.parse(answers[0]!.body)).toEqual({ errors: [NOT_FOUND] });
  });

  it('does not find a key by another case or with spaces around it', async () => {
    const resource = await subscribed({ email: uniqueEmail(), sku });

    await expectErrors(await refusedWithoutWriting(() => unsubscribe(resource.id.toUpperCase())), 404, [NOT_FOUND]);
  });

  it('answers a bad token with 401/001 and keeps the subscription', async () => {
    const email = uniqueEmail();
    const resource = await subscribed({ email, sku });

    await expectInvalidAccessToken(await refusedWithoutWriting(() => unsubscribe(resource.id, bearer('not-a-token'))));

    expect(await subscriptionRows(email)).toHaveLength(1);
  });

  it('answers GET with 405 naming DELETE; OPTIONS lists it', async () => {
    const response = await callRoute(getItemRoute, jsonApiRequest('/availability-notifications/x', undefined, { method: 'GET' }), { subscriptionKey: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE, OPTIONS');
    await readError(response);
    const options = await callRoute(optionsItemRoute, jsonApiRequest('/availability-notifications/x', undefined, { method: 'OPTIONS' }), { subscriptionKey: 'x' });
    expect(options.headers.get('allow')).toBe('DELETE, OPTIONS');
  });
});

// ================================================================ lists

describe('GET /customers/{customerReference}/availability-notifications and /my-availability-notifications', () => {
  it('answer 200 with an empty collection and an absolute self link for a customer without subscriptions', async () => {
    const customer = await createSignedInCustomer();

    const own = await listOfCustomer(auth(customer), customer.reference);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(await readJsonApi(own)).toEqual({ data: [], links: { self: `${APP_URL}/customers/${customer.reference}/availability-notifications` } });

    const my = await listMine(auth(customer));
    expect(my.status).toBe(200);
    expect(await readJsonApi(my)).toEqual({ data: [], links: { self: `${APP_URL}/my-availability-notifications` } });
  });

  it('list the customer’s own subscriptions only, oldest first, as Glue’s sample shows them', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const boot = await createProduct('Boot');
    const first = await subscribed({ email: customer.email, sku }, auth(customer));
    const second = await subscribed({ email: customer.email, sku: boot }, auth(customer));
    await subscribed({ email: other.email, sku }, auth(other));
    await subscribed({ email: uniqueEmail('guest'), sku: boot });

    const response = await listOfCustomer(auth(customer), customer.reference);
    const body = await readJsonApi<NotificationCollection>(response);
    expect(body).toEqual({
      data: [
        { type: TYPE, id: first.id, attributes: { localeName: 'en_US', email: customer.email, sku }, links: { self: `${APP_URL}/availability-notifications/${first.id}` } },
        { type: TYPE, id: second.id, attributes: { localeName: 'en_US', email: customer.email, sku: boot }, links: { self: `${APP_URL}/availability-notifications/${second.id}` } },
      ],
      links: { self: `${APP_URL}/customers/${customer.reference}/availability-notifications` },
    });
    expect(await mine(customer)).toEqual(body.data);
    expect((await mine(other)).map((r) => r.attributes.email)).toEqual([other.email]);
  });

  it('honour sparse fieldsets and keep the query in the self link', async () => {
    const customer = await createSignedInCustomer();
    await subscribed({ email: customer.email, sku }, auth(customer));

    const response = await listMine(auth(customer), `?fields[${TYPE}]=sku`);

    const body = await readJsonApi<{ data: { attributes: unknown }[]; links: { self: string } }>(response);
    expect(body.data.map((r) => r.attributes)).toEqual([{ sku }]);
    expect(body.links.self).toBe(`${APP_URL}/my-availability-notifications?fields[${TYPE}]=sku`);
  });

  it('answer another customer’s reference and a malformed one with byte-identical 403/4606', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    await subscribed({ email: other.email, sku }, auth(other));

    const answers = [];
    for (const reference of [other.reference, 'DE--999999999', 'AT--1', 'DE-1', 'mine', 'de--0', '%ff', '']) {
      const response = await refusedWithoutWriting(() => listOfCustomer(auth(customer), reference));
      expect(response.status, reference).toBe(403);
      answers.push(await wire(response));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(JSON.parse(answers[0]!.body)).toEqual({ errors: [FORBIDDEN] });
  });

  it('accept the own reference in lower case (references compare case-insensitively)', async () => {
    const customer = await createSignedInCustomer();

    expect((await listOfCustomer(auth(customer), customer.reference.toLowerCase())).status).toBe(200);
  });

  it('answer no token with 403/002 and a bad one with 401/001', async () => {
    const customer = await createSignedInCustomer();

    await expectMissingAccessToken(await listOfCustomer({}, customer.reference));
    await expectMissingAccessToken(await listMine({}));
    await expectInvalidAccessToken(await listOfCustomer(bearer('not-a-token'), customer.reference));
    await expectInvalidAccessToken(await listMine(bearer('not-a-token')));
  });

  it('check the token before the reference (403/002 for any reference without one)', async () => {
    await expectMissingAccessToken(await listOfCustomer({}, 'AT--1'));
  });

  it('answer an unsupported query parameter or include with 400', async () => {
    const customer = await createSignedInCustomer();

    expect((await listMine(auth(customer), '?include=products')).status).toBe(400);
    expect((await listOfCustomer(auth(customer), customer.reference, '?page[size]=1')).status).toBe(400);
  });

  it('answer HEAD like GET without a body, and POST with 405', async () => {
    const customer = await createSignedInCustomer();
    const head = await callRoute(headMyListRoute, jsonApiRequest('/my-availability-notifications', undefined, { method: 'HEAD', headers: auth(customer) }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const headOther = await callRoute(headCustomerListRoute, jsonApiRequest(customerListPath('DE--999999999'), undefined, { method: 'HEAD', headers: auth(customer) }), {
      customerReference: 'DE--999999999',
    });
    expect(headOther.status).toBe(403);
    expect(await headOther.text()).toBe('');

    const post405 = await callRoute(postCustomerListRoute, jsonApiRequest(customerListPath(customer.reference), document(TYPE, { email: customer.email, sku })), {
      customerReference: customer.reference,
    });
    expect(post405.status).toBe(405);
    expect(post405.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('no longer list a subscription whose product came back (the subscriber was told and it ended)', async () => {
    const customer = await createSignedInCustomer();
    const boot = await createProduct('Boot');
    await subscribed({ email: customer.email, sku: boot }, auth(customer));
    const kept = await subscribed({ email: customer.email, sku }, auth(customer));

    await setProduct(adminPrincipal(1), boot, { name: 'Boot', isAvailable: true });
    await restockFanOutIdle();
    await notifyRestockedSubscribers();

    expect((await mine(customer)).map((r) => r.id)).toEqual([kept.id]);
    expect(await emailsOfKind(customer.email, 'back-in-stock')).toHaveLength(1);
    expect(await db().$count(emailOutbox, eq(emailOutbox.kind, 'back-in-stock'))).toBeGreaterThanOrEqual(1);
  });
});
