import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { RequestCodec } from './codec';
import { ADDRESS_EXAMPLE, addressAttributesSchema, addressCodec, addressPatchCodec } from './codecs/addresses';
import { AVAILABILITY_NOTIFICATION_EXAMPLE, availabilityNotificationAttributesSchema, availabilityNotificationCodec } from './codecs/availability';
import { confirmationCodec, CUSTOMER_EXAMPLE, customerAttributesSchema, customerExportSchema, customerUpdateCodec, registrationCodec } from './codecs/customers';
import { forgottenPasswordCodec, passwordChangeCodec, restorePasswordCodec } from './codecs/passwords';
import { accessTokenCodec, refreshTokenCodec, tokenAttributesSchema } from './codecs/tokens';
import { JSONAPI_MEDIA_TYPE } from './jsonapi';

/**
 * The storefront API's OpenAPI 3.1 document, generated from the same codecs and entity schemas
 * that validate requests and shape responses (no field is written twice). Each operation lists
 * every status and Glue code it can answer: its own domain errors from the table below, plus the
 * ones every endpoint of its kind shares (request format, token, query). Served at /openapi.json;
 * a committed copy (`docs/storefront-openapi.json`) is checked against it by a test.
 */

type Auth = 'none' | 'optional' | 'bearer';
type Success =
  | { status: 204 }
  | { status: 200 | 201; type: string; attributes: z.ZodObject; collection?: boolean; includesAddresses?: boolean; location?: string };

