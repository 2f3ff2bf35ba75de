import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { deserialise } from 'kitsu-core';
import { Jsona } from 'jsona';
import { addAddress, expect, JSONAPI, keyFrom, PASSWORD, signedInShopper, test, uniqueEmail } from './support';

/**
 * Every route file of the app answers over HTTP (this table must name each one: a new route file
 * without a probe fails the first test), plus the JSON:API rules every route shares: OPTIONS
 * with the route's own Allow, HEAD, 405 with Allow, JSON:API 404s under the API prefixes.
 */

function routeFiles(dir = 'app'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full.split(path.sep).join('/')] : [];
  });
}

type Probe = { method: string; url: string; status: number; allow?: string };
const REF = 'DE--999999';
const UUID = '00000000-0000-4000-8000-000000000000';
const ADMIN_ROUTES = 'app/admin/v1/shops/[shopKey]/countries/[countryCode]/customers';
const ADMIN = '/admin/v1/shops/ms/countries/DE/customers';

/** Route file → probes without a token (each route's own answer, never a 5xx). */
const probes: Record<string, Probe[]> = {
  'app/(storefront-api)/access-tokens/route.ts': [{ method: 'OPTIONS', url: '/access-tokens', status: 204, allow: 'POST, OPTIONS' }],
  'app/(storefront-api)/customer-confirmation/route.ts': [{ method: 'OPTIONS', url: '/customer-confirmation', status: 204, allow: 'POST, OPTIONS' }],
  'app/(storefront-api)/customer-forgotten-password/route.ts': [
    { method: 'OPTIONS', url: '/customer-forgotten-password', status: 204, allow: 'POST, OPTIONS' },
  ],
  'app/(storefront-api)/customer-password/route.ts': [
    { method: 'OPTIONS', url: '/customer-password', status: 204, allow: 'PATCH, OPTIONS' },
    { method: 'GET', url: '/customer-password', status: 405, allow: 'PATCH, OPTIONS' },
  ],
  'app/(storefront-api)/customer-password/[customerReference]/route.ts': [
    { method: 'OPTIONS', url: `/customer-password/${REF}`, status: 204, allow: 'PATCH, OPTIONS' },
  ],
  'app/(storefront-api)/customer-restore-password/route.ts': [
    { method: 'OPTIONS', url: '/customer-restore-password', status: 204, allow: 'PATCH, OPTIONS' },
  ],
  'app/(storefront-api)/customer-restore-password/[id]/route.ts': [
    { method: 'OPTIONS', url: '/customer-restore-password/mine', status: 204, allow: 'PATCH, OPTIONS' },
  ],
  'app/(storefront-api)/customers/route.ts': [
    { method: 'OPTIONS', url: '/customers', status: 204, allow: 'GET, HEAD, POST, PATCH, DELETE, OPTIONS' },
    { method: 'HEAD', url: '/customers', status: 403 },
    { method: 'PUT', url: '/customers', status: 405, allow: 'GET, HEAD, POST, PATCH, DELETE, OPTIONS' },
  ],
  'app/(storefront-api)/customers/[customerReference]/route.ts': [
    { method: 'OPTIONS', url: `/customers/${REF}`, status: 204, allow: 'GET, HEAD, PATCH, DELETE, OPTIONS' },
    { method: 'POST', url: `/customers/${REF}`, status: 405, allow: 'GET, HEAD, PATCH, DELETE, OPTIONS' },
  ],
  'app/(storefront-api)/customers/[customerReference]/addresses/route.ts': [
    { method: 'OPTIONS', url: `/customers/${REF}/addresses`, status: 204, allow: 'GET, HEAD, POST, PATCH, DELETE, OPTIONS' },
  ],
  'app/(storefront-api)/customers/[customerReference]/addresses/[addressId]/route.ts': [
    { method: 'OPTIONS', url: `/customers/${REF}/addresses/${UUID}`, status: 204, allow: 'GET, HEAD, PATCH, DELETE, OPTIONS' },
  ],
  'app/(storefront-api)/customers/[customerReference]/export/route.ts': [
    { method: 'GET', url: `/customers/${REF}/export`, status: 403 },
    { method: 'OPTIONS', url: `/customers/${REF}/export`, status: 204, allow: 'GET, HEAD, OPTIONS' },
  ],
  'app/(account)/account/export/route.ts': [{ method: 'GET', url: '/account/export', status: 307 }],
  // The benchmark's probes exist only when `npm run bench` starts the app (BENCH_ROUTES=1).
  'app/bench/empty/route.ts': [{ method: 'GET', url: '/bench/empty', status: 404 }],
  'app/bench/one-query/route.ts': [{ method: 'GET', url: '/bench/one-query?id=1', status: 404 }],
  'app/bench/[probe]/route.ts': [
    { method: 'GET', url: '/bench/event-loop', status: 404 },
    { method: 'POST', url: '/bench/hash', status: 404 },
  ],
  'app/(storefront-api)/refresh-tokens/route.ts': [{ method: 'OPTIONS', url: '/refresh-tokens', status: 204, allow: 'POST, OPTIONS' }],
  'app/(storefront-api)/refresh-tokens/[refreshToken]/route.ts': [
    { method: 'OPTIONS', url: '/refresh-tokens/mine', status: 204, allow: 'DELETE, OPTIONS' },
    { method: 'DELETE', url: '/refresh-tokens/mine', status: 403 },
  ],
  'app/(storefront-api)/jsonapi-not-found/route.ts': [
    { method: 'GET', url: '/customers/DE--1/orders', status: 404 },
    { method: 'OPTIONS', url: '/access-tokens/nope', status: 404 },
    { method: 'POST', url: '/customer-anything', status: 404 },
    { method: 'DELETE', url: '/availability-notifications/x/y', status: 404 },
    { method: 'GET', url: '/my-availability-notifications/x', status: 404 },
  ],
  'app/(storefront-api)/availability-notifications/route.ts': [
    { method: 'OPTIONS', url: '/availability-notifications', status: 204, allow: 'POST, OPTIONS' },
    { method: 'GET', url: '/availability-notifications', status: 405, allow: 'POST, OPTIONS' },
    { method: 'POST', url: '/availability-notifications', status: 415 },
  ],
  'app/(storefront-api)/availability-notifications/[subscriptionKey]/route.ts': [
    { method: 'OPTIONS', url: '/availability-notifications/x', status: 204, allow: 'DELETE, OPTIONS' },
    { method: 'DELETE', url: '/availability-notifications/x', status: 404 },
  ],
  'app/(storefront-api)/customers/[customerReference]/availability-notifications/route.ts': [
    { method: 'GET', url: `/customers/${REF}/availability-notifications`, status: 403 },
    { method: 'OPTIONS', url: `/customers/${REF}/availability-notifications`, status: 204, allow: 'GET, HEAD, OPTIONS' },
  ],
  'app/(storefront-api)/my-availability-notifications/route.ts': [
    { method: 'GET', url: '/my-availability-notifications', status: 403 },
    { method: 'HEAD', url: '/my-availability-notifications', status: 403 },
    { method: 'OPTIONS', url: '/my-availability-notifications', status: 204, allow: 'GET, HEAD, OPTIONS' },
  ],
  'app/(storefront-api)/openapi.json/route.ts': [{ method: 'GET', url: '/openapi.json', status: 200 }],
  // The admin API without a key (the admin suite drives each one with a key).
  [`${ADMIN_ROUTES}/route.ts`]: [
    { method: 'OPTIONS', url: ADMIN, status: 204, allow: 'GET, HEAD, POST, OPTIONS' },
    { method: 'GET', url: ADMIN, status: 401 },
    { method: 'DELETE', url: ADMIN, status: 405, allow: 'GET, HEAD, POST, OPTIONS' },
  ],
  [`${ADMIN_ROUTES}/[customerIdentifier]/route.ts`]: [{ method: 'GET', url: `${ADMIN}/1`, status: 401 }],
  [`${ADMIN_ROUTES}/[customerIdentifier]/reference-key/route.ts`]: [{ method: 'PUT', url: `${ADMIN}/1/reference-key`, status: 401 }],
  [`${ADMIN_ROUTES}/[customerIdentifier]/password/route.ts`]: [{ method: 'PUT', url: `${ADMIN}/1/password`, status: 401 }],
  [`${ADMIN_ROUTES}/[customerIdentifier]/password-hash/route.ts`]: [{ method: 'PUT', url: `${ADMIN}/key=x/password-hash`, status: 401 }],
  [`${ADMIN_ROUTES}/[customerIdentifier]/addresses/route.ts`]: [{ method: 'GET', url: `${ADMIN}/1/addresses`, status: 401 }],
  [`${ADMIN_ROUTES}/[customerIdentifier]/addresses/[addressIdentifier]/route.ts`]: [
    { method: 'PATCH', url: `${ADMIN}/1/addresses/key=x`, status: 401 },
    { method: 'OPTIONS', url: `${ADMIN}/1/addresses/1`, status: 204, allow: 'GET, HEAD, PATCH, OPTIONS' },
  ],
  [`${ADMIN_ROUTES}/[customerIdentifier]/addresses/[addressIdentifier]/reference-key/route.ts`]: [
    { method: 'PUT', url: `${ADMIN}/1/addresses/1/reference-key`, status: 401 },
  ],
  'app/admin/v1/openapi.json/route.ts': [{ method: 'GET', url: '/admin/v1/openapi.json', status: 200 }],
  'app/admin/v1/products/[sku]/route.ts': [
    { method: 'OPTIONS', url: '/admin/v1/products/sku-1', status: 204, allow: 'GET, HEAD, PUT, OPTIONS' },
    { method: 'GET', url: '/admin/v1/products/sku-1', status: 401 },
    { method: 'PUT', url: '/admin/v1/products/sku-1', status: 401 },
    { method: 'POST', url: '/admin/v1/products/sku-1', status: 405, allow: 'GET, HEAD, PUT, OPTIONS' },
  ],
  'app/admin/[...path]/route.ts': [
    { method: 'GET', url: '/admin/v2/anything', status: 404 },
    { method: 'POST', url: '/admin/v1/shops/ms/countries/DE/orders', status: 404 },
    { method: 'GET', url: '/admin/v1/products', status: 404 },
    { method: 'GET', url: '/admin/v1/products/sku-1/variants', status: 404 },
  ],
  'app/api/auth/[...nextauth]/route.ts': [
    { method: 'GET', url: '/api/auth/csrf', status: 200 },
    { method: 'GET', url: '/api/auth/session', status: 200 },
  ],
  'app/dev/mailbox/messages/route.ts': [{ method: 'GET', url: '/dev/mailbox/messages?to=nobody@example.com', status: 200 }],
  'app/docs/api/route.ts': [{ method: 'GET', url: '/docs/api', status: 200 }],
  'app/docs/api/admin/route.ts': [{ method: 'GET', url: '/docs/api/admin', status: 200 }],
  'app/docs/api/scalar.js/route.ts': [{ method: 'GET', url: '/docs/api/scalar.js', status: 200 }],
  'app/logout/route.ts': [
    { method: 'POST', url: '/logout', status: 303 },
    { method: 'GET', url: '/logout', status: 405 },
  ],
  'app/(shop)/register/confirm/sign-in/route.ts': [
    { method: 'GET', url: '/register/confirm/sign-in?key=unknown', status: 303 },
    { method: 'HEAD', url: '/register/confirm/sign-in?key=unknown', status: 200 },
    { method: 'POST', url: '/register/confirm/sign-in', status: 405 },
  ],
};

