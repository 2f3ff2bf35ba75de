import { hashSync as bcryptHashSync } from 'bcryptjs';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_KEYS } from '@/app/_transport/admin/errors';
import { adminOpenApiDocument } from '@/app/_transport/admin/openapi';
import { getDb } from '@/db/client';
import { customerAddresses, customers } from '@/db/schema';
import { R, setupAdminClient, type Module } from '@/test/support/admin-client';
import { setupTestDatabase } from '@/test/support/database';
import { selectRows } from '@/test/support/jsonapi-client';

/**
 * Property-based: arbitrary bodies, field values, identifiers, query strings, headers and methods
 * sent to every admin route handler (as Next.js calls them) never get a 5xx, only the API's
 * statuses (and those the OpenAPI document lists for the operation); every error is
 * `{errors: [{errorKey, message, context}]}` with a known errorKey; a 4xx changes no customer and
 * no address.
 */

setupTestDatabase();

const { adminKey, send } = setupAdminClient('property');

type Route = {
  path: string;
  /** The path in the OpenAPI document, when it names a parameter otherwise (SCAYLE's `customerId`, `addressId`). */
  documented?: string;
  module: Module;
  params: string[];
  /** The methods served here. */
  methods: string[];
  fields: string[];
  /** A valid body, so that one hostile value gets past every other check. */
  valid?: () => Record<string, unknown>;
};

const OWN_KEY = 'own-key';
const OWN_ADDRESS_KEY = 'own-address';
const BCRYPT = bcryptHashSync('a-long-password', 4);
let sequence = 0;

const CUSTOMER_FIELDS = ['email', 'firstName', 'lastName', 'gender', 'birthDate', 'title', 'phone', 'referenceKey', 'groups', 'password', 'passwordHash'];
const ADDRESS_FIELDS = ['referenceKey', 'street', 'houseNumber', 'additional', 'zipCode', 'city', 'countryCode', 'state', 'phone', 'company', 'collectionPoint', 'isDefault', 'recipient'];
const ADDRESS = { street: 'Domstraße', houseNumber: '1', zipCode: '20095', city: 'Hamburg', countryCode: 'DEU', recipient: { firstName: 'John', gender: 'm' } };

const BASE = '/shops/{shopKey}/countries/{countryCode}/customers';
const routes: Route[] = [
  {
    path: BASE, module: R.customers.module, params: [], methods: ['GET', 'POST'], fields: CUSTOMER_FIELDS,
    valid: () => ({ email: `p${(sequence += 1)}.${Date.now()}@example.com`, firstName: 'Max', lastName: 'Muster', password: 'a-long-password' }),
  },
  { path: `${BASE}/{customerIdentifier}`, module: R.customer.module, params: ['customerIdentifier'], methods: ['GET'], fields: [] },
  { path: `${BASE}/{customerIdentifier}/reference-key`, documented: `${BASE}/{customerId}/reference-key`, module: R.referenceKey.module, params: ['customerIdentifier'], methods: ['PUT'], fields: ['referenceKey'], valid: () => ({ referenceKey: OWN_KEY }) },
  { path: `${BASE}/{customerIdentifier}/password`, module: R.password.module, params: ['customerIdentifier'], methods: ['PUT'], fields: ['password', 'hashingType'], valid: () => ({ password: 'a-long-password', hashingType: 'internal' }) },
  { path: `${BASE}/{customerIdentifier}/password-hash`, module: R.passwordHash.module, params: ['customerIdentifier'], methods: ['PUT'], fields: ['hash', 'hashingType'], valid: () => ({ hash: BCRYPT, hashingType: 'internal' }) },
  { path: `${BASE}/{customerIdentifier}/addresses`, module: R.addresses.module, params: ['customerIdentifier'], methods: ['GET', 'POST'], fields: ADDRESS_FIELDS, valid: () => ({ ...ADDRESS }) },
  {
    path: `${BASE}/{customerIdentifier}/addresses/{addressIdentifier}`, module: R.address.module, params: ['customerIdentifier', 'addressIdentifier'], methods: ['GET', 'PATCH'],
    fields: ADDRESS_FIELDS, valid: () => ({ city: 'Bremen', zipCode: '28195' }),
  },
  {
    path: `${BASE}/{customerIdentifier}/addresses/{addressIdentifier}/reference-key`, documented: `${BASE}/{customerIdentifier}/addresses/{addressId}/reference-key`,
    module: R.addressReferenceKey.module, params: ['customerIdentifier', 'addressIdentifier'],
    methods: ['PUT'], fields: ['referenceKey'], valid: () => ({ referenceKey: OWN_ADDRESS_KEY }),
  },
];

const STATUSES = [200, 201, 204, 400, 401, 404, 405, 409, 413, 415];
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const document = adminOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

// ---------------------------------------------------------------- arbitraries