type Operation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  tag: 'Customers' | 'Access tokens' | 'Passwords' | 'Addresses' | 'Availability notifications';
  summary: string;
  description?: string;
  auth: Auth;
  body?: { codec: RequestCodec; example: Record<string, unknown>; idInUrl?: string };
  /** Absent for the paths Glue always refuses (a reference or id missing). */
  success?: Success;
  /** Status → the Glue codes this operation's rules answer with. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 422 | 429, string[]>>;
};

const reference = z.string().meta({ description: 'The customer reference, `<STORE>--<number>`', examples: ['DE--25'] });
const addressId = z.string().meta({ description: 'The address UUID', format: 'uuid', examples: ['3f0c6f6e-6d3b-4b8e-9a59-4c1d6f8b2a10'] });
const pathParams: Record<string, z.ZodType> = {
  customerReference: reference,
  addressId,
  refreshToken: z.string().meta({ description: 'A refresh token, or `mine` for all of the caller’s refresh tokens' }),
  id: z.string().meta({ description: 'Ignored (Glue clients send `mine` or `1`)' }),
  subscriptionKey: z.string().meta({ description: 'The subscription key: the resource id, and the secret of the unsubscribe link', examples: ['d634981b8d1930f7db6e2780b7d5600a'] }),
};

// The contract's examples (Spryker's docs), shared with the response examples of the codecs.
const REGISTRATION_EXAMPLE = { ...CUSTOMER_EXAMPLE, password: 'change123', confirmPassword: 'change123', acceptedTerms: true };

// Shared handlers mounted at two paths (Glue clients use both) are documented once each.
const passwordChange = {
  tag: 'Passwords',
  auth: 'bearer',
  body: { codec: passwordChangeCodec, example: { password: 'change123', newPassword: 'change1234', confirmPassword: 'change1234' } },
  success: { status: 204 },
  errors: { 400: ['408'], 403: ['411'], 422: ['901', '406'], 429: ['4401'] },
} satisfies Partial<Operation>;
const passwordRestore = {
  tag: 'Passwords',
  auth: 'optional',
  body: { codec: restorePasswordCodec, example: { restorePasswordKey: 'the-key-from-the-link', password: 'change1234', confirmPassword: 'change1234' } },
  success: { status: 204 },
  errors: { 422: ['901', '406', '415'] },
} satisfies Partial<Operation>;

const operations: Operation[] = [
  {
    method: 'post',
    path: '/customers',
    operationId: 'createCustomer',
    tag: 'Customers',
    summary: 'Register a customer',
    description: 'The new customer is unconfirmed and receives an email with a confirmation link (`registrationKey`).',
    auth: 'optional',
    body: { codec: registrationCodec, example: REGISTRATION_EXAMPLE },
    success: { status: 201, type: 'customers', attributes: customerAttributesSchema },
    errors: { 400: ['413'], 422: ['901', '406', '414', '400'], 429: ['4401'] },
  },
  {
    method: 'get',
    path: '/customers',
    operationId: 'getCustomers',
    tag: 'Customers',
    summary: 'The signed-in customer, as a collection of one',
    auth: 'bearer',
    success: { status: 200, type: 'customers', attributes: customerAttributesSchema, collection: true, includesAddresses: true },
    errors: { 404: ['402'] },
  },
  {
    method: 'patch',
    path: '/customers',
    operationId: 'updateCustomerWithoutReference',
    tag: 'Customers',
    summary: 'Always 400/405: the reference is missing',
    auth: 'none',
    errors: { 400: ['405'] },
  },
  {
    method: 'delete',
    path: '/customers',
    operationId: 'deleteCustomerWithoutReference',
    tag: 'Customers',
    summary: 'Always 400/405: the reference is missing',
    auth: 'none',
    errors: { 400: ['405'] },
  },
  {
    method: 'get',
    path: '/customers/{customerReference}',
    operationId: 'getCustomer',
    tag: 'Customers',
    summary: 'Read the signed-in customer',
    description: 'Another customer’s reference is answered like one that does not exist.',
    auth: 'bearer',
    success: { status: 200, type: 'customers', attributes: customerAttributesSchema, includesAddresses: true },
    errors: { 404: ['402'] },
  },
  {
    method: 'patch',
    path: '/customers/{customerReference}',
    operationId: 'updateCustomer',
    tag: 'Customers',
    summary: 'Change the profile',
    description:
      'Absent attributes stay as they are. A new `email` needs the current `password` (deliberate deviation from Glue; a wrong one counts toward the sign-in lock) and is confirmed by a link sent to it first; until then the old one stays (a deliberate deviation from Glue).',
    auth: 'bearer',
    body: { codec: customerUpdateCodec, example: { firstName: 'Maxi', gender: 'Diverse' }, idInUrl: 'customerReference' },
    success: { status: 200, type: 'customers', attributes: customerAttributesSchema },
    errors: { 400: ['408'], 403: ['411'], 422: ['901', '414', '400'], 429: ['4401'] },
  },
  {
    method: 'delete',
    path: '/customers/{customerReference}',
    operationId: 'deleteCustomer',
    tag: 'Customers',
    summary: 'Delete (anonymize) the account',
    auth: 'bearer',
    success: { status: 204 },
    errors: { 403: ['411'] },
  },
  {
    method: 'get',
    path: '/customers/{customerReference}/export',
    operationId: 'exportCustomer',
    tag: 'Customers',
    summary: 'Everything the shop holds about the customer (GDPR Art. 15/20)',
    description:
      'Profile, address book, subscriptions, logins and recent sign-ins, and the log of emails sent (without their bodies). Never a password hash, key or token. Our addition; Glue has no such endpoint.',
    auth: 'bearer',
    success: { status: 200, type: 'customer-exports', attributes: customerExportSchema },
    errors: { 403: ['411'] },
  },
  {
    method: 'post',
    path: '/customer-confirmation',
    operationId: 'confirmCustomer',
    tag: 'Customers',
    summary: 'Confirm the email with the key from the confirmation link',
    auth: 'optional',
    body: { codec: confirmationCodec, example: { registrationKey: 'the-key-from-the-link' } },
    success: { status: 204 },
    errors: { 422: ['901', '423'] },
  },
  {
    method: 'post',
    path: '/access-tokens',
    operationId: 'createAccessToken',
    tag: 'Access tokens',
    summary: 'Sign in (password grant)',
    auth: 'optional',
    body: { codec: accessTokenCodec, example: { username: 'max@mustermann.de', password: 'change123' } },
    success: { status: 201, type: 'access-tokens', attributes: tokenAttributesSchema, location: '/access-tokens' },
    errors: { 401: ['003'], 422: ['901'], 429: ['4401'] },
  },
  {
    method: 'post',
    path: '/refresh-tokens',
    operationId: 'refreshAccessToken',
    tag: 'Access tokens',
    summary: 'Exchange a refresh token for a new pair',
    description: 'Presenting a refresh token twice revokes its whole family.',
    auth: 'optional',
    body: { codec: refreshTokenCodec, example: { refreshToken: 'the-refresh-token' } },
    success: { status: 201, type: 'refresh-tokens', attributes: tokenAttributesSchema, location: '/refresh-tokens' },
    errors: { 401: ['004'], 422: ['901'] },
  },
  {
    method: 'delete',
    path: '/refresh-tokens/{refreshToken}',
    operationId: 'revokeRefreshToken',
    tag: 'Access tokens',
    summary: 'Revoke a refresh token (`mine`: all of the caller’s)',
    auth: 'bearer',
    success: { status: 204 },
  },
  {
    method: 'patch',
    path: '/customer-password',
    operationId: 'changePassword',
    summary: 'Change the password',
    description: 'Ends every other session and token family of the customer and emails a notice.',
    ...passwordChange,
  },
  {
    method: 'patch',
    path: '/customer-password/{customerReference}',
    operationId: 'changeCustomerPassword',
    summary: 'Change the password (Glue’s path with the reference)',
    ...passwordChange,
  },
  {
    method: 'post',
    path: '/customer-forgotten-password',
    operationId: 'requestPasswordReset',
    tag: 'Passwords',
    summary: 'Send a reset link (answers the same whether or not the address is registered)',
    auth: 'optional',
    body: { codec: forgottenPasswordCodec, example: { email: 'max@mustermann.de' } },
    success: { status: 204 },
    errors: { 422: ['901'], 429: ['4401'] },
  },
  {
    method: 'patch',
    path: '/customer-restore-password',
    operationId: 'restorePassword',
    summary: 'Set a new password with the key from the reset link',
    ...passwordRestore,
  },
  {
    method: 'patch',
    path: '/customer-restore-password/{id}',
    operationId: 'restorePasswordWithId',
    summary: 'Set a new password (Glue’s path with an ignored id)',
    ...passwordRestore,
  },
  {
    method: 'get',
    path: '/customers/{customerReference}/addresses',
    operationId: 'getCustomerAddresses',
    tag: 'Addresses',
    summary: 'The address book, default addresses first',
    auth: 'bearer',
    success: { status: 200, type: 'addresses', attributes: addressAttributesSchema, collection: true },
    errors: { 403: ['411'] },
  },
  {
    method: 'post',
    path: '/customers/{customerReference}/addresses',
    operationId: 'createCustomerAddress',
    tag: 'Addresses',
    summary: 'Add an address',
    description: 'The first address becomes the default shipping and billing address.',
    auth: 'bearer',
    body: { codec: addressCodec, example: ADDRESS_EXAMPLE },
    success: { status: 201, type: 'addresses', attributes: addressAttributesSchema },
    errors: { 403: ['411'], 422: ['901', '1001'] },
  },
  {
    method: 'patch',
    path: '/customers/{customerReference}/addresses',
    operationId: 'updateCustomerAddressWithoutId',
    tag: 'Addresses',
    summary: 'Always 400/412: the address id is missing',
    auth: 'none',
    errors: { 400: ['412'] },
  },
  {
    method: 'delete',
    path: '/customers/{customerReference}/addresses',
    operationId: 'deleteCustomerAddressWithoutId',
    tag: 'Addresses',
    summary: 'Always 400/412: the address id is missing',
    auth: 'none',
    errors: { 400: ['412'] },
  },
  {
    method: 'get',
    path: '/customers/{customerReference}/addresses/{addressId}',
    operationId: 'getCustomerAddress',
    tag: 'Addresses',
    summary: 'Read one address',
    auth: 'bearer',
    success: { status: 200, type: 'addresses', attributes: addressAttributesSchema },
    errors: { 403: ['411'], 404: ['404'] },
  },
  {
    method: 'patch',
    path: '/customers/{customerReference}/addresses/{addressId}',
    operationId: 'updateCustomerAddress',
    tag: 'Addresses',
    summary: 'Change an address (the merged address is validated)',
    auth: 'bearer',
    body: { codec: addressPatchCodec, example: { zipCode: '10117', isDefaultBilling: true }, idInUrl: 'addressId' },
    success: { status: 200, type: 'addresses', attributes: addressAttributesSchema },
    errors: { 403: ['411'], 404: ['404'], 422: ['901'] },
  },
  {
    method: 'delete',
    path: '/customers/{customerReference}/addresses/{addressId}',
    operationId: 'deleteCustomerAddress',
    tag: 'Addresses',
    summary: 'Delete an address',
    auth: 'bearer',
    success: { status: 204 },
    errors: { 403: ['411'], 404: ['404'] },
  },
  {
    method: 'post',
    path: '/availability-notifications',
    operationId: 'createAvailabilityNotification',
    tag: 'Availability notifications',
    summary: 'Subscribe an email address to a product’s return to stock',
    description:
      'With an access token the subscription is linked to the customer (and listed under their subscriptions). One subscription per address and product (compared case-insensitively). ' +
      'The address receives a confirmation with an unsubscribe link carrying the key; when the product is back, one email, and the subscription ends. ' +
      'Limited per client IP and per address (`429`/`4401`); an address follows at most a limited number of products (`422`/`1002`, our addition).',
    auth: 'optional',
    body: { codec: availabilityNotificationCodec, example: AVAILABILITY_NOTIFICATION_EXAMPLE },
    success: { status: 201, type: 'availability-notifications', attributes: availabilityNotificationAttributesSchema },
    errors: { 404: ['4601'], 422: ['901', '4602', '1002'], 429: ['4401'] },
  },
  {
    method: 'delete',
    path: '/availability-notifications/{subscriptionKey}',
    operationId: 'deleteAvailabilityNotification',
    tag: 'Availability notifications',
    summary: 'Unsubscribe (the key is the secret: no token needed)',
    description: 'A bad access token is still `401`/`001`, as on every public endpoint.',
    auth: 'optional',
    success: { status: 204 },
    errors: { 404: ['4603'] },
  },
  {
    method: 'get',
    path: '/customers/{customerReference}/availability-notifications',
    operationId: 'getCustomerAvailabilityNotifications',
    tag: 'Availability notifications',
    summary: 'The customer’s subscriptions, oldest first',
    description: 'Another customer’s reference, and one that is not a reference at all, answer `403`/`4606` alike.',
    auth: 'bearer',
    success: { status: 200, type: 'availability-notifications', attributes: availabilityNotificationAttributesSchema, collection: true },
    errors: { 403: ['4606'] },
  },
  {
    method: 'get',
    path: '/my-availability-notifications',
    operationId: 'getMyAvailabilityNotifications',
    tag: 'Availability notifications',
    summary: 'The signed-in customer’s subscriptions, oldest first',
    auth: 'bearer',
    success: { status: 200, type: 'availability-notifications', attributes: availabilityNotificationAttributesSchema, collection: true },
  },
];

// ---------------------------------------------------------------- shared shapes

const link = z.url().meta({ description: 'Absolute URL on the public origin (APP_URL)' });
const source = z.union([
  z.object({ pointer: z.string().meta({ examples: ['/data/attributes/email'] }) }),
  z.object({ parameter: z.string().meta({ examples: ['include'] }) }),
]);

const components = new Map<string, z.ZodType>();

/** One schema per id, so the document refers to components instead of repeating them. */
function component<T extends z.ZodType>(id: string, build: () => T): T {
  if (!components.has(id)) components.set(id, build().meta({ id }));
  return components.get(id) as T;
}

