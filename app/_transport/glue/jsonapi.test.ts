import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError, passwordsDontMatch, type DomainErrorCode } from '@/app/_domain/shared/errors';
import {
  documentResponse,
  jsonApiRoute,
  JsonApiError,
  JSONAPI_MEDIA_TYPE,
  MAX_BODY_BYTES,
  noContent,
  readAttributes,
  assertSupportedQuery,
  renderDocument,
  type Resource,
} from './jsonapi';
import { everyCode } from '@/test/support/domain-errors';
import { domainErrorToJsonApi } from './errors';

const API = 'http://localhost:3000';
// What Next.js passes to a static route's handler.
const context = { params: undefined };

afterEach(() => {
  vi.restoreAllMocks();
});

function post(body: BodyInit | null, contentType: string | null, headers: Record<string, string> = {}): Request {
  const all = new Headers(headers);
  if (contentType !== null) all.set('content-type', contentType);
  return new Request(`${API}/customers`, { method: 'POST', headers: all, body });
}

const bytes = (text: string) => new TextEncoder().encode(text);
const document = (attributes: unknown = { firstName: 'Ada' }, type = 'customers') =>
  JSON.stringify({ data: { type, attributes } });

/** Runs `readAttributes` and returns what it threw (failing the test if it did not throw). */
async function rejection(request: Request, type = 'customers'): Promise<JsonApiError> {
  try {
    await readAttributes(request, type);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonApiError);
    return error as JsonApiError;
  }
  throw new Error('readAttributes accepted the request');
}