/** Hostile text: control characters, NUL, lone surrogates, long strings, markup, paths. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '%ff', '../../etc/passwd', '<script>x</script>', ' ', '', 'key=', 'null', '-infinity', '1e309'),
  fc.string({ minLength: 200, maxLength: 1500 }),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
  fc.constantFrom('m', 'f', 'd', 'Male', 'internal', 'external', 'salesforce', 'DEU', 'XX', '123456', '2999-01-01', '1980-02-30', '$2b$04$short', 'pbkdf2_sha256$1$s$x'),
);
/** A value that is structurally one of the nested objects, with hostile members. */
const nested = fc.oneof(
  fc.record({ billing: value, shipping: value }, { requiredKeys: [] }),
  fc.record({ firstName: value, lastName: value, gender: value, title: value, type: value }, { requiredKeys: [] }),
  fc.record({ customerKey: value, description: value, key: value, type: value }, { requiredKeys: [] }),
  fc.record({ hash: value, hashingType: value }, { requiredKeys: [] }),
);

function bodyArbitrary(route: Route) {
  const names = route.fields.length ? route.fields : ['x'];
  const hostileOne = fc
    .record({ key: fc.constantFrom(...names), value: fc.oneof(value, nested) })
    .map(({ key, value: hostile }) => JSON.stringify({ ...(route.valid?.() ?? {}), [key]: hostile }));
  return fc.oneof(
    { arbitrary: hostileOne, weight: 5 },
    { arbitrary: fc.constant(null).map(() => JSON.stringify(route.valid?.() ?? {})), weight: 1 },
    fc.dictionary(fc.oneof(fc.constantFrom(...names), text), fc.oneof(value, nested), { maxKeys: 6 }).map((d) => JSON.stringify(d)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    text,
    fc.constant(JSON.stringify({ ...(route.valid?.() ?? {}), pad: 'x'.repeat(70 * 1024) })),
  );
}

/** Path params as Next.js passes them: decoded, well-formed. `<own>` is filled in at run time. */
function paramArbitrary(name: string) {
  const own = name === 'addressIdentifier' ? ['<own>', `key=${OWN_ADDRESS_KEY}`] : ['<own>', `key=${OWN_KEY}`];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...own), weight: 6 },
    fc.constantFrom('0', '-1', '01', 'abc', 'key=', 'key=nobody', '1.5', ' 1', '99999999999999999999', '9007199254740993', 'KEY=own-key', '%ff'),
    text.map((t) => t.toWellFormed()),
  );
}

const QUERY_NAMES = ['with', 'limit', 'sort', 'sortDir', 'cursor', 'filters[id]', 'filters[referenceKey]', 'filters[group]', 'filters[minId]', 'filters[maxCreatedAt]', 'filters[isActive]', 'filters[billingAddressCountryCode]', 'filters[foo]', 'filters'];
const queryArbitrary = fc.oneof(
  { arbitrary: fc.constant(''), weight: 4 },
  fc.constantFrom('?with=addresses', '?with=nonUniqueAddresses', '?with=legacyCustomData,addresses', '?with=foo', '?limit=1001', '?limit=1', '?sort=lastLoginDate&sortDir=desc', '?cursor=eyJzIjoiaWQifQ', '?filters[id]=1,2', '?filters%5Bid%5D=%00'),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), text), fc.oneof(text, fc.constantFrom('addresses', 'id', 'desc', '2', 'DEU', 'true', '2024-01-01'))), { maxLength: 4 })
    .map((pairs) => `?${new URLSearchParams(pairs.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()])).toString()}`),
);

function requestArbitrary(route: Route) {
  return fc.record({
    method: fc.oneof({ arbitrary: fc.constantFrom(...route.methods), weight: 5 }, fc.constantFrom(...METHODS)),
    body: fc.option(bodyArbitrary(route), { nil: undefined, freq: 8 }),
    contentType: fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 8 },
      fc.constantFrom('application/json; charset=utf-8', 'Application/JSON', 'text/plain', 'application/vnd.api+json', 'multipart/form-data', ''),
    ),
    key: fc.oneof({ arbitrary: fc.constant('valid'), weight: 10 }, fc.constant(undefined), fc.constantFrom('sk_admin_x', 'Bearer x', ''), text),
    shopKey: fc.oneof({ arbitrary: fc.constant('ms'), weight: 10 }, fc.constantFrom('shop', 'MS', ''), text.map((t) => t.toWellFormed())),
    countryCode: fc.oneof({ arbitrary: fc.constantFrom('DE', 'DEU'), weight: 10 }, fc.constantFrom('XX', 'de', 'DEUX', '', 'at'), text.map((t) => t.toWellFormed())),
    query: queryArbitrary,
    params: fc.record(Object.fromEntries(route.params.map((name) => [name, paramArbitrary(name)]))),
    extraHeader: fc.option(fc.tuple(fc.constantFrom('authorization', 'content-length', 'x-forwarded-for', 'accept'), text), { nil: undefined, freq: 4 }),
  });
}

function headerSafe(v: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(v);
}

// ---------------------------------------------------------------- fixtures

let ownCustomerId = 0;
let ownAddressId = 0;

