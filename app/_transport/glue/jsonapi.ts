import { appUrl } from '@/app/_domain/shared/config';
import { isDomainError } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';
import { domainErrorToJsonApi, JsonApiError } from './errors';

export { JsonApiError, type ErrorObject } from './errors';

/**
 * The JSON:API transport used by every storefront route handler: request format checks in
 * Glue's order (415 → 413 → 400), rendering of resources, `?include=` and `?fields[type]=`,
 * and errors. Framework errors (format) carry no `code`, as in Glue.
 */

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';
export const MAX_BODY_BYTES = 64 * 1024;
const ACCEPTED_MEDIA_TYPES = new Set([JSONAPI_MEDIA_TYPE, 'application/json']);

export type Resource = {
  type: string;
  id: string | null;
  attributes: Record<string, unknown>;
  links?: { self: string };
  /** Related resources, rendered only when `?include=` names the relationship. */
  relationships?: Record<string, Resource[]>;
};

// ---------------------------------------------------------------- requests

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw JsonApiError.of(413, 'Request body is too large.');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw JsonApiError.of(413, 'Request body is too large.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a `{"data": {"type", "attributes"}}` document and returns its attributes, unvalidated:
 * the domain's zod schema validates them (and drops unknown ones). When the URL names the
 * resource (`expectedId`), a `data.id` that names another one is `409` (JSON:API).
 */
export async function readAttributes(request: Request, type: string, expectedId?: string): Promise<Record<string, unknown>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) throw JsonApiError.of(415, 'Unsupported media type.');
  const text = await readBody(request);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw JsonApiError.of(400, 'Post data is invalid.');
  }
  if (!isObject(document) || !isObject(document.data)) throw JsonApiError.of(400, 'Post data is invalid.');
  if (document.data.type !== type) throw JsonApiError.of(400, 'Invalid type.');
  if (!isObject(document.data.attributes)) throw JsonApiError.of(400, 'Post data is invalid.');
  const id = document.data.id;
  // Ids compare case-insensitively (UUIDs and `DE--25` references are case-insensitive here).
  if (expectedId !== undefined && id !== undefined && id !== null && String(id).toLowerCase() !== expectedId.toLowerCase()) {
    throw JsonApiError.of(409, 'The id in the document does not match the id in the URL.');
  }
  return document.data.attributes;
}

// ---------------------------------------------------------------- responses

/** Absolute URL on the public origin (APP_URL), never derived from the request's Host header. */
export function absoluteUrl(pathAndQuery: string): string {
  return `${appUrl()}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`;
}

function selfLink(request: Request): string {
  const url = new URL(request.url);
  return absoluteUrl(url.pathname + url.search);
}

type RenderOptions = { include: Set<string>; fields: Map<string, Set<string>> };

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `?include=a,b` and `?fields[type]=x,y` of the request. */
function renderOptions(request: Request): RenderOptions {
  const params = new URL(request.url).searchParams;
  const include = new Set(list(params.get('include') ?? ''));
  const fields = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const match = /^fields\[([^\]]+)\]$/.exec(name);
    if (match) fields.set(match[1]!, new Set(list(value)));
  }
  return { include, fields };
}

/**
 * The query parameters JSON:API reserves: a name of lower-case a–z only (or such a family,
 * `page[size]`). We support `include` (only the relationships a route names) and `fields[type]`;
 * any other reserved parameter is `400`, as the specification requires. Others (with a capital,
 * digit or dash) are implementation-specific and ignored.
 */
export function assertSupportedQuery(request: Request, includable: readonly string[] = []): void {
  const params = new URL(request.url).searchParams;
  for (const [name, value] of params) {
    const family = /^([a-z]+)(\[[^\]]*\])*$/.exec(name)?.[1];
    if (family === undefined) continue;
    if (name === 'include') {
      const unsupported = list(value).filter((relationship) => !includable.includes(relationship));
      if (unsupported.length > 0) {
        throw JsonApiError.of(400, `Unsupported include: ${unsupported.join(', ')}.`, undefined, {}, { parameter: 'include' });
      }
      continue;
    }
    if (/^fields\[[^\]]+\]$/.test(name)) continue;
    throw JsonApiError.of(400, `Unsupported query parameter: ${name}.`, undefined, {}, { parameter: name });
  }
}

/** Whether the request asks for `relationship` to be included (handlers load it only then). */
export function wantsInclude(request: Request, relationship: string): boolean {
  return renderOptions(request).include.has(relationship);
}

function sparse(resource: Resource, options: RenderOptions): Record<string, unknown> {
  const wanted = options.fields.get(resource.type);
  if (!wanted) return resource.attributes;
  return Object.fromEntries(Object.entries(resource.attributes).filter(([key]) => wanted.has(key)));
}

