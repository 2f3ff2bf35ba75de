import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NextRouteHandler } from '@/app/_transport/glue/jsonapi';
import { storefrontOpenApiDocument } from '@/app/_transport/glue/openapi';
import { setupTestDatabase } from '@/test/support/database';
import { resolveAccessToken } from '@/app/_domain/auth/tokens';
import { createSignedInCustomer, everyRowAsText, type SignedInCustomer } from '@/test/support/jsonapi-client';
import { adminPrincipal } from '@/app/_domain/auth/principal';
import { setProduct } from '@/app/_domain/notifications/service';
import * as accessTokens from './access-tokens/route';
import * as availabilityNotification from './availability-notifications/[subscriptionKey]/route';
import * as availabilityNotifications from './availability-notifications/route';
import * as confirmation from './customer-confirmation/route';
import * as forgotten from './customer-forgotten-password/route';
import * as passwordWithReference from './customer-password/[customerReference]/route';
import * as password from './customer-password/route';
import * as restoreWithId from './customer-restore-password/[id]/route';
import * as restore from './customer-restore-password/route';
import * as address from './customers/[customerReference]/addresses/[addressId]/route';
import * as customerExport from './customers/[customerReference]/export/route';
import * as addresses from './customers/[customerReference]/addresses/route';
import * as customer from './customers/[customerReference]/route';
import * as customerAvailabilityNotifications from './customers/[customerReference]/availability-notifications/route';
import * as customersRoute from './customers/route';
import * as myAvailabilityNotifications from './my-availability-notifications/route';
import * as refreshToken from './refresh-tokens/[refreshToken]/route';
import * as refreshTokens from './refresh-tokens/route';

/**
 * Property-based: arbitrary documents, headers, path segments and methods sent to every JSON:API
 * route handler (as Next.js calls them) never get a 5xx, only statuses the OpenAPI document lists
 * for that operation (or 405 for a method the route does not offer); a 4xx writes nothing (rate
 * limit counters aside), and nothing secret reaches the logs.
 */

const database = setupTestDatabase();
void database;

type Route = {
  path: string;
  module: Record<string, NextRouteHandler>;
  params: string[];
  type: string;
  attributes: string[];
  /** The methods that take a body here. */
  bodyMethods: string[];
  /** A valid body's attributes, so that one hostile value gets past every other check. */
  valid?: () => Record<string, unknown>;
};

const ADDRESS_ATTRIBUTES = ['salutation', 'firstName', 'lastName', 'address1', 'address2', 'address3', 'zipCode', 'city', 'iso2Code', 'company', 'phone', 'isDefaultShipping', 'isDefaultBilling', 'state', 'street'];
const CUSTOMER_ATTRIBUTES = ['salutation', 'firstName', 'lastName', 'email', 'gender', 'dateOfBirth', 'password', 'confirmPassword', 'acceptedTerms'];

