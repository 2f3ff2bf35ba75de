import { afterAll, beforeAll, expect, vi } from 'vitest';
import { createAdminKey } from '@/app/_domain/admin/keys';
import * as addressReferenceKeyRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/addresses/[addressIdentifier]/reference-key/route';
import * as addressRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/addresses/[addressIdentifier]/route';
import * as addressesRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/addresses/route';
import * as passwordHashRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/password-hash/route';
import * as passwordRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/password/route';
import * as referenceKeyRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/reference-key/route';
import * as customerRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/[customerIdentifier]/route';
import * as customersRoute from '@/app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers/route';

/**
 * Test helpers for calling the admin API's route handlers directly, as Next.js calls them
 * (decoded params, as a promise), with the seed's examples: shopKey 'ms', countryCode 'DE'.
 */

/** A route handler as Next.js calls it (dynamic segments: decoded params, as a promise). */
export type NextRouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Module = Partial<Record<string, NextRouteHandler>>;
/** A route module and its path below `/admin/v1/shops/{shopKey}/countries/{countryCode}/customers` (`{c}` customer, `{a}` address). */
export type Route = { module: Module; path: string };
/** The customer (`c`) and address (`a`) identifiers of a request. */
export type Ids = { c?: string | number; a?: string | number };
export type Options = { body?: unknown; query?: string; key?: string | null; headers?: Record<string, string>; shopKey?: string; countryCode?: string };
export type AdminError = { errorKey: string; message: string; context: Record<string, unknown> };
export type AdminEntity = Record<string, unknown> & { id: number };
export type Send = (route: Route, method: string, ids?: Ids, options?: Options) => Promise<Response>;

/** Every admin customer and address route. */
export const R = {
  customers: { module: customersRoute, path: '' },
  customer: { module: customerRoute, path: '/{c}' },
  referenceKey: { module: referenceKeyRoute, path: '/{c}/reference-key' },
  password: { module: passwordRoute, path: '/{c}/password' },
  passwordHash: { module: passwordHashRoute, path: '/{c}/password-hash' },
  addresses: { module: addressesRoute, path: '/{c}/addresses' },
  address: { module: addressRoute, path: '/{c}/addresses/{a}' },
  addressReferenceKey: { module: addressReferenceKeyRoute, path: '/{c}/addresses/{a}/reference-key' },
} satisfies Record<string, Route>;

/**
 * Registers beforeAll (SHOP_KEY 'ms', a new admin key named `name`) and afterAll (the env
 * stubs undone) hooks; call it after setupTestDatabase(). Returns a getter for the key.
 */
export function setupAdminKey(name = 'test'): () => string {
  let key: string | undefined;
  beforeAll(async () => {
    vi.stubEnv('SHOP_KEY', 'ms');
    key = (await createAdminKey(name)).key;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  return () => {
    if (key === undefined) throw new Error('The admin key is created in beforeAll');
    return key;
  };
}

/** setupAdminKey() and a `send` that uses its key. */
export function setupAdminClient(name = 'test'): { adminKey: () => string; send: Send } {
  const adminKey = setupAdminKey(name);
  return { adminKey, send: (route, method, ids, options) => sendAs(adminKey(), route, method, ids, options) };
}

/**
 * Sends `method` to a route handler: X-Access-Token is `adminKey` unless `options.key` says
 * otherwise (`null`: none); a non-string body goes as JSON.
 */
function sendAs(adminKey: string, route: Route, method: string, ids: Ids = {}, options: Options = {}): Promise<Response> {
  const params: Record<string, string> = { shopKey: options.shopKey ?? 'ms', countryCode: options.countryCode ?? 'DE' };
  if (ids.c !== undefined) params.customerIdentifier = String(ids.c);
  if (ids.a !== undefined) params.addressIdentifier = String(ids.a);
  const path =
    `/admin/v1/shops/${encodeURIComponent(params.shopKey!)}/countries/${encodeURIComponent(params.countryCode!)}/customers` +
    route.path.replace('{c}', encodeURIComponent(params.customerIdentifier ?? '')).replace('{a}', encodeURIComponent(params.addressIdentifier ?? ''));
  const headers = new Headers(options.headers);
  const key = options.key === undefined ? adminKey : options.key;
  if (key !== null) headers.set('x-access-token', key);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const handler = route.module[method];
  if (!handler) throw new Error(`no ${method} export`);
  const request = new Request(`http://internal.test${path}${options.query ?? ''}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  return handler(request, { params: Promise.resolve(params) });
}

/** The JSON body of a response with this status (and the JSON content type). */
export async function readJson<T = AdminEntity>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  return JSON.parse(text) as T;
}

/** An error answer: `{errors: [{errorKey, message, context}]}`, nothing else. */
export async function readErrors(response: Response, status: number): Promise<AdminError[]> {
  const body = await readJson<{ errors: AdminError[] }>(response, status);
  expect(Object.keys(body)).toEqual(['errors']);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) {
    expect(Object.keys(error).sort()).toEqual(['context', 'errorKey', 'message']);
    expect(typeof error.errorKey).toBe('string');
    expect(error.message).toMatch(/\S/);
    expect(typeof error.context).toBe('object');
  }
  return body.errors;
}

/** The one error of an error answer, with this errorKey. */
export async function readError(response: Response, status: number, errorKey: string): Promise<AdminError> {
  const errors = await readErrors(response, status);
  expect(errors.map((e) => e.errorKey)).toEqual([errorKey]);
  return errors[0]!;
}

/** The `context.field` of every error, sorted (checking that each is a VALIDATION_ERROR and no field is reported twice). */
export async function invalidFields(response: Response): Promise<string[]> {
  const errors = await readErrors(response, 400);
  for (const error of errors) expect(error.errorKey).toBe('VALIDATION_ERROR');
  const fields = errors.map((e) => String(e.context.field));
  expect(new Set(fields).size, `a field reported twice: ${fields.join(', ')}`).toBe(fields.length);
  return fields.sort();
}