test('every route file of the app has probes here', () => {
  expect(routeFiles().sort()).toEqual(Object.keys(probes).sort());
});

for (const [file, list] of Object.entries(probes)) {
  test(`${file} answers over HTTP`, async ({ raw }) => {
    for (const probe of list) {
      const response = await raw(probe.method, probe.url);
      expect(response.status, `${probe.method} ${probe.url}`).toBe(probe.status);
      if (probe.allow) expect(response.headers.get('allow'), `${probe.method} ${probe.url}`).toBe(probe.allow);
      const type = response.headers.get('content-type') ?? '';
      const answers = probe.method !== 'OPTIONS' && probe.method !== 'HEAD' && response.status !== 204;
      if (probe.url.startsWith('/admin/')) {
        if (answers) expect(type, `${probe.method} ${probe.url}`).toBe('application/json');
        if (answers && response.status >= 400) expect(((await response.json()) as { errors: { errorKey: string }[] }).errors[0]!.errorKey).toMatch(/^[A-Z_]+$/);
        continue;
      }
      const api = !['/openapi.json', '/api/', '/dev/', '/docs/', '/logout', '/account/', '/register/', '/bench/'].some((prefix) => probe.url.startsWith(prefix));
      if (api && answers) {
        expect(type, `${probe.method} ${probe.url}`).toBe(JSONAPI);
        const body = (await response.json()) as { errors: { status: number }[] };
        expect(body.errors[0]!.status).toBe(probe.status);
      }
    }
  });
}

