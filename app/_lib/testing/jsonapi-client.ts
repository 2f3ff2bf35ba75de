import { expect } from 'vitest';
import type { ErrorObject } from '@/app/_lib/jsonapi-errors';

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
