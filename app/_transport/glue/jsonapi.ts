import { appUrl } from '@/app/_domain/shared/config';
import { isDomainError } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';
import { readBodyText } from '../http/body';
import { httpRoute, type Handler, type Method, type RouteParams } from '../http/http-route';
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

/**
 * Reads a `{"data": {"type", "attributes"}}` document and returns its attributes, unvalidated:
 * the domain's zod schema validates them (and drops unknown ones). When the URL names the
 * resource (`expectedId`), a `data.id` that names another one is `409` (JSON:API).
 */
export async function readAttributes(request: Request, type: string, expectedId?: string): Promise<Record<string, unknown>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) throw JsonApiError.of(415, 'Unsupported media type.');
  const text = await readBodyText(request, MAX_BODY_BYTES, () => JsonApiError.of(413, 'Request body is too large.'));
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

export { allowHeader, type Handler, type NextRouteHandler, type RouteContext } from '../http/http-route';

/** Converts anything a handler throws into a JSON:API error response (never a bare 500 page). */
function toErrorResponse(error: unknown): Response {
  if (error instanceof JsonApiError) return errorResponse(error);
  if (isDomainError(error)) return errorResponse(domainErrorToJsonApi(error));
  logUnexpected('jsonapi', error);
  return errorResponse(JsonApiError.of(500, 'Internal server error.'));
}

/**
 * Wraps a storefront route's handlers (see `httpRoute`): every error becomes a JSON:API error
 * document. `params` names the route's dynamic segments.
 */
export function jsonApiRoute<P extends RouteParams = Record<never, string>>(
  handlers: Partial<Record<Method, Handler<P>>>,
  ...[options]: [keyof P] extends [never] ? [options?: { params?: readonly [] }] : [options: { params: readonly (keyof P & string)[] }]
) {
  return httpRoute(handlers, options?.params ?? [], {
    methodNotAllowed: (allow) => errorResponse(JsonApiError.of(405, 'Method not allowed.', undefined, { Allow: allow })),
    onError: toErrorResponse,
  });
}