const errorObject = z
  .object({
    status: z.number().int().meta({ description: 'The HTTP status, as a number' }),
    // Framework errors (request format, query) carry no code, as in Glue.
    code: z.string().optional().meta({ description: 'Glue’s error code' }),
    detail: z.string(),
    source: source.optional(),
  })
  .meta({ id: 'ErrorObject' });

/** An error document of one status whose errors carry one of `codes` (or no code). */
function errorDocument(status: number, codes: string[]) {
  return component(`Errors${status}${codes.map((code) => `_${code}`).join('')}`, () => {
    const narrowed = z.looseObject({
      status: z.literal(status),
      code: (codes.length > 0 ? z.enum(codes as [string, ...string[]]) : z.never()).optional(),
    });
    return z.object({ errors: z.array(z.intersection(errorObject, narrowed)).min(1) });
  });
}

const RESOURCE_NAMES: Record<string, string> = {
  'customer-exports': 'CustomerExport',
  customers: 'Customer',
  addresses: 'Address',
  'access-tokens': 'AccessToken',
  'refresh-tokens': 'RefreshToken',
  'availability-notifications': 'AvailabilityNotification',
};

/**
 * A resource as rendered: every attribute present (nulls included), unless `fields[type]` asks for
 * fewer — so the schema lists every attribute but requires none.
 */
