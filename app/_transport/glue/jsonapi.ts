import { appUrl } from '@/app/_domain/shared/config';
import { isDomainError } from '@/app/_domain/shared/errors';
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
 * the domain's zod schema validates them (and drops unknown ones).
 */
export async function readAttributes(request: Request, type: string): Promise<Record<string, unknown>> {
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

/** `?include=a,b` and `?fields[type]=x,y` of the request. */
function renderOptions(request: Request): RenderOptions {
  const params = new URL(request.url).searchParams;
  const include = new Set(
    (params.get('include') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const fields = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const match = /^fields\[([^\]]+)\]$/.exec(name);
    if (match) fields.set(match[1]!, new Set(value.split(',').map((s) => s.trim()).filter(Boolean)));
  }
  return { include, fields };
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
  for (const [name, related] of Object.entries(resource.relationships ?? {})) {
    if (!options.include.has(name)) continue;
    relationships[name] = { data: related.map((r) => ({ type: r.type, id: r.id })) };
    for (const r of related) {
      const key = `${r.type}:${r.id}`;
      if (!included.has(key)) included.set(key, renderResource(r, options, included));
    }
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

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: JsonApiError): Response {
  return jsonApiResponse({ errors: error.errors }, error.status, error.headers);
}

// ---------------------------------------------------------------- route wrapper

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/** Converts anything a handler throws into a JSON:API error response (never a bare 500 page). */
function toErrorResponse(error: unknown): Response {
  if (error instanceof JsonApiError) return errorResponse(error);
  if (isDomainError(error)) return errorResponse(domainErrorToJsonApi(error));
  console.error('[jsonapi] unexpected error', error);
  return errorResponse(JsonApiError.of(500, 'Internal server error.'));
}

/**
 * Wraps a route's handlers: every HTTP method is exported, the ones not given answer `405` with an
 * `Allow` header, and every error becomes a JSON:API error document.
 */
export function jsonApiRoute(handlers: Partial<Record<Method, Handler>>): Record<Method, Handler> {
  const allow = METHODS.filter((m) => handlers[m]).join(', ');
  const wrap =
    (handler: Handler | undefined): Handler =>
    async (request, context) => {
      if (!handler) return errorResponse(JsonApiError.of(405, 'Method not allowed.', undefined, { Allow: allow }));
      try {
        return await handler(request, context);
      } catch (error) {
        return toErrorResponse(error);
      }
    };
  return Object.fromEntries(METHODS.map((m) => [m, wrap(handlers[m])])) as Record<Method, Handler>;
}