/** A request body streamed in `chunk`-byte pieces, without a Content-Length header. */
function streamed(totalBytes: number, chunk = 4096) {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunk, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request(`${API}/customers`, {
    method: 'POST',
    headers: { 'content-type': JSONAPI_MEDIA_TYPE },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  return { request, wasCancelled: () => cancelled, bytesPulled: () => sent };
}

// ------------------------------------------------------------------------------------------ requests

describe('readAttributes', () => {
  it('answers a data.id that contradicts the URL with 409, and accepts a matching, null or absent one', async () => {
    const withId = (id: unknown) => post(JSON.stringify({ data: { type: 'customers', id, attributes: {} } }), JSONAPI_MEDIA_TYPE);
    await expect(readAttributes(withId('DE--2'), 'customers', 'DE--1')).rejects.toMatchObject({ status: 409 });
    await expect(readAttributes(withId(2), 'customers', 'DE--1')).rejects.toMatchObject({ status: 409 });
    await expect(readAttributes(withId('DE--1'), 'customers', 'DE--1')).resolves.toEqual({});
    await expect(readAttributes(withId(null), 'customers', 'DE--1')).resolves.toEqual({});
    await expect(readAttributes(post(document({}), JSONAPI_MEDIA_TYPE), 'customers', 'DE--1')).resolves.toEqual({});
  });

  it('returns the attributes of an application/vnd.api+json document, unknown ones included', async () => {
    const request = post(document({ firstName: 'Ada', isAdmin: true }), JSONAPI_MEDIA_TYPE);
    await expect(readAttributes(request, 'customers')).resolves.toEqual({ firstName: 'Ada', isAdmin: true });
  });

  it.each(['application/json', 'application/vnd.api+json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON'])(
    'accepts the content type %s',
    async (contentType) => {
      await expect(readAttributes(post(document(), contentType), 'customers')).resolves.toEqual({ firstName: 'Ada' });
    },
  );

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['application/xml']])(
    'answers 415 without a code for %s',
    async (contentType) => {
      const error = await rejection(post(document(), contentType));
      expect(error.status).toBe(415);
      expect(error.errors).toEqual([{ status: 415, detail: 'Unsupported media type.' }]);
      expect(error.errors[0]).not.toHaveProperty('code');
    },
  );

  it('answers 415 when the content type is missing', async () => {
    const request = post(bytes(document()), null);
    expect(request.headers.get('content-type')).toBeNull();
    expect((await rejection(request)).status).toBe(415);
  });

  it('checks the media type before the size (415 before 413)', async () => {
    const request = post(document(), 'text/plain', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect((await rejection(request)).status).toBe(415);
  });

  it('answers 413 when Content-Length declares more than 64 KiB, without a code', async () => {
    const request = post(document(), JSONAPI_MEDIA_TYPE, { 'content-length': String(64 * 1024 + 1) });
    const error = await rejection(request);
    expect(error.status).toBe(413);
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]!.status).toBe(413);
    expect(error.errors[0]).not.toHaveProperty('code');
  });

  it('answers 413 for a streamed body over 64 KiB without Content-Length, and stops reading it', async () => {
    const body = streamed(10 * 1024 * 1024);
    expect(body.request.headers.get('content-length')).toBeNull();
    const error = await rejection(body.request);
    expect(error.status).toBe(413);
    expect(error.errors[0]).not.toHaveProperty('code');
    expect(body.wasCancelled()).toBe(true);
    expect(body.bytesPulled()).toBeLessThan(1024 * 1024);
  });

  it('answers 413 for a streamed body of 64 KiB + 1 byte', async () => {
    expect((await rejection(streamed(MAX_BODY_BYTES + 1).request)).status).toBe(413);
  });

  it('accepts a streamed body of exactly 64 KiB', async () => {
    const json = document({ note: '' });
    const padded = json.replace('""', `"${'x'.repeat(MAX_BODY_BYTES - json.length)}"`);
    expect(bytes(padded).byteLength).toBe(MAX_BODY_BYTES);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes(padded));
        controller.close();
      },
    });
    const request = new Request(`${API}/customers`, {
      method: 'POST',
      headers: { 'content-type': JSONAPI_MEDIA_TYPE },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const attributes = await readAttributes(request, 'customers');
    expect((attributes.note as string).length).toBe(MAX_BODY_BYTES - json.length);
  });

  it('reads a multi-byte UTF-8 body correctly', async () => {
    const request = post(bytes(document({ firstName: 'Zoë 😀' })), JSONAPI_MEDIA_TYPE);
    await expect(readAttributes(request, 'customers')).resolves.toEqual({ firstName: 'Zoë 😀' });
  });

  it.each([
    ['malformed JSON', '{"data": {'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"customers"'],
    ['JSON null', 'null'],
    ['a document without data', '{"meta": {}}'],
    ['data that is a string', '{"data": "customers"}'],
    ['data that is an array', '{"data": [{"type": "customers", "attributes": {}}]}'],
    ['data that is null', '{"data": null}'],
    ['attributes that are missing', '{"data": {"type": "customers"}}'],
    ['attributes that are an array', '{"data": {"type": "customers", "attributes": []}}'],
    ['attributes that are null', '{"data": {"type": "customers", "attributes": null}}'],
    ['attributes that are a string', '{"data": {"type": "customers", "attributes": "x"}}'],
  ])('answers 400 "Post data is invalid." without a code for %s', async (_, body) => {
    const error = await rejection(post(body, JSONAPI_MEDIA_TYPE));
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
    expect(error.errors[0]).not.toHaveProperty('code');
  });

  it('answers 400 "Post data is invalid." for a POST without any body', async () => {
    const error = await rejection(post(null, JSONAPI_MEDIA_TYPE));
    expect(error.errors).toEqual([{ status: 400, detail: 'Post data is invalid.' }]);
  });

  it.each([
    ['another resource type', document({}, 'addresses')],
    ['a missing type', '{"data": {"attributes": {}}}'],
    ['a type in another case', document({}, 'Customers')],
  ])('answers 400 "Invalid type." without a code for %s', async (_, body) => {
    const error = await rejection(post(body, JSONAPI_MEDIA_TYPE));
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ status: 400, detail: 'Invalid type.' }]);
    expect(error.errors[0]).not.toHaveProperty('code');
  });
});

// ----------------------------------------------------------------------------------------- responses

const address = (id: string, city: string): Resource => ({
  type: 'addresses',
  id,
  attributes: { city, zipCode: '10115', company: null },
  links: { self: `https://shop.example.test/customers/DE--1/addresses/${id}` },
});

const customer = (reference: string, addresses: Resource[] = []): Resource => ({
  type: 'customers',
  id: reference,
  attributes: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', gender: null, dateOfBirth: null },
  links: { self: `https://shop.example.test/customers/${reference}` },
  relationships: { addresses },
});

const get = (pathAndQuery: string, origin = API) => new Request(`${origin}${pathAndQuery}`);