function resourceSchema(type: string, attributes: z.ZodObject, options: { relationships: boolean }) {
  const name = `${RESOURCE_NAMES[type]}Resource${options.relationships ? 'WithAddresses' : ''}`;
  const tokens = type.endsWith('-tokens');
  return component(name, () =>
    z.object({
      type: z.literal(type),
      id: tokens ? z.null() : z.string(),
      attributes: component(`${RESOURCE_NAMES[type]}Attributes`, () =>
        attributes.partial().meta({ description: 'Every attribute (nulls included), or those `fields[type]` names' }),
      ),
      ...(tokens ? {} : { links: z.object({ self: link }) }),
      ...(options.relationships
        ? {
            relationships: z
              .object({ addresses: z.object({ data: z.array(z.object({ type: z.literal('addresses'), id: z.string() })) }) })
              .optional(),
          }
        : {}),
    }),
  );
}

function successDocument(success: Exclude<Success, { status: 204 }>) {
  const resource = resourceSchema(success.type, success.attributes, { relationships: Boolean(success.includesAddresses) });
  return z.object({
    data: success.collection ? z.array(resource) : resource,
    links: z.object({ self: link }),
    ...(success.includesAddresses
      ? { included: z.array(resourceSchema('addresses', addressAttributesSchema, { relationships: false })).optional() }
      : {}),
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: request format, an unsupported query parameter or include, or a Glue rule',
  401: 'Invalid access token (`001`), or failed authentication',
  403: 'Missing access token (`002`) or another customer (`411`, `4606`)',
  404: 'Not found',
  409: 'The document’s `data.id` contradicts the URL',
  413: 'Request body over 64 KiB',
  415: 'Unsupported media type (send application/vnd.api+json or application/json)',
  422: 'Validation failed (`901`: one error per field, all at once) or a Glue rule',
  429: 'Too many attempts (`4401`)',
};

/** Every status and code an operation can answer: its own rules plus what its kind shares. */
function errorsOf(operation: Operation): Map<number, string[]> {
  const errors = new Map<number, Set<string>>();
  const add = (status: number, codes: string[] = []) => {
    const set = errors.get(status) ?? new Set<string>();
    for (const code of codes) set.add(code);
    errors.set(status, set);
  };
  if (!operation.success) {
    // The paths Glue always refuses answer only that (no query, body or token is read).
    for (const [status, codes] of Object.entries(operation.errors ?? {})) add(Number(status), codes);
    return new Map([...errors].map(([status, set]) => [status, [...set].sort()]));
  }
  add(400); // an unsupported query parameter or include
  add(401, ['001']); // a bad token is refused on public endpoints too
  if (operation.auth === 'bearer') add(403, ['002']);
  if (operation.body) {
    add(400);
    add(413);
    add(415);
    if (operation.body.idInUrl) add(409);
  }
  for (const [status, codes] of Object.entries(operation.errors ?? {})) add(Number(status), codes);
  return new Map([...errors].sort(([a], [b]) => a - b).map(([status, codes]) => [status, [...codes].sort()]));
}

function responseHeaders(status: number, success?: Exclude<Success, { status: 204 }>) {
  if (status === 201 && success) {
    return { Location: { description: 'URL of the created resource', schema: { type: 'string' as const, format: 'uri' } } };
  }
  if (status === 401) return { 'WWW-Authenticate': { description: 'Always `Bearer realm="Access to shop API"`', schema: { type: 'string' as const } } };
  if (status === 429) return { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' as const } } };
  return undefined;
}

function pathParamsOf(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, pathParams[name]!])));
}