function renderResource(resource: Resource, options: RenderOptions, included: Map<string, unknown>) {
  const rendered: Record<string, unknown> = { type: resource.type, id: resource.id, attributes: sparse(resource, options) };
  const relationships: Record<string, unknown> = {};
  const wanted = options.fields.get(resource.type);
  for (const [name, related] of Object.entries(resource.relationships ?? {})) {
    if (!options.include.has(name)) continue;
    // Sparse fieldsets name relationships too: one not asked for is left out (its resources may
    // still be included, as the specification allows).
    for (const r of related) {
      const key = `${r.type}:${r.id}`;
      if (!included.has(key)) included.set(key, renderResource(r, options, included));
    }
    if (wanted && !wanted.has(name)) continue;
    relationships[name] = { data: related.map((r) => ({ type: r.type, id: r.id })) };
  }
  if (Object.keys(relationships).length > 0) rendered.relationships = relationships;
  if (resource.links) rendered.links = resource.links;
  return rendered;
}

/** Renders a JSON:API document with one resource or a collection. */
export function renderDocument(request: Request, primary: Resource | Resource[]): Record<string, unknown> {
  const options = renderOptions(request);
  const included = new Map<string, unknown>();
  const data = Array.isArray(primary)
    ? primary.map((r) => renderResource(r, options, included))
    : renderResource(primary, options, included);
  const document: Record<string, unknown> = { data, links: { self: selfLink(request) } };
  if (included.size > 0) document.included = [...included.values()];
  return document;
}

function jsonApiResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSONAPI_MEDIA_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}

export function documentResponse(
  request: Request,
  primary: Resource | Resource[],
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return jsonApiResponse(renderDocument(request, primary), init.status ?? 200, init.headers);
}

/** `201` with the created resource and its `Location` (its self link, or `location` for resources without one). */
export function created(request: Request, resource: Resource, location = resource.links?.self): Response {
  if (!location) throw new Error('A created resource needs a Location');
  return documentResponse(request, resource, { status: 201, headers: { Location: location } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: JsonApiError): Response {
  return jsonApiResponse({ errors: error.errors }, error.status, error.headers);
}

// ---------------------------------------------------------------- route wrapper

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Exported = Method | 'HEAD' | 'OPTIONS';

/** What Next.js hands a route handler: for a static route `params` is `undefined`. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> | undefined };
export type NextRouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

/** A handler of one method; `params` are the route's own, normalised once (every name present, a string). */
export type Handler<P extends RouteParams = Record<never, string>> = (request: Request, params: P) => Promise<Response>;
type RouteParams = Record<string, string>;

/**
 * The route's params as strings: a missing one is '' (never `undefined`), an array (catch-all) is
 * joined with '/'. Handlers never see Next's `params` promise, so none can crash on its absence.
 */
async function normaliseParams<P extends RouteParams>(context: RouteContext | undefined, names: readonly (keyof P & string)[]): Promise<P> {
  const raw = (await context?.params) ?? {};
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = raw[name];
    params[name] = Array.isArray(value) ? value.join('/') : (value ?? '');
  }
  return params as P;
}

/** Converts anything a handler throws into a JSON:API error response (never a bare 500 page). */
function toErrorResponse(error: unknown): Response {
  if (error instanceof JsonApiError) return errorResponse(error);
  if (isDomainError(error)) return errorResponse(domainErrorToJsonApi(error));
  logUnexpected('jsonapi', error);
  return errorResponse(JsonApiError.of(500, 'Internal server error.'));
}

/** The `Allow` header of a route: its methods, HEAD where GET works, and OPTIONS. */
export function allowHeader(methods: readonly string[]): string {
  const allowed = METHODS.filter((m) => methods.includes(m)) as string[];
  if (allowed.includes('GET')) allowed.splice(1, 0, 'HEAD');
  return [...allowed, 'OPTIONS'].join(', ');
}

/**
 * Wraps a route's handlers: every HTTP method is exported; the ones not given answer `405` with
 * an `Allow` header; `HEAD` runs `GET` without its body; `OPTIONS` answers `204` with `Allow`;
 * every error becomes a JSON:API error document. `params` names the route's dynamic segments.
 */
export function jsonApiRoute<P extends RouteParams = Record<never, string>>(
  handlers: Partial<Record<Method, Handler<P>>>,
  ...[options]: [keyof P] extends [never] ? [options?: { params?: readonly [] }] : [options: { params: readonly (keyof P & string)[] }]
): Record<Exported, NextRouteHandler> {
  const names: readonly (keyof P & string)[] = options?.params ?? [];
  const allow = allowHeader(Object.keys(handlers));
  const run = (handler: Handler<P> | undefined): NextRouteHandler => async (request, context) => {
    if (!handler) return errorResponse(JsonApiError.of(405, 'Method not allowed.', undefined, { Allow: allow }));
    try {
      return await handler(request, await normaliseParams<P>(context, names));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  const routes = Object.fromEntries(METHODS.map((m) => [m, run(handlers[m])])) as Record<Exported, NextRouteHandler>;
  routes.HEAD = async (request, context) => {
    const response = await routes.GET(request, context);
    return new Response(null, { status: response.status, headers: response.headers });
  };
  routes.OPTIONS = async () => new Response(null, { status: 204, headers: { Allow: allow, 'Cache-Control': 'no-store' } });
  return routes;
}
