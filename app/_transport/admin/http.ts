import { toAlpha2 } from '@/app/_domain/addresses/countries';
import type { AdminPrincipal } from '@/app/_domain/auth/principal';
import { resolveAdminKey } from '@/app/_domain/admin/keys';
import { shopKey } from '@/app/_domain/shared/config';
import { isDomainError } from '@/app/_domain/shared/errors';
import { logUnexpected } from '@/app/_domain/shared/log';
import { readBodyText } from '../http/body';
import { httpRoute, type Handler, type Method } from '../http/http-route';
import { AdminApiError, domainErrorToAdmin, type WireName } from './errors';

/**
 * The admin API's request pipeline: the key (`X-Access-Token`, 401) → on the customer routes the
 * shop (`shopKey` must be SHOP_KEY, 404) and the country (`countryCode` alpha-2 or alpha-3, 400; it
 * does not filter), which the product feed does not have → the body when the route takes one
 * (415 → 413 → 400). Domain errors come back in the endpoint's field names (the codec's `wire`),
 * every other error as `{errors: [{errorKey, message, context}]}`; nothing a client sends can make
 * it answer 500.
 */

export const MAX_BODY_BYTES = 64 * 1024;

export type ShopParams = { shopKey: string; countryCode: string };
export type AdminRequest<P> = { principal: AdminPrincipal; params: P; body: Record<string, unknown> };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: AdminApiError): Response {
  return json({ errors: error.errors }, error.status, error.headers);
}

function toErrorResponse(error: unknown): Response {
  if (error instanceof AdminApiError) return errorResponse(error);
  if (isDomainError(error)) return errorResponse(domainErrorToAdmin(error));
  logUnexpected('admin', error);
  return errorResponse(AdminApiError.of(500, 'INTERNAL_ERROR', 'Internal server error.'));
}

/** Wraps an admin route's handlers (`httpRoute`); `params` names its dynamic segments. */
export function adminRoute<P extends Record<string, string>>(handlers: Partial<Record<Method, Handler<P>>>, params: readonly (keyof P & string)[]) {
  return httpRoute(handlers, params, {
    methodNotAllowed: (allow) => errorResponse(AdminApiError.of(405, 'METHOD_NOT_ALLOWED', 'Method not allowed.', {}, { Allow: allow })),
    onError: toErrorResponse,
  });
}

export function notFound(): Response {
  return errorResponse(AdminApiError.of(404, 'NOT_FOUND', 'Not found.'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object body (`application/json`, with or without parameters). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw AdminApiError.of(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json.');
  const text = await readBodyText(request, MAX_BODY_BYTES, () =>
    AdminApiError.of(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`),
  );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw AdminApiError.of(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (!isObject(body)) throw AdminApiError.of(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  return body;
}

export async function principalOf(request: Request): Promise<AdminPrincipal> {
  const principal = await resolveAdminKey(request.headers.get('x-access-token'));
  if (!principal) throw AdminApiError.of(401, 'ACCESS_DENIED', 'A valid X-Access-Token header is required.');
  return principal;
}

function checkShop(params: ShopParams): void {
  if (params.shopKey !== shopKey()) throw AdminApiError.of(404, 'SHOP_NOT_FOUND', 'The shop was not found.', { field: 'shopKey' });
  if (!toAlpha2(params.countryCode)) {
    throw AdminApiError.of(400, 'INVALID_PARAMETER', 'countryCode must be an ISO 3166-1 alpha-2 or alpha-3 code.', { field: 'countryCode' });
  }
}

type Options = { body?: boolean; wire?: WireName };
type AdminHandler<P> = (request: Request, ctx: AdminRequest<P>) => Promise<Response>;

/** The pipeline after the key: `checkParams` (the route's scope), the body, the handler; domain errors in the codec's names. */
function adminHandler<P extends Record<string, string>>(checkParams: (params: P) => void, handler: AdminHandler<P>, options: Options): Handler<P> {
  return async (request, params) => {
    const principal = await principalOf(request);
    checkParams(params);
    const body = options.body ? await readJsonObject(request) : {};
    try {
      return await handler(request, { principal, params, body });
    } catch (error) {
      if (options.wire && isDomainError(error)) throw domainErrorToAdmin(error, options.wire);
      throw error;
    }
  };
}

/** A customer route of the admin API: the handler gets the key's principal and the body (when the route takes one). */
export function withAdminKey<P extends ShopParams>(handler: AdminHandler<P>, options: Options = {}): Handler<P> {
  return adminHandler<P>(checkShop, handler, options);
}

/** A route outside the shop scope (the product feed, `/admin/v1/products/{sku}`): the key and the body only. */
export function withAdminKeyOnly<P extends Record<string, string>>(handler: AdminHandler<P>, options: Options = {}): Handler<P> {
  return adminHandler<P>(() => {}, handler, options);
}
