import type { CustomerPrincipal } from '@/app/_domain/auth/principal';
import { resolveAccessToken } from '@/app/_domain/auth/tokens';
import { isDomainError } from '@/app/_domain/shared/errors';
import type { RequestCodec } from './codec';
import { domainErrorToJsonApi, WWW_AUTHENTICATE } from './errors';
import { assertSupportedQuery, JsonApiError, readAttributes, type Handler } from './jsonapi';

/**
 * The storefront API's request pipeline, in Glue's order of checks: the query (reserved JSON:API
 * parameters), the body's format (when the route takes one: 415 → 413 → 400 → 409), then the
 * access token. No token on a protected route is 403/002; a malformed, expired, forged or revoked
 * one is 401/001 — on public routes too. The handler gets the body in the domain's names (the
 * codec), and domain errors come back with the endpoint's attribute names.
 */

type Params = Record<string, string>;
type Options<P extends Params> = {
  /** The body's codec; routes without a body leave it out. */
  codec?: RequestCodec;
  /** The resource id the URL names, which `data.id` must not contradict. */
  id?: (params: P) => string;
  /** Relationships `?include=` may name. */
  include?: readonly string[];
  /** The token check reads the customer's address book along (one statement for `GET …/addresses`). */
  withAddresses?: boolean;
};
export type CustomerRequest<P extends Params> = { principal: CustomerPrincipal; params: P; input: Record<string, unknown> };
export type OptionalCustomerRequest<P extends Params> = { principal: CustomerPrincipal | null; params: P; input: Record<string, unknown> };

const invalidToken = () => JsonApiError.of(401, 'Invalid access token.', '001', WWW_AUTHENTICATE);

async function principalFrom(request: Request, withAddresses = false): Promise<CustomerPrincipal | null | undefined> {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw invalidToken();
  const principal = await resolveAccessToken(match[1]!, new Date(), { withAddresses });
  if (!principal) throw invalidToken();
  return principal;
}

function pipeline<P extends Params>(options: Options<P>, requireToken: boolean) {
  return async (request: Request, params: P) => {
    assertSupportedQuery(request, options.include);
    const attributes = options.codec ? await readAttributes(request, options.codec.type, options.id?.(params)) : {};
    const principal = await principalFrom(request, options.withAddresses);
    if (requireToken && !principal) throw JsonApiError.of(403, 'Missing access token.', '002');
    return { principal: principal ?? null, input: options.codec ? options.codec.toDomain(attributes) : attributes };
  };
}

async function inWireNames(codec: RequestCodec | undefined, call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (error) {
    if (codec && isDomainError(error)) throw domainErrorToJsonApi(error, codec.wire);
    throw error;
  }
}

/** A route for signed-in customers: the handler receives the principal. */
export function withCustomer<P extends Params = Record<never, string>>(
  handler: (request: Request, ctx: CustomerRequest<P>) => Promise<Response>,
  options: Options<P> = {},
): Handler<P> {
  const read = pipeline(options, true);
  return async (request, params) => {
    const { principal, input } = await read(request, params);
    return inWireNames(options.codec, () => handler(request, { principal: principal!, params, input }));
  };
}

/** A public route: no token is fine, a bad token is still 401/001. */
export function withOptionalCustomer<P extends Params = Record<never, string>>(
  handler: (request: Request, ctx: OptionalCustomerRequest<P>) => Promise<Response>,
  options: Options<P> = {},
): Handler<P> {
  const read = pipeline(options, false);
  return async (request, params) => {
    const { principal, input } = await read(request, params);
    return inWireNames(options.codec, () => handler(request, { principal, params, input }));
  };
}
