import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { passwordSetSchema, referenceKeyInputSchema } from '@/app/_domain/admin/schema';
import { addressEntitySchema, addressRequestSchema } from './codecs/addresses';
import { customerCreateRequestSchema, customerEntitySchema, passwordHashSchema } from './codecs/customers';
import { productEntitySchema, productRequestSchema, skuParameterSchema } from './codecs/products';
import { ERROR_KEYS } from './errors';
import { DEFAULT_LIMIT, MAX_LIMIT, SORTS } from './query';

/**
 * The admin API's OpenAPI 3.1 document, generated from the codecs' schemas (which are built from
 * the entity rules). Tag `Customers` and SCAYLE's operationIds, so SCAYLE's examples run
 * unchanged with swagger-client; tag `Products` (putProduct, getProduct) for the catalog's feed; security scheme `accessToken` (the `X-Access-Token` header).
 * Served at /admin/v1/openapi.json; a committed copy (`docs/admin-openapi.json`) is checked
 * against it by a test.
 */

const errorSchema = z
  .object({
    errors: z.array(
      z.object({
        errorKey: z.enum(ERROR_KEYS),
        message: z.string(),
        context: z.record(z.string(), z.unknown()).meta({ description: '`field` names the bad field or parameter (dotted for nested fields)' }),
      }),
    ),
  })
  .meta({ id: 'Errors', example: { errors: [{ errorKey: 'CUSTOMER_NOT_FOUND', message: 'The customer was not found.', context: {} }] } });

const shopKey = z.string().meta({ description: 'The shop key (SHOP_KEY)', example: 'ms' });
const countryCode = z.string().meta({ description: 'ISO 3166-1 alpha-2 or alpha-3 code of the shop country (does not filter)', example: 'DE' });
const identifier = (what: string) =>
  z.string().meta({ description: `The ${what}'s numeric id, or \`key=<referenceKey>\``, examples: ['1', 'key=my-key'] });
const numericId = (what: string) => z.string().meta({ description: `The ${what}'s numeric id`, pattern: '^[1-9][0-9]*$', example: '1' });

const listSchema = (item: z.ZodType, id: string) =>
  z
    .object({ entities: z.array(item), cursor: z.object({ next: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }) }) })
    .meta({ id });

/** The error answers of an operation; `descriptions` replaces the common text of a status where the operation's differs. */
const errorResponses = (statuses: number[], descriptions: Record<number, string> = {}) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: descriptions[status] ?? ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Validation (`VALIDATION_ERROR`, every bad field with `context.field`), a bad parameter (`INVALID_PARAMETER`) or body (`INVALID_JSON`), `UNSUPPORTED_HASH`',
  401: 'No or invalid `X-Access-Token` (`ACCESS_DENIED`)',
  404: '`SHOP_NOT_FOUND`, `CUSTOMER_NOT_FOUND` or `ADDRESS_NOT_FOUND`',
  409: '`EMAIL_ALREADY_EXISTS` or `REFERENCE_KEY_ALREADY_EXISTS`',
  413: 'The body is larger than 64 KiB (`PAYLOAD_TOO_LARGE`)',
  415: 'The body is not `application/json` (`UNSUPPORTED_MEDIA_TYPE`)',
  429: 'Too many requests (`RATE_LIMITED`)',
};

const json = (schema: z.ZodType, example?: unknown) => ({ content: { 'application/json': { schema, ...(example ? { example } : {}) } } });

const base = '/shops/{shopKey}/countries/{countryCode}/customers';

const withCustomer = z.string().optional().meta({
  description:
    'Comma list of `addresses`, `legacyCustomData`, `nonUniqueAddresses`. Addresses are de-duplicated by content unless `nonUniqueAddresses` is asked (only with a numeric id).',
});

const filters: Record<string, z.ZodType> = {
  'filters[referenceKey]': z.string().optional().meta({ description: 'Comma-separated reference keys' }),
  'filters[id]': z.string().optional().meta({ description: 'Comma-separated customer ids' }),
  'filters[minId]': z.string().optional().meta({ description: 'Minimum id (inclusive)' }),
  'filters[maxId]': z.string().optional().meta({ description: 'Maximum id (inclusive)' }),
  'filters[minCreatedAt]': z.string().optional().meta({ description: 'ISO 8601 date or date-time (inclusive)' }),
  'filters[maxCreatedAt]': z.string().optional().meta({ description: 'ISO 8601 date or date-time (inclusive)' }),
  'filters[minUpdatedAt]': z.string().optional().meta({ description: 'ISO 8601 date or date-time (inclusive)' }),
  'filters[maxUpdatedAt]': z.string().optional().meta({ description: 'ISO 8601 date or date-time (inclusive)' }),
  'filters[billingAddressCountryCode]': z.string().optional().meta({ description: 'Country of the default billing address (alpha-2 or alpha-3)' }),
  'filters[shippingAddressCountryCode]': z.string().optional().meta({ description: 'Country of the default shipping address (alpha-2 or alpha-3)' }),
  'filters[group]': z.string().optional().meta({ description: 'Comma-separated groups (a customer in any of them)' }),
  'filters[isActive]': z.enum(['true', 'false']).optional(),
};