describe('assertSupportedQuery', () => {
  const rejected = (url: string, includable: string[] = []) => {
    try {
      assertSupportedQuery(get(url), includable);
    } catch (error) {
      return error as JsonApiError;
    }
    return null;
  };

  it.each(['/customers', '/customers?include=addresses', '/customers?fields[customers]=email', '/customers?myParam=1', '/customers?filter-x=1', '/customers?include='])(
    'accepts %s',
    (url) => {
      expect(rejected(url, ['addresses'])).toBeNull();
    },
  );

  it.each(['/customers?sort=firstName', '/customers?foo=1', '/customers?page[size]=2', '/customers?fields=email', '/customers?filter[x]=1'])(
    'answers the reserved parameter of %s with 400 naming it',
    (url) => {
      const error = rejected(url, ['addresses']);
      expect(error?.status).toBe(400);
      expect(error?.errors[0]!.source).toHaveProperty('parameter');
    },
  );

  it('answers an include the route does not offer with 400', () => {
    expect(rejected('/customers?include=orders', ['addresses'])?.errors).toEqual([
      { status: 400, detail: 'Unsupported include: orders.', source: { parameter: 'include' } },
    ]);
    expect(rejected('/access-tokens?include=addresses')?.status).toBe(400);
  });
});

describe('renderDocument', () => {
  it('leaves out a relationship that sparse fieldsets do not ask for, still including its resources', () => {
    const rendered = renderDocument(
      get('/customers/DE--1?include=addresses&fields[customers]=email'),
      customer('DE--1', [address('a1', 'Berlin')]),
    );
    expect(rendered.data).toEqual({ type: 'customers', id: 'DE--1', attributes: { email: 'ada@example.com' }, links: expect.anything() });
    expect(rendered.included).toHaveLength(1);
    const asked = renderDocument(get('/customers/DE--1?include=addresses&fields[customers]=email,addresses'), customer('DE--1', [address('a1', 'Berlin')]));
    expect((asked.data as Record<string, unknown>).relationships).toEqual({ addresses: { data: [{ type: 'addresses', id: 'a1' }] } });
  });

  it('renders one resource with every attribute (nulls included) and an absolute self link from APP_URL', () => {
    const rendered = renderDocument(get('/customers/DE--1'), customer('DE--1'));
    expect(rendered).toEqual({
      data: {
        type: 'customers',
        id: 'DE--1',
        attributes: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', gender: null, dateOfBirth: null },
        links: { self: 'https://shop.example.test/customers/DE--1' },
      },
      links: { self: 'https://shop.example.test/customers/DE--1' },
    });
  });

  it('builds links.self from APP_URL even when the request came to another host, keeping the query', () => {
    const rendered = renderDocument(get('/customers/DE--1?include=addresses', 'http://evil.example:8080'), customer('DE--1'));
    expect(rendered.links).toEqual({ self: 'https://shop.example.test/customers/DE--1?include=addresses' });
  });

  it('renders neither relationships nor included when ?include= does not ask for them', () => {
    const rendered = renderDocument(get('/customers/DE--1'), customer('DE--1', [address('a1', 'Berlin')]));
    expect(rendered.data).not.toHaveProperty('relationships');
    expect(rendered).not.toHaveProperty('included');
  });

  it('renders relationships and included resources for ?include=addresses', () => {
    const rendered = renderDocument(
      get('/customers/DE--1?include=addresses'),
      customer('DE--1', [address('a1', 'Berlin'), address('a2', 'Hamburg')]),
    );
    expect((rendered.data as Record<string, unknown>).relationships).toEqual({
      addresses: {
        data: [
          { type: 'addresses', id: 'a1' },
          { type: 'addresses', id: 'a2' },
        ],
      },
    });
    expect(rendered.included).toEqual([
      {
        type: 'addresses',
        id: 'a1',
        attributes: { city: 'Berlin', zipCode: '10115', company: null },
        links: { self: 'https://shop.example.test/customers/DE--1/addresses/a1' },
      },
      {
        type: 'addresses',
        id: 'a2',
        attributes: { city: 'Hamburg', zipCode: '10115', company: null },
        links: { self: 'https://shop.example.test/customers/DE--1/addresses/a2' },
      },
    ]);
  });

  it('ignores include names the resource has no relationship for', () => {
    const rendered = renderDocument(get('/customers/DE--1?include=orders'), customer('DE--1', [address('a1', 'Berlin')]));
    expect(rendered.data).not.toHaveProperty('relationships');
    expect(rendered).not.toHaveProperty('included');
  });

  it('renders an empty relationship as data: [] without included', () => {
    const rendered = renderDocument(get('/customers/DE--1?include=addresses'), customer('DE--1', []));
    expect((rendered.data as Record<string, unknown>).relationships).toEqual({ addresses: { data: [] } });
    expect(rendered).not.toHaveProperty('included');
  });

  it('includes a resource shared by several primary resources only once', () => {
    const shared = address('a1', 'Berlin');
    const rendered = renderDocument(get('/customers?include=addresses'), [
      customer('DE--1', [shared]),
      customer('DE--2', [shared, address('a2', 'Hamburg')]),
    ]);
    expect((rendered.included as Resource[]).map((r) => `${r.type}:${r.id}`)).toEqual(['addresses:a1', 'addresses:a2']);
    const data = rendered.data as Array<{ relationships: { addresses: { data: unknown[] } } }>;
    expect(data[0]!.relationships.addresses.data).toEqual([{ type: 'addresses', id: 'a1' }]);
    expect(data[1]!.relationships.addresses.data).toEqual([
      { type: 'addresses', id: 'a1' },
      { type: 'addresses', id: 'a2' },
    ]);
  });

  it('renders a collection as a data array', () => {
    const rendered = renderDocument(get('/customers'), [customer('DE--1'), customer('DE--2')]);
    expect(Array.isArray(rendered.data)).toBe(true);
    expect((rendered.data as Resource[]).map((r) => r.id)).toEqual(['DE--1', 'DE--2']);
    expect(rendered.links).toEqual({ self: 'https://shop.example.test/customers' });
  });

  it('renders an empty collection as data: []', () => {
    expect(renderDocument(get('/customers/DE--1/addresses'), [])).toEqual({
      data: [],
      links: { self: 'https://shop.example.test/customers/DE--1/addresses' },
    });
  });

  it('honours sparse fieldsets: ?fields[customers]=firstName,email', () => {
    const rendered = renderDocument(get('/customers/DE--1?fields[customers]=firstName,email'), customer('DE--1'));
    expect((rendered.data as Resource).attributes).toEqual({ firstName: 'Ada', email: 'ada@example.com' });
  });

  it('accepts a URL-encoded fields parameter', () => {
    const rendered = renderDocument(get('/customers/DE--1?fields%5Bcustomers%5D=lastName'), customer('DE--1'));
    expect((rendered.data as Resource).attributes).toEqual({ lastName: 'Lovelace' });
  });

  it('applies sparse fieldsets to included resources of another type, and only to the named type', () => {
    const rendered = renderDocument(
      get('/customers/DE--1?include=addresses&fields[addresses]=city'),
      customer('DE--1', [address('a1', 'Berlin')]),
    );
    expect((rendered.data as Resource).attributes).toEqual(customer('DE--1').attributes);
    expect((rendered.included as Resource[])[0]!.attributes).toEqual({ city: 'Berlin' });
  });

  it('applies sparse fieldsets for both types at once', () => {
    const rendered = renderDocument(
      get('/customers/DE--1?include=addresses&fields[customers]=firstName,email&fields[addresses]=zipCode'),
      customer('DE--1', [address('a1', 'Berlin')]),
    );
    expect((rendered.data as Resource).attributes).toEqual({ firstName: 'Ada', email: 'ada@example.com' });
    expect((rendered.included as Resource[])[0]!.attributes).toEqual({ zipCode: '10115' });
  });

  it('keeps a requested attribute whose value is null', () => {
    const rendered = renderDocument(get('/customers/DE--1?fields[customers]=gender'), customer('DE--1'));
    expect((rendered.data as Resource).attributes).toEqual({ gender: null });
  });
});