/** The customer and address the identifiers name: their reference keys back in place (a run may have changed them). */
async function restoreFixtures(): Promise<void> {
  await getDb().update(customers).set({ referenceKey: null }).where(eq(customers.referenceKey, OWN_KEY));
  await getDb().update(customers).set({ referenceKey: OWN_KEY }).where(eq(customers.id, ownCustomerId));
  await getDb().update(customerAddresses).set({ referenceKey: null }).where(eq(customerAddresses.referenceKey, OWN_ADDRESS_KEY));
  await getDb().update(customerAddresses).set({ referenceKey: OWN_ADDRESS_KEY }).where(eq(customerAddresses.id, ownAddressId));
  // Keep the address book below its limit.
  await getDb().execute(sql`delete from customer_addresses where customer_id = ${ownCustomerId} and id <> ${ownAddressId} and id not in (select id from customer_addresses where customer_id = ${ownCustomerId} order by id desc limit 20)`);
}

async function snapshot(): Promise<string[]> {
  const rows = await selectRows<{ row: string }>(
    sql`select 'c:' || row_to_json(c)::text as row from customers c union all select 'a:' || row_to_json(a)::text from customer_addresses a`,
  );
  return rows.map((r) => r.row).sort();
}

const logged: string[] = [];

async function readCreated(response: Response): Promise<string> {
  const text = await response.text();
  if (response.status !== 201) throw new Error(`fixture not created: ${response.status} ${text}`);
  return text;
}

beforeAll(async () => {
  const created = await send(R.customers, 'POST', {}, { body: { email: 'own@example.com', firstName: 'Own', lastName: 'Customer', referenceKey: OWN_KEY } });
  ownCustomerId = (JSON.parse(await readCreated(created)) as { id: number }).id;
  const added = await send(R.addresses, 'POST', { c: ownCustomerId }, { body: { ...ADDRESS, referenceKey: OWN_ADDRESS_KEY } });
  ownAddressId = (JSON.parse(await readCreated(added)) as { id: number }).id;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});

afterAll(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------- the property

describe.each(routes)('$path', (route) => {
  it('is the route of the OpenAPI document’s path, with its methods', () => {
    const item = document.paths[route.documented ?? route.path];
    expect(item).toBeDefined();
    expect(Object.keys(item!).map((m) => m.toUpperCase()).sort()).toEqual([...route.methods].sort());
  });

  it('answers arbitrary requests with the API’s statuses and error shape only, and a 4xx changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route), async (input) => {
        await restoreFixtures();
        const own = (name: string, v: string) => (v === '<own>' ? String(name === 'addressIdentifier' ? ownAddressId : ownCustomerId) : v);
        const params: Record<string, string> = {
          shopKey: input.shopKey,
          countryCode: input.countryCode,
          ...Object.fromEntries(Object.entries(input.params).map(([name, v]) => [name, own(name, v)])),
        };
        const path = Object.entries(params).reduce((p, [name, v]) => p.replace(`{${name}}`, encodeURIComponent(v)), route.path);
        const headers = new Headers();
        if (input.contentType) headers.set('content-type', input.contentType);
        const key = input.key === 'valid' ? adminKey() : input.key;
        if (key !== undefined && headerSafe(key)) headers.set('x-access-token', key);
        if (input.extraHeader && headerSafe(input.extraHeader[1]) && input.extraHeader[0] !== 'content-length') headers.set(...input.extraHeader);
        const withBody = input.body !== undefined && !['GET', 'HEAD'].includes(input.method);
        const request = new Request(`http://internal.test/admin/v1${path}${input.query}`, { method: input.method, headers, body: withBody ? input.body : undefined });
        const before = await snapshot();
        logged.length = 0;

        const response = await route.module[input.method]!(request, { params: Promise.resolve(params) });
        const label = `${input.method} ${path}${input.query} → ${response.status}`;

        expect(STATUSES, label).toContain(response.status);
        const operation = document.paths[route.documented ?? route.path]![(input.method === 'HEAD' ? 'GET' : input.method).toLowerCase()];
        if (operation && response.status !== 405) expect(Object.keys(operation.responses), label).toContain(String(response.status));
        if (!operation && input.method !== 'OPTIONS') expect(response.status, label).toBe(405);
        const text = await response.text();
        if (response.status >= 400 && input.method !== 'HEAD') {
          expect(response.headers.get('content-type'), label).toBe('application/json');
          const body = JSON.parse(text) as { errors: { errorKey: string; message: string; context: unknown }[] };
          expect(Object.keys(body), label).toEqual(['errors']);
          expect(body.errors.length, label).toBeGreaterThan(0);
          for (const error of body.errors) {
            expect(Object.keys(error).sort(), label).toEqual(['context', 'errorKey', 'message']);
            expect(ERROR_KEYS, label).toContain(error.errorKey);
            expect(error.errorKey, label).not.toBe('INTERNAL_ERROR');
            expect(typeof error.message).toBe('string');
            expect(error.context !== null && typeof error.context === 'object' && !Array.isArray(error.context), label).toBe(true);
          }
        }
        if (response.status >= 200 && response.status < 300 && text !== '') expect(() => JSON.parse(text), label).not.toThrow();
        if (response.status === 204 || input.method === 'HEAD') expect(text, label).toBe('');
        if (response.status >= 400) expect(await snapshot(), `${label} wrote`).toEqual(before);
        expect(logged, label).toEqual([]);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