const shopParams = { shopKey, countryCode };
const customerParams = { ...shopParams, customerIdentifier: identifier('customer') };

const paths = {
  [base]: {
    get: {
      operationId: 'getCustomers',
      tags: ['Customers'],
      summary: 'List customers',
      description:
        'Paged by an opaque keyset `cursor` (never an offset): pages chain without gaps or repeats while customers are added, and every page is as fast as the first. ' +
        'Customers without a value for the sort column sort first (ascending). `appId`, `lastInvoiceDate` and `lockedUntilDate` are accepted and sort by `id`. ' +
        'An unknown filter or sort is 400.',
      requestParams: {
        path: z.object(shopParams),
        query: z.object({
          with: z.string().optional().meta({ description: '`addresses` (de-duplicated by content)' }),
          limit: z.number().int().min(1).max(MAX_LIMIT).optional().meta({ description: `Items per page (default ${DEFAULT_LIMIT}, maximum ${MAX_LIMIT}; more is 400)` }),
          cursor: z.string().optional().meta({ description: '`cursor.next` of the previous page (same sort and sortDir)' }),
          sort: z.enum(SORTS).optional().meta({ description: 'Default `id`' }),
          sortDir: z.enum(['asc', 'desc']).optional().meta({ description: 'Default `asc`' }),
          ...filters,
        }),
      },
      responses: { '200': { description: 'A page of customers', ...json(listSchema(customerEntitySchema, 'CustomerList')) }, ...errorResponses([400, 401, 404, 429]) },
    },
    post: {
      operationId: 'createCustomer',
      tags: ['Customers'],
      summary: 'Create a customer',
      description: 'The customer is confirmed at once (no confirmation email). A taken email (case-insensitive) or reference key is 409.',
      requestParams: { path: z.object(shopParams) },
      requestBody: { required: true, ...json(customerCreateRequestSchema) },
      responses: { '201': { description: 'The new customer', ...json(customerEntitySchema) }, ...errorResponses([400, 401, 404, 409, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}`]: {
    get: {
      operationId: 'getCustomer',
      tags: ['Customers'],
      summary: 'Get a customer by id or reference key',
      requestParams: { path: z.object(customerParams), query: z.object({ with: withCustomer }) },
      responses: { '200': { description: 'The customer', ...json(customerEntitySchema) }, ...errorResponses([400, 401, 404, 429]) },
    },
  },
  [`${base}/{customerId}/reference-key`]: {
    put: {
      operationId: 'updateCustomerReferenceKey',
      tags: ['Customers'],
      summary: 'Set or replace the reference key of a customer',
      requestParams: { path: z.object({ ...shopParams, customerId: numericId('customer') }) },
      requestBody: { required: true, ...json(referenceKeyInputSchema.meta({ id: 'ReferenceKey' }), { referenceKey: 'my-key' }) },
      responses: { '200': { description: 'The customer', ...json(customerEntitySchema) }, ...errorResponses([400, 401, 404, 409, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}/password`]: {
    put: {
      operationId: 'setCustomerPassword',
      tags: ['Customers'],
      summary: 'Set a known password',
      description: 'Hashed with argon2id (whatever `hashingType` says). Ends every session and token of the customer.',
      requestParams: { path: z.object(customerParams) },
      requestBody: { required: true, ...json(passwordSetSchema.meta({ id: 'CustomerPassword' }), { password: 'yourPassword', hashingType: 'internal' }) },
      responses: { '204': { description: 'Set' }, ...errorResponses([400, 401, 404, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}/password-hash`]: {
    put: {
      operationId: 'setCustomerPasswordHash',
      tags: ['Customers'],
      summary: 'Import a password hash (migrations)',
      description:
        'The hash is verified natively at the next sign-in (browser or POST /access-tokens) and then re-hashed to argon2id ("lazy migration"); `external` asks EXTERNAL_PASSWORD_CHECK_URL (POST {email, password}, 200 = valid) once. Ends every session and token of the customer.',
      requestParams: { path: z.object(customerParams) },
      requestBody: { required: true, ...json(passwordHashSchema) },
      responses: { '204': { description: 'Set' }, ...errorResponses([400, 401, 404, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}/addresses`]: {
    get: {
      operationId: 'getCustomerAddresses',
      tags: ['Customers'],
      summary: 'The customer’s address book',
      requestParams: { path: z.object(customerParams) },
      responses: { '200': { description: 'Every address (one page)', ...json(listSchema(addressEntitySchema, 'CustomerAddressList')) }, ...errorResponses([400, 401, 404, 429]) },
    },
    post: {
      operationId: 'createCustomerAddress',
      tags: ['Customers'],
      summary: 'Add an address',
      description: '`street`, `zipCode`, `city` and `countryCode` are required; the postcode and phone are checked for the country. The first address becomes both defaults.',
      requestParams: { path: z.object(customerParams) },
      requestBody: { required: true, ...json(addressRequestSchema) },
      responses: { '201': { description: 'The new address', ...json(addressEntitySchema) }, ...errorResponses([400, 401, 404, 409, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}/addresses/{addressIdentifier}`]: {
    get: {
      operationId: 'getCustomerAddress',
      tags: ['Customers'],
      summary: 'One address by id or reference key',
      requestParams: { path: z.object({ ...customerParams, addressIdentifier: identifier('address') }) },
      responses: { '200': { description: 'The address', ...json(addressEntitySchema) }, ...errorResponses([400, 401, 404, 429]) },
    },
    patch: {
      operationId: 'updateCustomerAddress',
      tags: ['Customers'],
      summary: 'Change an address (partial; the full body works too)',
      requestParams: { path: z.object({ ...customerParams, addressIdentifier: identifier('address') }) },
      requestBody: { required: true, ...json(addressRequestSchema) },
      responses: { '200': { description: 'The address', ...json(addressEntitySchema) }, ...errorResponses([400, 401, 404, 409, 413, 415, 429]) },
    },
  },
  [`${base}/{customerIdentifier}/addresses/{addressId}/reference-key`]: {
    put: {
      operationId: 'updateCustomerAddressReferenceKey',
      tags: ['Customers'],
      summary: 'Set or replace the reference key of an address (unique per customer)',
      requestParams: { path: z.object({ ...customerParams, addressId: identifier('address') }) },
      requestBody: { required: true, ...json(referenceKeyInputSchema, { referenceKey: 'my-key' }) },
      responses: { '200': { description: 'The address', ...json(addressEntitySchema) }, ...errorResponses([400, 401, 404, 409, 413, 415, 429]) },
    },
  },
  '/products/{sku}': {
    put: {
      operationId: 'putProduct',
      tags: ['Products'],
      summary: 'Create or update a product (the catalog’s feed)',
      description:
        'Upsert: answers 200 with the product whether it was created or updated. When `isAvailable` turns from false to true, every subscriber of the product ' +
        'gets exactly one back-in-stock email and the subscription ends — also when the same update arrives twice or concurrently, or while the email ' +
        'provider is down (delivered later, never twice). The notices are queued in the background: the answer does not wait for them. ' +
        'A SKU that does not match the pattern is 400 (`context.field` `sku`).',
      requestParams: { path: z.object({ sku: skuParameterSchema }) },
      requestBody: { required: true, ...json(productRequestSchema) },
      responses: {
        '200': { description: 'The product', ...json(productEntitySchema) },
        ...errorResponses([400, 401, 413, 415], { 400: 'Validation (`VALIDATION_ERROR`, every bad field with `context.field`: `sku`, `name`, `isAvailable`, `url`) or a body that is not JSON (`INVALID_JSON`)' }),
      },
    },
    get: {
      operationId: 'getProduct',
      tags: ['Products'],
      summary: 'A product and how many subscribers wait for it',
      requestParams: { path: z.object({ sku: skuParameterSchema }) },
      responses: {
        '200': { description: 'The product', ...json(productEntitySchema) },
        ...errorResponses([401, 404], { 404: '`PRODUCT_NOT_FOUND` (also for a SKU that does not match the pattern)' }),
      },
    },
  },
};

/** The whole document; deterministic (the committed copy must match it byte for byte). */
export function adminOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Admin API (SCAYLE-compatible customers)',
      version: '1.0.0',
      description:
        'For back-office systems. Modelled on SCAYLE’s Admin API for customers: the same paths, identifiers (`1` or `key=my-key`), entities and error shape ' +
        '(`{"errors": [{errorKey, message, context}]}`). Keys are made with `npm run admin-key -- create <name>` and sent as `X-Access-Token`. ' +
        'Bodies are `application/json` (at most 64 KiB). The same customers and addresses as the storefront API: `id` is the number in `customerReference` (`DE--25`). ' +
        'Products (`/products/{sku}`, not scoped by shop or country) are the catalog’s feed for back-in-stock notifications.',
    },
    servers: [{ url: '/admin/v1', description: 'This shop' }],
    tags: [{ name: 'Customers' }, { name: 'Products', description: 'The catalog’s feed of products, for back-in-stock notifications' }],
    security: [{ accessToken: [] }],
    components: {
      securitySchemes: { accessToken: { type: 'apiKey', in: 'header', name: 'X-Access-Token', description: 'An admin API key' } },
    },
    paths: paths as never,
  });
}

/** Where the committed copy lives (written by `npm run openapi`, checked by a test). */
export const ADMIN_OPENAPI_FILE = 'docs/admin-openapi.json';

export function adminOpenApiText(): string {
  return `${JSON.stringify(adminOpenApiDocument(), null, 2)}\n`;
}