const ADDRESS = { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Street', address2: '1', zipCode: '10115', city: 'Berlin', iso2Code: 'DE' };
const NEW_PASSWORD = { newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' };
/** A product the catalog knows (created in beforeAll), so that a valid subscription gets to the database. */
const SKU = 'property-sku-1';

const routes: Route[] = [
  { path: '/customers', bodyMethods: ['POST'], module: customersRoute, params: [], type: 'customers', attributes: CUSTOMER_ATTRIBUTES, valid: () => ({ salutation: 'Mr', firstName: 'Max', lastName: 'Muster', email: `p${Math.random().toString(36).slice(2)}@example.com`, password: 'a-long-password-1', confirmPassword: 'a-long-password-1', acceptedTerms: true }) },
  { path: '/customers/{customerReference}', bodyMethods: ['PATCH'], module: customer, params: ['customerReference'], type: 'customers', attributes: CUSTOMER_ATTRIBUTES, valid: () => ({ firstName: 'Grace', lastName: 'Hopper', gender: 'Female' }) },
  { path: '/customers/{customerReference}/addresses', bodyMethods: ['POST'], module: addresses, params: ['customerReference'], type: 'addresses', attributes: ADDRESS_ATTRIBUTES, valid: () => ({ ...ADDRESS }) },
  {
    path: '/customers/{customerReference}/addresses/{addressId}', bodyMethods: ['PATCH'],
    module: address,
    params: ['customerReference', 'addressId'],
    type: 'addresses',
    attributes: ADDRESS_ATTRIBUTES,
    valid: () => ({ city: 'Hamburg', company: 'ACME' }),
  },
{ path: '/customers/{customerReference}/export', bodyMethods: ['GET'], module: customerExport, params: ['customerReference'], type: 'customer-exports', attributes: [] },
    { path: '/customer-confirmation', bodyMethods: ['POST'], module: confirmation, params: [], type: 'customer-confirmation', attributes: ['registrationKey'], valid: () => ({ registrationKey: 'k' }) },
  { path: '/access-tokens', bodyMethods: ['POST'], module: accessTokens, params: [], type: 'access-tokens', attributes: ['username', 'password'], valid: () => ({ username: current().email, password: 'wrong-password' }) },
  { path: '/refresh-tokens', bodyMethods: ['POST'], module: refreshTokens, params: [], type: 'refresh-tokens', attributes: ['refreshToken'], valid: () => ({ refreshToken: 'r' }) },
  { path: '/refresh-tokens/{refreshToken}', bodyMethods: ['DELETE'], module: refreshToken, params: ['refreshToken'], type: 'refresh-tokens', attributes: [] },
  { path: '/customer-password', bodyMethods: ['PATCH'], module: password, params: [], type: 'customer-password', attributes: ['password', 'newPassword', 'confirmPassword'], valid: () => ({ password: 'wrong-password', ...NEW_PASSWORD }) },
  {
    path: '/customer-password/{customerReference}', bodyMethods: ['PATCH'],
    module: passwordWithReference,
    params: ['customerReference'],
    type: 'customer-password',
    attributes: ['password', 'newPassword', 'confirmPassword'],
  },
  { path: '/customer-forgotten-password', bodyMethods: ['POST'], module: forgotten, params: [], type: 'customer-forgotten-password', attributes: ['email'], valid: () => ({ email: 'someone@example.com' }) },
  { path: '/customer-restore-password', bodyMethods: ['PATCH'], module: restore, params: [], type: 'customer-restore-password', attributes: ['restorePasswordKey', 'password', 'confirmPassword'], valid: () => ({ restorePasswordKey: 'k', password: 'a-new-password-1', confirmPassword: 'a-new-password-1' }) },
  { path: '/customer-restore-password/{id}', bodyMethods: ['PATCH'], module: restoreWithId, params: ['id'], type: 'customer-restore-password', attributes: ['restorePasswordKey', 'password', 'confirmPassword'] },
  { path: '/availability-notifications', bodyMethods: ['POST'], module: availabilityNotifications, params: [], type: 'availability-notifications', attributes: ['email', 'sku', 'localeName'], valid: () => ({ email: `p${Math.random().toString(36).slice(2)}@example.com`, sku: SKU }) },
  { path: '/availability-notifications/{subscriptionKey}', bodyMethods: ['DELETE'], module: availabilityNotification, params: ['subscriptionKey'], type: 'availability-notifications', attributes: [] },
  { path: '/customers/{customerReference}/availability-notifications', bodyMethods: ['GET'], module: customerAvailabilityNotifications, params: ['customerReference'], type: 'availability-notifications', attributes: [] },
  { path: '/my-availability-notifications', bodyMethods: ['GET'], module: myAvailabilityNotifications, params: [], type: 'availability-notifications', attributes: [] },
];

const document = storefrontOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Hostile text: control characters, NUL, lone surrogates, long strings, markup and links. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '%ff', '../../etc/passwd', '<script>x</script>', 'http://evil.example/x', ' ', ''),
  fc.string({ minLength: 200, maxLength: 2000 }),
);
/** A string with a control character somewhere (NUL is what Postgres refuses in text). */
const controlText = fc.tuple(fc.string({ maxLength: 5 }), fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\n'), fc.string({ maxLength: 5 })).map((parts) => parts.join(''));
const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));

let shopper: SignedInCustomer | undefined;
let addressId = '00000000-0000-4000-8000-000000000000';
let logged: string[] = [];
const spies: { mockRestore(): void }[] = [];

/** A shopper whose token works (a run may have signed it out or deleted the account) and an address of theirs. */
async function ensureLiveShopper(): Promise<void> {
  if (shopper && (await resolveAccessToken(shopper.accessToken))) return;
  shopper = await createSignedInCustomer();
  const created = await addresses.POST!(
    new Request(`http://internal.test/customers/${shopper.reference}/addresses`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.api+json', authorization: `Bearer ${shopper.accessToken}` },
      body: JSON.stringify({
        data: {
          type: 'addresses',
          attributes: { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Street', address2: '1', zipCode: '10115', city: 'Berlin', iso2Code: 'DE' },
        },
      }),
    }),
    { params: Promise.resolve({ customerReference: shopper.reference }) },
  );
  addressId = ((await created.json()) as { data: { id: string } }).data.id;
}

