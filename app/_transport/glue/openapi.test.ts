import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { storefrontOpenApiDocument } from './openapi';
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiText, openApiTypes } from './openapi-files';

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }>>;
};

describe('the storefront OpenAPI document', () => {
  const document = storefrontOpenApiDocument() as unknown as Document;

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('matches the committed copy (run `npm run openapi` after changing a codec or schema)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('matches the committed client types generated from it', async () => {
    expect(readFileSync(OPENAPI_TYPES_FILE, 'utf8')).toBe(await openApiTypes());
  });

  it('gives every operation a unique operationId, its error statuses and the 401/001 of a bad token', () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of Object.values(document.paths)) {
      expect(item.options?.responses).toHaveProperty('204');
      for (const [method, operation] of Object.entries(item)) {
        // OPTIONS, and the paths Glue always refuses (a reference or id missing), read no token.
        if (method === 'options' || !Object.keys(operation.responses).some((status) => status.startsWith('2'))) continue;
        expect(Object.keys(operation.responses)).toContain('401');
        expect(Object.keys(operation.responses)).toContain('400');
        if (operation.requestBody) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });

  it('lists every storefront endpoint of the contract', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /customers',
        'GET /customers',
        'GET /customers/{customerReference}',
        'PATCH /customers/{customerReference}',
        'DELETE /customers/{customerReference}',
        'POST /customer-confirmation',
        'POST /access-tokens',
        'POST /refresh-tokens',
        'DELETE /refresh-tokens/{refreshToken}',
        'PATCH /customer-password',
        'PATCH /customer-password/{customerReference}',
        'POST /customer-forgotten-password',
        'PATCH /customer-restore-password',
        'PATCH /customer-restore-password/{id}',
        'GET /customers/{customerReference}/addresses',
        'POST /customers/{customerReference}/addresses',
        'GET /customers/{customerReference}/addresses/{addressId}',
        'PATCH /customers/{customerReference}/addresses/{addressId}',
        'DELETE /customers/{customerReference}/addresses/{addressId}',
        'POST /availability-notifications',
        'DELETE /availability-notifications/{subscriptionKey}',
        'GET /customers/{customerReference}/availability-notifications',
        'GET /my-availability-notifications',
      ]),
    );
  });

  it('documents the Glue codes of registration and the field rules of its body', () => {
    const post = document.paths['/customers']!.post!;
    const text = JSON.stringify(storefrontOpenApiDocument());
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '413', '415', '422', '429']);
    expect(text).toContain('"Errors422_400_406_414_901"');
    const schemas = (storefrontOpenApiDocument() as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    const attributes = (schemas.CreateCustomerRequest as { properties: { data: { properties: { attributes: { properties: Record<string, unknown> } } } } })
      .properties.data.properties.attributes.properties;
    expect(attributes.firstName).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(attributes.password).toMatchObject({ minLength: 8, maxLength: 64 });
  });

  it('documents every status and Glue code of the availability notifications', () => {
    const paths = document.paths;
    expect(Object.keys(paths['/availability-notifications']!.post!.responses).sort()).toEqual(['201', '400', '401', '404', '413', '415', '422', '429']);
    expect(Object.keys(paths['/availability-notifications/{subscriptionKey}']!.delete!.responses).sort()).toEqual(['204', '400', '401', '404']);
    expect(Object.keys(paths['/customers/{customerReference}/availability-notifications']!.get!.responses).sort()).toEqual(['200', '400', '401', '403']);
    expect(Object.keys(paths['/my-availability-notifications']!.get!.responses).sort()).toEqual(['200', '400', '401', '403']);
    const text = JSON.stringify(storefrontOpenApiDocument());
    for (const component of ['"Errors404_4601"', '"Errors422_1002_4602_901"', '"Errors404_4603"', '"Errors403_002_4606"', '"AvailabilityNotificationResource"']) {
      expect(text).toContain(component);
    }
  });
});
