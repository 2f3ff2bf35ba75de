import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { randomUUID } from 'node:crypto';
import type { paths } from '../support/storefront-api';

/**
 * The HTTP suite's support: a typed client generated from the storefront OpenAPI document
 * (openapi-typescript + openapi-fetch) against the built app (`next start` through server.mjs),
 * and a contract check that validates every response against the document the app serves.
 */

export const JSONAPI = 'application/vnd.api+json';

type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

/** The served document, compiled once per worker. */
export class Contract {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
    this.ajv.addSchema(document as object, 'openapi.json');
  }

  /** The operation's documented response for `status`, or a failure when there is none. */
  private validator(method: string, path: string, status: number, mediaType: string): ValidateFunction {
    const key = `${method} ${path} ${status} ${mediaType}`;
    let validate = this.validators.get(key);
    if (!validate) {
      const operation = this.document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path} is not in the OpenAPI document`).toBeDefined();
      const response = operation!.responses[String(status)];
      expect(response, `${method} ${path} answered ${status}, which the document does not list`).toBeDefined();
      expect(Object.keys(response!.content ?? {}), `${method} ${path} ${status}: media type`).toContain(mediaType);
      const pointer = ['paths', path, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema']
        .map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
        .join('/');
      validate = this.ajv.getSchema(`openapi.json#/${pointer}`)!;
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** The documented path template `url` falls under, when the document has `method` there. */
  operationFor(method: string, url: string): string | undefined {
    const pathname = new URL(url, 'http://x').pathname;
    return Object.keys(this.document.paths).find(
      (template) =>
        new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname) && this.document.paths[template]![method.toLowerCase()] !== undefined,
    );
  }

  /** Checks `response` (its status, media type and body) against operation `method path`. */
  async check(method: string, path: string, response: Response): Promise<void> {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is not in the OpenAPI document`).toBeDefined();
    if (method === 'HEAD') {
      expect(operation!.responses[String(response.status)], `HEAD ${path} answered ${response.status}, which the document does not list`).toBeDefined();
      expect(await response.clone().text()).toBe('');
      return;
    }
    if (response.status === 204) {
      expect(operation!.responses['204'], `${method} ${path}: 204 is not documented`).toBeDefined();
      expect(await response.clone().text()).toBe('');
      return;
    }
    const mediaType = response.headers.get('content-type') ?? '';
    const validate = this.validator(method, path, response.status, mediaType);
    const body: unknown = await response.clone().json();
    const valid = validate(body);
    expect(valid, `${method} ${path} ${response.status} does not match the document: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`).toBe(true);
  }
}

type Fixtures = { api: Client<paths, typeof JSONAPI>; contract: Contract; raw: RawClient };
type WorkerFixtures = { document: OpenApiDocument };

/**
 * A plain `fetch` against the app. Its answer is checked against the document too: against
 * `operation` when given, else against the documented operation the URL falls under, if any
 * (a method the path does not offer, an unknown path and the non-API routes have none).
 */
export type RawClient = (
  method: string,
  url: string,
  init?: { headers?: Record<string, string>; body?: string; operation?: string },
) => Promise<Response>;

export const test = base.extend<Fixtures, WorkerFixtures>({
  document: [
    async ({}, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const response = await fetch(`${baseURL}/openapi.json`);
      expect(response.status).toBe(200);
      await use((await response.json()) as OpenApiDocument);
    },
    { scope: 'worker' },
  ],
  contract: async ({ document }, use) => {
    await use(new Contract(document));
  },
  api: async ({ baseURL, contract }, use) => {
    const client = createClient<paths, typeof JSONAPI>({ baseUrl: baseURL!, headers: { 'Content-Type': JSONAPI } });
    const validate: Middleware = {
      async onResponse({ request, response, schemaPath }) {
        await contract.check(request.method, schemaPath, response);
        return response;
      },
    };
    client.use(validate);
    await use(client);
  },
  raw: async ({ baseURL, contract }, use) => {
    await use(async (method, url, init = {}) => {
      const response = await fetch(`${baseURL}${url}`, { method, headers: init.headers, body: init.body, redirect: 'manual' });
      const operation = init.operation ?? contract.operationFor(method, url);
      if (operation) await contract.check(method, operation, response);
      return response;
    });
  },
});

export { expect };

export function uniqueEmail(prefix = 'http'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = 'correct-horse-battery';

type Mail = { kind: string; to: string; text: string };

/** Waits until the development mailbox holds at least `count` messages to `to`; newest first. */
export async function mailTo(request: APIRequestContext, to: string, count = 1): Promise<Mail[]> {
  let messages: Mail[] = [];
  await expect
    .poll(async () => {
      const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
      expect(response.status()).toBe(200);
      messages = ((await response.json()) as { messages: Mail[] }).messages;
      return messages.length;
    })
    .toBeGreaterThanOrEqual(count);
  return messages;
}

/** The `key` query parameter of the newest email of `kind` to `to`. */
export async function keyFrom(request: APIRequestContext, to: string, kind: string, count = 1): Promise<string> {
  const messages = (await mailTo(request, to, count)).filter((m) => m.kind === kind);
  const link = messages[0]?.text.match(/https?:\/\/\S+\?key=([^\s]+)/);
  expect(link, `no ${kind} link to ${to}`).toBeTruthy();
  return decodeURIComponent(link![1]!);
}

export type Shopper = { email: string; password: string; reference: string; accessToken: string; refreshToken: string };

/** Registers, confirms (with the emailed key) and signs in a new shopper, all through the typed client. */
export async function signedInShopper(api: Client<paths, typeof JSONAPI>, request: APIRequestContext): Promise<Shopper> {
  const email = uniqueEmail();
  const created = await api.POST('/customers', {
    body: {
      data: {
        type: 'customers',
        attributes: { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', email, password: PASSWORD, confirmPassword: PASSWORD, acceptedTerms: true },
      },
    },
  });
  expect(created.response.status).toBe(201);
  const registrationKey = await keyFrom(request, email, 'confirm-registration');
  const confirmed = await api.POST('/customer-confirmation', {
    body: { data: { type: 'customer-confirmation', attributes: { registrationKey } } },
  });
  expect(confirmed.response.status).toBe(204);
  const tokens = await api.POST('/access-tokens', {
    body: { data: { type: 'access-tokens', attributes: { username: email, password: PASSWORD } } },
  });
  expect(tokens.response.status).toBe(201);
  const attributes = tokens.data!.data.attributes;
  return { email, password: PASSWORD, reference: created.data!.data.id, accessToken: attributes.accessToken!, refreshToken: attributes.refreshToken! };
}

export function bearer(token: string): { headers: Record<string, string> } {
  return { headers: { Authorization: `Bearer ${token}` } };
}

/** A valid storefront address in Berlin (Glue's attribute names). */
export const BERLIN = {
  salutation: 'Ms',
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: 'Unter den Linden',
  address2: '77',
  zipCode: '10117',
  city: 'Berlin',
  iso2Code: 'DE',
} as const;

/** Adds BERLIN (with `overrides`) to the shopper's address book; fails unless it answers 201. */
export async function addAddress(api: Client<paths, typeof JSONAPI>, shopper: Shopper, overrides: Record<string, unknown> = {}) {
  const created = await api.POST('/customers/{customerReference}/addresses', {
    params: { path: { customerReference: shopper.reference } },
    body: { data: { type: 'addresses', attributes: { ...BERLIN, ...overrides } } },
    ...bearer(shopper.accessToken),
  });
  expect(created.response.status).toBe(201);
  return created;
}
