import type { Actor } from '@/app/_domain/auth/actor';
import { resolveAccessToken } from '@/app/_domain/auth/tokens';
import { JsonApiError, readAttributes, type Handler } from './jsonapi';
import { WWW_AUTHENTICATE } from './errors';

/**
 * Authentication for JSON:API route handlers, in Glue's order of checks: the request body's
 * format first (when the route takes one), then the access token. No token on a protected route
 * is 403/002; a malformed, expired, forged or revoked one is 401/001 — on public routes too.
 */

type Params = Record<string, string | string[] | undefined>;
type Options = { body?: string };
export type CustomerRequest = { actor: Actor; params: Params; attributes: Record<string, unknown> };
export type OptionalCustomerRequest = { actor: Actor | null; params: Params; attributes: Record<string, unknown> };

const invalidToken = () => JsonApiError.of(401, 'Invalid access token.', '001', WWW_AUTHENTICATE);

async function actorFrom(request: Request): Promise<Actor | null | undefined> {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw invalidToken();
  const actor = await resolveAccessToken(match[1]!);
  if (!actor) throw invalidToken();
  return actor;
}

function prepare(options: Options) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const attributes = options.body ? await readAttributes(request, options.body) : {};
    const actor = await actorFrom(request);
    return { attributes, actor, params: await context.params };
  };
}

/** A route for signed-in customers: the handler receives the actor. */
export function withCustomer(handler: (request: Request, ctx: CustomerRequest) => Promise<Response>, options: Options = {}): Handler {
  const read = prepare(options);
  return async (request, context) => {
    const { attributes, actor, params } = await read(request, context);
    if (!actor) throw JsonApiError.of(403, 'Missing access token.', '002');
    return handler(request, { actor, params, attributes });
  };
}

/** A public route: no token is fine, a bad token is still 401/001. */
export function withOptionalCustomer(
  handler: (request: Request, ctx: OptionalCustomerRequest) => Promise<Response>,
  options: Options = {},
): Handler {
  const read = prepare(options);
  return async (request, context) => {
    const { attributes, actor, params } = await read(request, context);
    return handler(request, { actor: actor ?? null, params, attributes });
  };
}