function queryOf(operation: Operation) {
  if (!operation.success || operation.success.status === 204) return undefined;
  const fields = z
    .string()
    .optional()
    .meta({ description: `Sparse fieldset: comma-separated attribute names of ${operation.success.type}` });
  const shape: Record<string, z.ZodType> = { [`fields[${operation.success.type}]`]: fields };
  if (operation.success.includesAddresses) {
    shape.include = z.enum(['addresses']).optional().meta({ description: 'Adds relationships.addresses and the address resources under included' });
    shape['fields[addresses]'] = z.string().optional().meta({ description: 'Sparse fieldset of the included addresses' });
  }
  return z.object(shape);
}

function operationObject(operation: Operation) {
  const success = operation.success?.status === 204 ? undefined : operation.success;
  const responses: Record<string, unknown> = {};
  if (operation.success?.status === 204) responses['204'] = { description: 'No content' };
  if (success) {
    responses[String(success.status)] = {
      description: success.status === 201 ? 'Created' : 'OK',
      headers: responseHeaders(success.status, success),
      content: { [JSONAPI_MEDIA_TYPE]: { schema: successDocument(success) } },
    };
  }
  for (const [status, codes] of errorsOf(operation)) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error',
      headers: responseHeaders(status),
      content: { [JSONAPI_MEDIA_TYPE]: { schema: errorDocument(status, codes) } },
    };
  }
  const body = operation.body;
  const requestSchema = body
    ? component(`${operation.operationId[0]!.toUpperCase()}${operation.operationId.slice(1)}Request`, () => z.object({
        data: z.object({
          type: z.literal(body.codec.type),
          ...(body.idInUrl ? { id: z.string().nullable().optional().meta({ description: `Optional; must equal {${body.idInUrl}}` }) } : {}),
          attributes: body.codec.schema,
        }),
      }))
    : undefined;
  const example = body ? { data: { type: body.codec.type, attributes: body.example } } : undefined;
  const path = pathParamsOf(operation.path);
  const query = queryOf(operation);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: operation.auth === 'bearer' ? [{ bearerAuth: [] }] : operation.auth === 'optional' ? [{}, { bearerAuth: [] }] : [],
    ...(path || query ? { requestParams: { ...(path ? { path } : {}), ...(query ? { query } : {}) } } : {}),
    ...(requestSchema
      ? {
          requestBody: {
            required: true,
            content: {
              [JSONAPI_MEDIA_TYPE]: { schema: requestSchema, example },
              'application/json': { schema: requestSchema, example },
            },
          },
        }
      : {}),
    responses,
  };
}