test('HEAD answers like GET without a body; OPTIONS lists the route’s methods', async ({ api, request, raw }) => {
  const shopper = await signedInShopper(api, request);
  const head = await raw('HEAD', `/customers/${shopper.reference}`, { headers: { Authorization: `Bearer ${shopper.accessToken}` } });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-type')).toBe(JSONAPI);
  expect(await head.text()).toBe('');
});

test('the sign-in endpoint of Auth.js and sign-out work over HTTP', async ({ api, request, baseURL }) => {
  const shopper = await signedInShopper(api, request);
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, username: shopper.email, password: PASSWORD, callbackUrl: `${baseURL}/account` },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  const session = await request.get('/api/auth/session');
  expect(await session.json()).toMatchObject({ sid: expect.any(String) });
  const logout = await request.post('/logout', { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(logout.status()).toBe(303);
  expect(await (await request.get('/api/auth/session')).json()).toBeNull();
  const crossSite = await request.post('/logout', { headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
});

test('the emailed confirmation link signs in once, with the session cookie a sign-in gives, and ends the session the browser had', async ({ api, request, raw, baseURL }) => {
  // The browser is signed in as someone else first.
  const before = await signedInShopper(api, request);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/callback/credentials', { form: { csrfToken, username: before.email, password: PASSWORD }, maxRedirects: 0 });
  const cookieOf = async () => (await request.storageState()).cookies.find((c) => c.name.endsWith('authjs.session-token'))!.value;
  const earlier = await cookieOf();

  const email = uniqueEmail('confirm-link');
  const created = await api.POST('/customers', {
    body: { data: { type: 'customers', attributes: { salutation: 'Ms', firstName: 'Mary', lastName: 'Jackson', email, password: PASSWORD, confirmPassword: PASSWORD, acceptedTerms: true } } },
  });
  expect(created.response.status).toBe(201);
  const key = await keyFrom(request, email, 'confirm-registration');
  const link = `/register/confirm?key=${encodeURIComponent(key)}`;
  const handler = `/register/confirm/sign-in?key=${encodeURIComponent(key)}`;

  // The link's page passes the key on to the route handler, which alone can set a cookie.
  const opened = await raw('GET', link);
  expect(opened.status).toBe(307);
  expect(opened.headers.get('location')).toBe(handler);
  // HEAD (link checkers, mail scanners) uses nothing up.
  expect((await raw('HEAD', handler)).status).toBe(200);

  const signedIn = await request.get(handler, { maxRedirects: 0 });
  expect(signedIn.status()).toBe(303);
  expect(signedIn.headers()['location']).toBe(`${baseURL}/account?welcome=1`);
  expect(signedIn.headers()['cache-control']).toBe('no-store');
  const session = await cookieOf();
  expect(session).not.toBe(earlier);
  const account = await request.get('/account?welcome=1', { maxRedirects: 0 });
  expect(account.status()).toBe(200);
  expect(await account.text()).toContain('Your email is confirmed. Welcome!');
  // The session the browser had is ended, not just forgotten.
  const stale = await raw('GET', '/account', { headers: { Cookie: `authjs.session-token=${earlier}` } });
  expect(stale.status).toBe(307);
  expect(stale.headers.get('location')).toContain('/login');

  // Once only: the same link again goes to "this link can no longer be used", signed in or not.
  const again = await raw('GET', handler);
  expect(again.status).toBe(303);
  expect(again.headers.get('location')).toBe(`${baseURL}/register/confirm`);
  expect(await (await raw('GET', '/register/confirm')).text()).toContain('This link can no longer be used');
});

test('the API reference page and its viewer are served from our own origin', async ({ raw }) => {
  const page = await raw('GET', '/docs/api');
  const html = await page.text();
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(html).toContain('src="/docs/api/scalar.js"');
  expect(html).toContain('data-url="/openapi.json"');
  const admin = await (await raw('GET', '/docs/api/admin')).text();
  expect(admin).toContain('data-url="/admin/v1/openapi.json"');
  expect(admin).not.toMatch(/(src|href)="https?:/);
  expect(html).not.toMatch(/(src|href)="https?:/);
  const script = await raw('GET', '/docs/api/scalar.js');
  expect(script.headers.get('content-type')).toContain('javascript');
});

test('generic JSON:API clients (kitsu-core, jsona) read our documents', async ({ api, request, raw }) => {
  const shopper = await signedInShopper(api, request);
  await addAddress(api, shopper);
  const response = await raw('GET', `/customers/${shopper.reference}?include=addresses`, { headers: { Authorization: `Bearer ${shopper.accessToken}` } });
  const body = await response.json();

  const kitsu = deserialise(structuredClone(body)) as { data: { id: string; email: string; addresses: { data: { city: string }[] } } };
  expect(kitsu.data).toMatchObject({ id: shopper.reference, email: shopper.email });
  expect(kitsu.data.addresses.data[0]).toMatchObject({ city: 'Berlin' });

  const model = new Jsona().deserialize(structuredClone(body)) as { id: string; email: string; addresses: { city: string; iso2Code: string }[] };
  expect(model).toMatchObject({ id: shopper.reference, email: shopper.email });
  expect(model.addresses[0]).toMatchObject({ city: 'Berlin', iso2Code: 'DE' });

  const serialized = new Jsona().serialize({ stuff: { type: 'customers', id: shopper.reference, firstName: 'Grace' } as never });
  const patched = await raw('PATCH', `/customers/${shopper.reference}`, {
    headers: { Authorization: `Bearer ${shopper.accessToken}`, 'Content-Type': JSONAPI },
    body: JSON.stringify(serialized),
  });
  expect(patched.status).toBe(200);
  expect((await patched.json()).data.attributes.firstName).toBe('Grace');
});

test('pages carry a strict CSP with a fresh nonce; account pages are never stored; sign-out clears site data', async ({ raw, request, baseURL }) => {
  const first = await raw('GET', '/login');
  const second = await raw('GET', '/login');
  const policy = first.headers.get('content-security-policy') ?? '';
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(directive);
  expect(second.headers.get('content-security-policy')).not.toBe(policy);
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);

  const account = await raw('GET', '/account');
  expect(account.status).toBe(307);
  expect(account.headers.get('cache-control')).toContain('no-store');
  const logout = await request.post('/logout', { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(logout.headers()['clear-site-data']).toBe('"cache", "cookies", "storage"');
});

/** A request fetch() refuses to send (TRACE is a forbidden method there), through node:http. */
function nodeRequest(baseURL: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseURL), { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('what Next.js would answer with a 500 is a 4xx: TRACE, malformed percent-encoding', async ({ raw, baseURL }) => {
  const trace = await nodeRequest(baseURL!, 'TRACE', '/customers');
  expect(trace.status).toBe(405);
  expect(JSON.parse(trace.body)).toEqual({ errors: [{ status: 405, detail: 'Method not allowed.' }] });
  const malformed = await raw('GET', '/customers/%ff');
  expect(malformed.status).toBe(400);
  expect(malformed.headers.get('content-type')).toBe(JSONAPI);
  expect((await raw('GET', '/customers/DE--1/addresses/%c0%af')).status).toBe(400);
  expect((await raw('GET', '/account/%E0%A4%A')).status).toBe(400);
});