beforeAll(async () => {
  await setProduct(adminPrincipal(1), SKU, { name: 'Property test product', isAvailable: false });
  await ensureLiveShopper();
  for (const method of ['error', 'warn', 'log', 'info'] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
  }
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

const OWN_REFERENCE = '<own reference>';
const OWN_ADDRESS = '<own address>';

function current(): SignedInCustomer {
  if (!shopper) throw new Error('no shopper yet');
  return shopper;
}

function requestArbitrary(route: Route) {
  const attributes = fc.dictionary(fc.oneof(fc.constantFrom(...(route.attributes.length ? route.attributes : ['x'])), text), value, { maxKeys: 8 });
  // A valid document with one attribute replaced by a hostile value reaches the deepest layers.
  const hostileOne = fc
    .record({ key: fc.constantFrom(...(route.attributes.length ? route.attributes : ['x'])), value: fc.oneof({ arbitrary: controlText, weight: 3 }, text, value) })
    .map(({ key, value: hostile }) => JSON.stringify({ data: { type: route.type, attributes: { ...(route.valid?.() ?? {}), [key]: hostile } } }));
  const body = fc.oneof(
    { arbitrary: hostileOne, weight: 4 },
    fc.record({ data: fc.record({ type: fc.constantFrom(route.type, 'customers', 'x'), attributes, id: fc.option(value, { nil: undefined }) }, { requiredKeys: ['type', 'attributes'] }) }).map((d) => JSON.stringify(d)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    text,
  );
  const param = (name: string) =>
    fc.oneof(
      // The caller's own ids, filled in at run time (the shopper may be replaced between runs).
      { arbitrary: fc.constant(name === 'addressId' ? OWN_ADDRESS : name === 'customerReference' ? OWN_REFERENCE : 'mine'), weight: 8 },
      fc.constantFrom('DE--1', 'DE--999999999999999999', '', 'de--1', '0', 'mine', '%ff'),
      text,
    );
  return fc.record({
    method: fc.oneof({ arbitrary: fc.constantFrom(...route.bodyMethods), weight: 4 }, fc.constantFrom(...METHODS)),
    body: fc.option(body, { nil: undefined, freq: 10 }),
    contentType: fc.oneof({ arbitrary: fc.constant('application/vnd.api+json'), weight: 8 }, fc.constantFrom('application/json; charset=utf-8', 'application/vnd.api+json; version=1.1', 'text/plain', 'multipart/form-data', '')),
    authorization: fc.oneof({ arbitrary: fc.constant('valid'), weight: 8 }, fc.constant(undefined), fc.constant(`Bearer ${'x'}`), fc.constant('Bearer'), fc.constant('Basic abc'), text.map((t) => `Bearer ${t}`), fc.constant('valid')),
    query: fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, fc.constantFrom('?include=addresses', '?sort=x', '?fields[customers]=email', '?include=%ff', '?page[size]=1', '?Weird=1')),
    params: fc.record(Object.fromEntries(route.params.map((name) => [name, param(name)]))),
  });
}

/** Every row but the rate-limit counters (counting attempts is what a refused request may do) and session usage. */
async function snapshot(): Promise<string[]> {
  return (await everyRowAsText()).filter((r) => r.table !== 'rate_limits').map((r) => `${r.table}:${r.row}`).sort();
}

function headerSafe(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

describe.each(routes)('$path', (route) => {
  it('answers arbitrary requests with documented 2xx/4xx only, writes nothing on a 4xx and logs no secret', async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route), async (input) => {
        await ensureLiveShopper();
        const shopper = current();
        // Next.js hands handlers decoded, well-formed segments.
        const own = (v: string) => (v === OWN_REFERENCE ? shopper.reference : v === OWN_ADDRESS ? addressId : v);
        const params = Object.fromEntries(Object.entries(input.params).map(([name, v]) => [name, own(v).toWellFormed()]));
        const path = route.params.reduce((p, name) => p.replace(`{${name}}`, encodeURIComponent(params[name]!)), route.path);
        const headers = new Headers();
        if (input.contentType) headers.set('content-type', input.contentType);
        const authorization = input.authorization === 'valid' ? `Bearer ${shopper.accessToken}` : input.authorization;
        if (authorization !== undefined && headerSafe(authorization)) headers.set('authorization', authorization);
        const withBody = input.body !== undefined && !['GET', 'HEAD'].includes(input.method);
        const request = new Request(`http://internal.test${path}${input.query}`, { method: input.method, headers, body: withBody ? input.body : undefined });
        const before = await snapshot();
        logged = [];
        const handler = route.module[input.method]!;
        const response = await handler(request, { params: route.params.length ? Promise.resolve(params) : undefined });

        expect(response.status, `${input.method} ${path}`).toBeLessThan(500);
        const operation = document.paths[route.path]?.[input.method.toLowerCase()];
        if (operation) expect(Object.keys(operation.responses), `${input.method} ${path} answered ${response.status}`).toContain(String(response.status));
        else expect([404, 405, 204]).toContain(response.status);
        if (response.status >= 400) expect(await snapshot(), `${input.method} ${path} ${response.status} wrote`).toEqual(before);
        const logs = logged.join('\n');
        for (const secret of [shopper.password, shopper.email, '$argon2id$', shopper.refreshToken]) expect(logs).not.toContain(secret);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
