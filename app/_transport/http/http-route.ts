/**
 * The route wrapper every HTTP transport shares: every method is exported; the ones not given
 * answer `405` with an `Allow` header; `HEAD` runs `GET` without its body; `OPTIONS` answers `204`
 * with `Allow`; whatever a handler throws goes to the transport's `onError`. Params are normalised
 * once: Next.js passes `params: undefined` to static routes, and handlers never see its promise.
 */

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
type Exported = Method | 'HEAD' | 'OPTIONS';

/** What Next.js hands a route handler: for a static route `params` is `undefined`. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> | undefined };
export type NextRouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export type RouteParams = Record<string, string>;
/** A handler of one method; `params` are the route's own, normalised once (every name present, a string). */
export type Handler<P extends RouteParams = Record<never, string>> = (request: Request, params: P) => Promise<Response>;

/** The route's params as strings: a missing one is '' (never `undefined`), an array (catch-all) is joined with '/'. */
async function normaliseParams<P extends RouteParams>(context: RouteContext | undefined, names: readonly (keyof P & string)[]): Promise<P> {
  const raw = (await context?.params) ?? {};
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = raw[name];
    params[name] = Array.isArray(value) ? value.join('/') : (value ?? '');
  }
  return params as P;
}

/** The `Allow` header of a route: its methods, HEAD where GET works, and OPTIONS. */
export function allowHeader(methods: readonly string[]): string {
  const allowed = METHODS.filter((m) => methods.includes(m)) as string[];
  if (allowed.includes('GET')) allowed.splice(1, 0, 'HEAD');
  return [...allowed, 'OPTIONS'].join(', ');
}

export type RouteOptions = {
  /** The answer to a method the route does not serve. */
  methodNotAllowed: (allow: string) => Response;
  /** The answer to anything a handler throws. */
  onError: (error: unknown) => Response;
};

export function httpRoute<P extends RouteParams>(
  handlers: Partial<Record<Method, Handler<P>>>,
  names: readonly (keyof P & string)[],
  options: RouteOptions,
): Record<Exported, NextRouteHandler> {
  const allow = allowHeader(Object.keys(handlers));
  const run = (handler: Handler<P> | undefined): NextRouteHandler => async (request, context) => {
    if (!handler) return options.methodNotAllowed(allow);
    try {
      return await handler(request, await normaliseParams<P>(context, names));
    } catch (error) {
      return options.onError(error);
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