const ALLOW = { Allow: { description: 'The methods of this path (HEAD where GET works, and OPTIONS)', schema: { type: 'string' as const } } };

/** `HEAD`: what `GET` answers, without a body. */
function headObject(get: ReturnType<typeof operationObject>) {
  const responses = Object.fromEntries(
    Object.entries(get.responses).map(([status, response]) => [status, { description: (response as { description: string }).description }]),
  );
  return { ...get, operationId: `${get.operationId}Head`, summary: `${get.summary} (headers only)`, responses };
}

/** The whole document; deterministic (the committed copy must match it byte for byte). */
export function storefrontOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    const object = operationObject(operation);
    paths[operation.path]![operation.method] = object;
    if (operation.method === 'get') paths[operation.path]!.head = headObject(object);
  }
  for (const [path, item] of Object.entries(paths)) {
    const id = path.replace(/[{}]/g, '').split(/[/-]/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
    item.options = {
      operationId: `options${id}`,
      summary: 'The methods this path offers',
      security: [],
      responses: { '204': { description: 'No content; `Allow` lists the methods', headers: ALLOW } },
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Storefront API (Glue-compatible customer API)',
      version: '1.0.0',
      description:
        'Wire-compatible with Spryker’s Glue customer API: JSON:API documents, `DE--25` customer references, Glue error codes. ' +
        'Requests with a body send `application/vnd.api+json` (also `application/json`; media-type parameters such as `; version=` are accepted). ' +
        'Every response is `application/vnd.api+json`. Errors are `{"errors": [{status, code, detail, source}]}`; `901` validation errors list every field at once.',
    },
    servers: [{ url: '/', description: 'This shop' }],
    tags: [{ name: 'Customers' }, { name: 'Access tokens' }, { name: 'Passwords' }, { name: 'Addresses' }, { name: 'Availability notifications' }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /access-tokens' },
      },
    },
    paths: paths as never,
  });
}