describe('documentResponse', () => {
  it('answers 200 with Content-Type application/vnd.api+json and the rendered document', async () => {
    const request = get('/customers/DE--1?include=addresses');
    const primary = customer('DE--1', [address('a1', 'Berlin')]);
    const response = documentResponse(request, primary);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(await response.json()).toEqual(renderDocument(request, primary));
  });

  it('takes a status and extra headers', async () => {
    const response = documentResponse(get('/customers'), customer('DE--1'), {
      status: 201,
      headers: { Location: 'https://shop.example.test/customers/DE--1' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('https://shop.example.test/customers/DE--1');
    expect(response.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
    expect(((await response.json()) as { data: Resource }).data.id).toBe('DE--1');
  });
});

describe('noContent', () => {
  it('answers 204 with an empty body', async () => {
    const response = noContent();
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });
});

// -------------------------------------------------------------------------------------- route wrapper

type ErrorDocument = { errors: Array<Record<string, unknown>> };

describe('jsonApiRoute', () => {
  const ok = async () => new Response('ok', { status: 299 });

  it('passes a handler response through unchanged, with the request and the normalised params', async () => {
    const handler = vi.fn(async () => new Response('created', { status: 201 }));
    const route = jsonApiRoute({ POST: handler });
    const request = post(document(), JSONAPI_MEDIA_TYPE);
    const response = await route.POST(request, context);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('created');
    expect(handler).toHaveBeenCalledWith(request, {});
  });

  it('runs a static route with what Next.js passes there: params undefined, or no context at all', async () => {
    const handler = vi.fn(async (_request: Request, params: Record<never, string>) => Response.json(params));
    const route = jsonApiRoute({ PATCH: handler });
    const request = () => new Request(`${API}/customer-password`, { method: 'PATCH' });
    expect(await (await route.PATCH(request(), { params: undefined })).json()).toEqual({});
    expect(await (await route.PATCH(request())).json()).toEqual({});
  });

  it('hands a dynamic route every named param as a string, also when Next.js leaves one out', async () => {
    const route = jsonApiRoute<{ customerReference: string; addressId: string }>(
      { GET: async (_request, params) => Response.json(params) },
      { params: ['customerReference', 'addressId'] },
    );
    const response = await route.GET(get('/customers/DE--1/addresses/x'), { params: Promise.resolve({ customerReference: 'DE--1' }) });
    expect(await response.json()).toEqual({ customerReference: 'DE--1', addressId: '' });
    const joined = await route.GET(get('/x'), { params: Promise.resolve({ customerReference: ['a', 'b'], addressId: 'x' }) });
    expect(await joined.json()).toEqual({ customerReference: 'a/b', addressId: 'x' });
  });

  it('answers HEAD like GET without a body, and OPTIONS with 204 and the route\'s Allow', async () => {
    const route = jsonApiRoute({ GET: async () => documentResponse(get('/customers'), []), DELETE: ok });
    const head = await route.HEAD(get('/customers'), context);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
    expect(await head.text()).toBe('');
    const options = await route.OPTIONS(new Request(`${API}/customers`, { method: 'OPTIONS' }), context);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, DELETE, OPTIONS');
  });

  it('answers HEAD with 405 where GET is not offered', async () => {
    const route = jsonApiRoute({ POST: ok });
    const head = await route.HEAD(get('/access-tokens'), context);
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it.each(['PUT', 'PATCH', 'DELETE'] as const)(
    'answers %s with a JSON:API 405 whose Allow lists exactly the given methods',
    async (method) => {
      const route = jsonApiRoute({ GET: ok, POST: ok });
      const response = await route[method](new Request(`${API}/customers`, { method }), context);
      expect(response.status).toBe(405);
      expect(response.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
      expect((response.headers.get('allow') ?? '').split(',').map((m) => m.trim()).sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
      expect(await response.json()).toEqual({ errors: [{ status: 405, detail: 'Method not allowed.' }] });
    },
  );

  it('lists a single method (and OPTIONS) in Allow', async () => {
    const route = jsonApiRoute({ DELETE: ok });
    const response = await route.GET(get('/customers'), context);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE, OPTIONS');
  });

  it('turns a thrown JsonApiError into its error document with its status and headers', async () => {
    const route = jsonApiRoute({
      GET: async () => {
        throw JsonApiError.of(401, 'Invalid access token.', '001', { 'WWW-Authenticate': 'Bearer realm="Access to shop API"' });
      },
    });
    const response = await route.GET(get('/customers'), context);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await response.json()).toEqual({ errors: [{ status: 401, code: '001', detail: 'Invalid access token.' }] });
  });

  it('turns a request-format error from readAttributes into a JSON:API response', async () => {
    const route = jsonApiRoute({
      POST: async (request) => {
        await readAttributes(request, 'customers');
        return noContent();
      },
    });
    const response = await route.POST(post(document(), 'text/plain'), context);
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
    expect(await response.json()).toEqual({ errors: [{ status: 415, detail: 'Unsupported media type.' }] });
  });

  it('turns a thrown DomainError into its Glue error', async () => {
    const route = jsonApiRoute({
      POST: async () => {
        throw new DomainError('emailTaken');
      },
    });
    const response = await route.POST(post(document(), JSONAPI_MEDIA_TYPE), context);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      errors: [
        {
          status: 422,
          code: '400',
          detail: 'Customer with the same email address already exists.',
          source: { pointer: '/data/attributes/email' },
        },
      ],
    });
  });

  it('answers a rate-limited DomainError with 429 and Retry-After', async () => {
    const route = jsonApiRoute({
      POST: async () => {
        throw new DomainError('rateLimited', { retryAfterSeconds: 42 });
      },
    });
    const response = await route.POST(post(document(), JSONAPI_MEDIA_TYPE), context);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(((await response.json()) as ErrorDocument).errors[0]!.code).toBe('4401');
  });

  it.each([
    ['an Error', new Error('connection to postgres://admin:s3cret@db failed')],
    ['a TypeError', new TypeError('Cannot read properties of undefined (reading s3cret)')],
    ['a thrown string', 's3cret string'],
  ])('turns %s into a 500 JSON:API error without leaking its message', async (_, thrown) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = jsonApiRoute({
      GET: async () => {
        throw thrown;
      },
    });
    const response = await route.GET(get('/customers'), context);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe(JSONAPI_MEDIA_TYPE);
    const text = await response.text();
    expect(text).not.toContain('s3cret');
    expect(JSON.parse(text)).toEqual({ errors: [{ status: 500, detail: 'Internal server error.' }] });
    expect(log).toHaveBeenCalled();
  });
});

// ------------------------------------------------------------------------------------ domain errors



describe('domainErrorToJsonApi', () => {
  it('maps validation to 422 with one 901 per field, Glue detail "<field> => <message>" and a source pointer', () => {
    const error = domainErrorToJsonApi(
      new DomainError('validation', {
        fields: [
          { field: 'email', code: 'email' },
          { field: 'password', code: 'tooShort', params: { min: 8 } },
        ],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.headers).toEqual({});
    expect(error.errors).toEqual([
      {
        status: 422,
        code: '901',
        detail: 'email => This value is not a valid email address.',
        source: { pointer: '/data/attributes/email' },
      },
      {
        status: 422,
        code: '901',
        detail: 'password => This value is too short. It should have 8 characters or more.',
        source: { pointer: '/data/attributes/password' },
      },
    ]);
  });

  it('points a nested field at its JSON path', () => {
    const error = domainErrorToJsonApi(
      new DomainError('validation', { fields: [{ field: 'address.zipCode', code: 'blank' }] }),
    );
    expect(error.errors[0]!.source).toEqual({ pointer: '/data/attributes/address/zipCode' });
    expect(error.errors[0]!.detail).toBe('address.zipCode => This value should not be blank.');
  });

  it("renames domain fields to the endpoint's attributes with the codec's names", () => {
    const wire = (field: string) => ({ street: 'address1', countryCode: 'iso2Code', key: 'restorePasswordKey' })[field] ?? field;
    const validation = domainErrorToJsonApi(
      new DomainError('validation', { fields: [{ field: 'street', code: 'blank' }, { field: 'zipCode', code: 'postcode', params: { country: 'DE' } }] }),
      wire,
    );
    expect(validation.errors).toEqual([
      { status: 422, code: '901', detail: 'address1 => This value should not be blank.', source: { pointer: '/data/attributes/address1' } },
      { status: 422, code: '901', detail: 'zipCode => This postal code is not valid for Germany.', source: { pointer: '/data/attributes/zipCode' } },
    ]);
    expect(domainErrorToJsonApi(new DomainError('resetKeyInvalid'), wire).errors[0]!.source).toEqual({ pointer: '/data/attributes/restorePasswordKey' });
  });

  const cases: Record<Exclude<DomainErrorCode, 'validation'>, { status: number; code: string; detail: string; field?: string }> = {
    termsNotAccepted: { status: 400, code: '413', detail: 'Terms and Conditions was not accepted.', field: 'acceptedTerms' },
    passwordsDontMatch: {
      status: 422,
      code: '406',
      detail: 'Value in field password should be identical to value in the confirmPassword field.',
      field: 'confirmPassword',
    },
    invalidGender: { status: 422, code: '414', detail: 'Gender is not valid.', field: 'gender' },
    emailTaken: { status: 422, code: '400', detail: 'Customer with the same email address already exists.', field: 'email' },
    confirmationKeyInvalid: {
      status: 422,
      code: '423',
      detail: 'This email confirmation code is invalid or has been already used.',
      field: 'key',
    },
    rateLimited: { status: 429, code: '4401', detail: 'Too many attempts. Try again later.' },
    invalidCredentials: { status: 401, code: '003', detail: 'Failed to authenticate user.' },
    unconfirmed: { status: 401, code: '003', detail: 'Failed to authenticate user.' },
    invalidRefreshToken: { status: 401, code: '004', detail: 'Failed to refresh token.' },
    customerNotFound: { status: 404, code: '402', detail: 'Customer not found.' },
    forbidden: { status: 403, code: '411', detail: 'Unauthorized request.' },
    invalidPassword: { status: 400, code: '408', detail: 'Invalid password.', field: 'password' },
    resetKeyInvalid: { status: 422, code: '415', detail: 'Restore password key is not valid.', field: 'key' },
    addressNotFound: { status: 404, code: '404', detail: 'Address was not found.' },
    addressLimitReached: { status: 422, code: '1001', detail: 'The address book is full. Delete an address to add another.' },
    referenceKeyTaken: { status: 422, code: '901', detail: 'This reference key is already in use.' },
    unsupportedHash: { status: 422, code: '901', detail: 'This password hash is not supported.' },
    productNotFound: { status: 404, code: '4601', detail: 'Product not found.', field: 'sku' },
    subscriptionExists: { status: 422, code: '4602', detail: 'Subscription already exists.' },
    subscriptionNotFound: { status: 404, code: '4603', detail: "Subscription doesn't exist." },
    subscriptionForbidden: { status: 403, code: '4606', detail: 'Unauthorized request.' },
    subscriptionLimitReached: { status: 422, code: '1002', detail: 'This email address follows too many products. Unsubscribe from one first.' },
  };

  it('has an expectation for every domain error code', () => {
    expect(Object.keys({ validation: null, ...cases }).sort()).toEqual(Object.keys(everyCode).sort());
  });

  it.each(Object.entries(cases))('maps %s to its Glue status, code and detail', (code, expected) => {
    const error = domainErrorToJsonApi(new DomainError(code as DomainErrorCode));
    expect(error).toBeInstanceOf(JsonApiError);
    expect(error.status).toBe(expected.status);
    expect(error.errors).toEqual([
      {
        status: expected.status,
        code: expected.code,
        detail: expected.detail,
        ...(expected.field ? { source: { pointer: `/data/attributes/${expected.field}` } } : {}),
      },
    ]);
    if (expected.status === 401) expect(error.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="Access to shop API"' });
    else if (code !== 'rateLimited') expect(error.headers).toEqual({});
  });

  it('names the actual password fields in a 406 (e.g. newPassword on a password change)', () => {
    const error = domainErrorToJsonApi(
      passwordsDontMatch('newPassword'),
    );
    expect(error.errors[0]).toMatchObject({
      status: 422,
      code: '406',
      detail: 'Value in field newPassword should be identical to value in the confirmPassword field.',
      source: { pointer: '/data/attributes/confirmPassword' },
    });
  });

  it('sends Retry-After with a rate limit', () => {
    const error = domainErrorToJsonApi(new DomainError('rateLimited', { retryAfterSeconds: 900 }));
    expect(error.status).toBe(429);
    expect(error.headers).toEqual({ 'Retry-After': '900' });
    expect(error.errors[0]).not.toHaveProperty('source');
  });
});

