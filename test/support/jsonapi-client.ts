import { randomBytes } from 'node:crypto';
import { desc, sql, type SQL } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { expect } from 'vitest';
import { customerPrincipal, type CustomerPrincipal } from '@/app/_domain/auth/principal';
import { createAccessTokens, type TokenPair } from '@/app/_domain/auth/tokens';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { registerCustomer } from '@/app/_domain/customers/registration';
import { requestPasswordReset } from '@/app/_domain/passwords/reset';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import type { ErrorObject } from '@/app/_transport/glue/errors';
import type { NextRouteHandler } from '@/app/_transport/glue/jsonapi';
import { getDb } from '@/db/client';
import { updateCustomerConfirmed } from '@/db/queries/customers';
import { emailOutbox } from '@/db/schema';

/**
 * Test helpers for calling JSON:API route handlers directly, as Next.js would: a `Request` on an
 * internal origin (never the public one, so links built from the request would show) and the
 * route context with its params.
 */

export const INTERNAL_ORIGIN = 'http://internal.test';
export const JSONAPI = 'application/vnd.api+json';

type RouteHandler = NextRouteHandler;

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

/**
 * Calls a route handler as Next.js does: a dynamic route gets its params as a promise, a static
 * route (no `params` given here) gets `params: undefined`.
 */
export function callRoute(handler: RouteHandler, request: Request, params?: Record<string, string>) {
  return handler(request, { params: params === undefined ? undefined : Promise.resolve(params) });
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

/** The principal of `customer` (optionally through one browser session or token family). */
export function principalOf(customer: { id: number }, login: { sessionId?: string; familyId?: string } = {}): CustomerPrincipal {
  return customerPrincipal(customer.id, login);
}

/** A token pair for `customer` (POST /access-tokens through the domain, from a fresh client IP). */
export function issueTokens(customer: TestCustomer, now?: Date): Promise<TokenPair> {
  return createAccessTokens(
    { username: customer.email, password: customer.password },
    { clientIp: uniqueIp(), ...(now ? { now } : {}) },
  );
}

export type SignedInCustomer = TestCustomer & TokenPair & { familyId: string };

/** A confirmed customer with a fresh token pair (one token family). */
export async function createSignedInCustomer(options: { now?: Date } = {}): Promise<SignedInCustomer> {
  const customer = await createCustomer(options);
  const tokens = await issueTokens(customer, options.now);
  return { ...customer, ...tokens, familyId: familyOf(tokens.accessToken) };
}

/** The token family an access token was issued from (its `fam` claim). */
export function familyOf(accessToken: string): string {
  const family = decodeJwt(accessToken).fam;
  if (typeof family !== 'string') throw new Error('access token without a family');
  return family;
}

// ---------------------------------------------------------------- domain errors, emails, raw rows

/** The DomainError `promise` rejects with (fails when it resolves or rejects with anything else). */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** Messages queued to `address` (compared lower-cased), newest first. */
export function emailsTo(address: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(sql`lower(${emailOutbox.toAddress}) = ${address.trim().toLowerCase()}`)
    .orderBy(desc(emailOutbox.id));
}

/** Messages of one `kind` (e.g. 'reset-password') queued to `address`, newest first. */
export async function emailsOfKind(address: string, kind: string) {
  return (await emailsTo(address)).filter((message) => message.kind === kind);
}

/** The path of the password-reset link in the 'reset-password' email. */
export const RESET_LINK_PATH = '/password/reset';

/** The restorePasswordKey of the newest 'reset-password' email to `address`; fails when there is none. */
export async function latestResetKey(address: string): Promise<string> {
  const [message] = await emailsOfKind(address, 'reset-password');
  if (!message) throw new Error(`no reset-password email queued for ${address}`);
  const key = linkKey(message.textBody, RESET_LINK_PATH);
  if (!key) throw new Error(`no reset link in: ${message.textBody}`);
  return key;
}

/**
 * Asks for a password reset through the domain (as POST /customer-forgotten-password does, from a
 * fresh client IP unless one is given) and returns the key from the queued email.
 */
export async function requestResetKey(email: string, context: { clientIp?: string; now?: Date } = {}): Promise<string> {
  await requestPasswordReset({ email }, { clientIp: context.clientIp ?? uniqueIp(), ...(context.now ? { now: context.now } : {}) });
  return latestResetKey(email);
}

/** The decoded `key` query parameter of the first link to `path` (e.g. `/email/confirm`) in `text`. */
export function linkKey(text: string, path: string): string | null {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\?key=([^\\s"<&]+)`).exec(text);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Rows of a raw query; postgres.js returns an array, PGlite `{ rows }`. */
export async function selectRows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
  const result: unknown = await getDb().execute(query);
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Every row of every table in the `public` schema, as JSON text (for "no personal data left" checks). */
export async function everyRowAsText(): Promise<{ table: string; row: string }[]> {
  const tables = await selectRows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  expect(tables.length).toBeGreaterThan(0);
  const rows: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables) {
    const found = await selectRows<{ row: string }>(sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`);
    rows.push(...found.map(({ row }) => ({ table, row })));
  }
  return rows;
}

/**
 * Rows anywhere in the `public` schema whose JSON text contains one of `needles` (compared
 * case-insensitively), with the row text cut to 200 characters: `[]` means no trace is left.
 */
export async function rowsContaining(needles: string[]): Promise<{ table: string; text: string }[]> {
  expect(needles.length).toBeGreaterThan(0);
  const wanted = needles.map((needle) => needle.toLowerCase());
  return (await everyRowAsText())
    .filter(({ row }) => wanted.some((needle) => row.toLowerCase().includes(needle)))
    .map(({ table, row }) => ({ table, text: row.slice(0, 200) }));
}
