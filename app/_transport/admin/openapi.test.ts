import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ADMIN_OPENAPI_FILE, adminOpenApiDocument, adminOpenApiText } from './openapi';

type Operation = { operationId: string; tags: string[]; responses: Record<string, unknown>; requestBody?: unknown };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
  security: unknown[];
  servers: { url: string }[];
};

describe('the admin OpenAPI document', () => {
  const document = adminOpenApiDocument() as unknown as Document;

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
  });

  it('matches the committed copy (run `npm run openapi` after changing a codec or schema)', () => {
    expect(readFileSync(ADMIN_OPENAPI_FILE, 'utf8')).toBe(adminOpenApiText());
  });

  const operationsTagged = (tag: string) =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.tags.includes(tag))
        .map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    );

  it('has every operation of the contract under the Customers tag, with SCAYLE’s operationIds and path parameter names', () => {
    const base = '/shops/{shopKey}/countries/{countryCode}/customers';
    expect(operationsTagged('Customers').sort()).toEqual(
      [
        `createCustomer POST ${base}`,
        `createCustomerAddress POST ${base}/{customerIdentifier}/addresses`,
        `getCustomer GET ${base}/{customerIdentifier}`,
        `getCustomerAddress GET ${base}/{customerIdentifier}/addresses/{addressIdentifier}`,
        `getCustomerAddresses GET ${base}/{customerIdentifier}/addresses`,
        `getCustomers GET ${base}`,
        `setCustomerPassword PUT ${base}/{customerIdentifier}/password`,
        `setCustomerPasswordHash PUT ${base}/{customerIdentifier}/password-hash`,
        `updateCustomerAddress PATCH ${base}/{customerIdentifier}/addresses/{addressIdentifier}`,
        `updateCustomerAddressReferenceKey PUT ${base}/{customerIdentifier}/addresses/{addressId}/reference-key`,
        `updateCustomerReferenceKey PUT ${base}/{customerId}/reference-key`,
      ].sort(),
    );
  });

  it('has the product feed under the Products tag, outside the shop scope', () => {
    expect(operationsTagged('Products').sort()).toEqual(['getProduct GET /products/{sku}', 'putProduct PUT /products/{sku}']);
    const item = document.paths['/products/{sku}']!;
    expect(Object.keys(item.put!.responses).sort()).toEqual(['200', '400', '401', '413', '415']);
    expect(Object.keys(item.get!.responses).sort()).toEqual(['200', '401', '404']);
    expect(JSON.stringify(item)).toContain('PRODUCT_NOT_FOUND');
  });

  it('tags every operation Customers or Products, nothing else', () => {
    const all = Object.values(document.paths).flatMap((item) => Object.values(item));
    for (const op of all) expect([['Customers'], ['Products']]).toContainEqual(op.tags);
    expect(all).toHaveLength(operationsTagged('Customers').length + operationsTagged('Products').length);
  });

  it('names the X-Access-Token scheme accessToken, serves from /admin/v1 and documents every error of a body', () => {
    expect(document.components.securitySchemes.accessToken).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Access-Token' }));
    expect(document.security).toEqual([{ accessToken: [] }]);
    expect(document.servers[0]!.url).toBe('/admin/v1');
    for (const item of Object.values(document.paths)) {
      for (const op of Object.values(item)) {
        expect(Object.keys(op.responses)).toContain('401');
        // Every customer operation names a shop (404) and a country (400).
        if (op.tags.includes('Customers')) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '404']));
        if (op.requestBody) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '413', '415']));
      }
    }
  });

  it('documents the hash formats and the list’s filters and sorts', () => {
    const text = JSON.stringify(document);
    for (const phrase of ['pbkdf2_sha256$<iterations>$<salt>$<base64 hash>', '<salt>$<base64 of sha256(password + salt)>', '$2y$', 'argon2i', 'UNSUPPORTED_HASH']) {
      expect(text).toContain(phrase);
    }
    for (const filter of ['referenceKey', 'id', 'group', 'minId', 'maxId', 'minCreatedAt', 'maxCreatedAt', 'minUpdatedAt', 'maxUpdatedAt', 'billingAddressCountryCode', 'shippingAddressCountryCode', 'isActive']) {
      expect(text).toContain(`filters[${filter}]`);
    }
    for (const sort of ['birthDate', 'lastLoginDate', 'passwordResetRequestedAt', 'appId', 'lockedUntilDate']) expect(text).toContain(`"${sort}"`);
  });
});
