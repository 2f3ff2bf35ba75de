import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createAccessTokens, type TokenPair } from '@/app/_domain/auth/tokens';
import { parseCustomerReference } from '@/app/_domain/customers/reference';
import { registerCustomer } from '@/app/_domain/customers/registration';
import type { ErrorObject } from '@/app/_lib/jsonapi-errors';
import { getDb } from '@/db/client';
import { updateCustomerConfirmed } from '@/db/queries/customers';

/**
 * Test helpers for calling JSON:API route handlers directly, as Next.js would: a `Request` on an
 * internal origin (never the public one, so links built from the request would show) and the
 * route context with its params.
 */

export const INTERNAL_ORIGIN = 'http://internal.test';
export const JSONAPI = 'application/vnd.api+json';

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

/** `null` removes a header the helper would otherwise set (e.g. the JSON:API content type). */
export type TestHeaders = Record<string, string | null>;

export type RequestOptions = { method?: string; headers?: TestHeaders };

/**
 * Builds a request. `body` is sent as is when it is a string or bytes, otherwise as JSON.
 * `Content-Type: application/vnd.api+json` is set unless `headers` overrides or removes it.
 */
export function jsonApiRequest(path: string, body?: unknown, options: RequestOptions = {}): Request {
  const method = options.method ?? 'POST';
  const headers = new Headers();
  const given = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (body !== undefined && !('content-type' in given)) headers.set('content-type', JSONAPI);
  for (const [name, value] of Object.entries(given)) if (value !== null) headers.set(name, value);
  // A string body makes `Request` add `text/plain` by itself; bytes keep the headers as given.
  const payload =
    body === undefined
      ? undefined
      : new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  const init: RequestInit = { method, headers };
  if (payload !== undefined) init.body = payload;
  return new Request(`${INTERNAL_ORIGIN}${path}`, init);
}

/** Calls a route handler with the given path params. */
export function callRoute(handler: RouteHandler, request: Request, params: Record<string, string> = {}) {
  return handler(request, { params: Promise.resolve(params) });
}

/** `{"data": {"type", "attributes"}}`. */
export function document(type: string, attributes: unknown): { data: { type: string; attributes: unknown } } {
  return { data: { type, attributes } };
}

export type ErrorDocument = { errors: ErrorObject[] };

/** Reads the body as JSON after checking the JSON:API media type. */
export async function readJsonApi<T = Record<string, unknown>>(response: Response): Promise<T> {
  expect(response.headers.get('content-type')).toBe(JSONAPI);
  return (await response.json()) as T;
}

/** Reads an error response and checks that every error carries the response's status. */
export async function readErrors(response: Response): Promise<ErrorObject[]> {
  const body = await readJsonApi<ErrorDocument>(response);
  expect(Object.keys(body)).toEqual(['errors']);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) expect(error.status).toBe(response.status);
  return body.errors;
}

/**
 * Reads a `422`/`901` answer as `{ field: message }`, checking Glue's form on the way: every error
 * has code `901`, a detail `"<field> => <message>"`, a pointer to that field, and each field occurs once.
 */
export async function readFieldErrors(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(422);
  const errors = await readErrors(response);
  const byField: Record<string, string> = {};
  for (const error of errors) {
    expect(error.code).toBe('901');
    const match = /^(\S+) => (.+)$/s.exec(error.detail);
    expect(match, `detail "${error.detail}" is not "<field> => <message>"`).not.toBeNull();
    const [, field, message] = match!;
    expect(error.source).toEqual({ pointer: `/data/attributes/${field}` });
    expect(byField, `field ${field} reported twice`).not.toHaveProperty([field!]);
    byField[field!] = message!;
  }
  return byField;
}

// ---------------------------------------------------------------- authentication

/** The header every 401 of the storefront API carries. */
export const WWW_AUTHENTICATE = 'Bearer realm="Access to shop API"';

export function bearer(accessToken: string): TestHeaders {
  return { Authorization: `Bearer ${accessToken}` };
}

/** Reads an error response that holds exactly one error and returns that error. */
export async function readError(response: Response): Promise<ErrorObject> {
  const errors = await readErrors(response);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

/** `401`/`001` "Invalid access token." with `WWW-Authenticate`. */
export async function expectInvalidAccessToken(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
  expect(await readErrors(response)).toEqual([{ status: 401, code: '001', detail: 'Invalid access token.' }]);
}

/** `403`/`002` "Missing access token.". */
export async function expectMissingAccessToken(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(await readErrors(response)).toEqual([{ status: 403, code: '002', detail: 'Missing access token.' }]);
}

// ---------------------------------------------------------------- test accounts

let sequence = 0;
const run = randomBytes(3).toString('hex');

/** An email address no other test of the run uses. */
export function uniqueEmail(name = 'shopper'): string {
  sequence += 1;
  return `${name}.${run}.${sequence}@example.com`;
}

/** A client IP (TEST-NET-3) no other test of the file uses. */
export function uniqueIp(): string {
  sequence += 1;
  return `203.0.${Math.floor(sequence / 250) % 256}.${(sequence % 250) + 1}`;
}

export type TestCustomer = { id: number; reference: string; email: string; password: string };

/**
 * Registers a customer through the domain and, unless `confirmed: false`, confirms the email in
 * the database (as the confirmation link would).
 */
export async function createCustomer(options: { confirmed?: boolean; now?: Date } = {}): Promise<TestCustomer> {
  const email = uniqueEmail();
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const now = options.now ?? new Date();
  const view = await registerCustomer(
    {
      salutation: 'Ms',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email,
      password,
      confirmPassword: password,
      acceptedTerms: true,
    },
    { clientIp: '192.0.2.1', now },
  );
  const id = parseCustomerReference(view.reference);
  if (id === null) throw new Error(`unexpected reference ${view.reference}`);
  if (options.confirmed !== false) await updateCustomerConfirmed(getDb(), id, now);
  return { id, reference: view.reference, email, password };
}

/** A token pair for `customer` (POST /access-tokens through the domain, from a fresh client IP). */
export function issueTokens(customer: TestCustomer, now?: Date): Promise<TokenPair> {
  return createAccessTokens(
    { username: customer.email, password: customer.password },
    { clientIp: uniqueIp(), ...(now ? { now } : {}) },
  );
}
