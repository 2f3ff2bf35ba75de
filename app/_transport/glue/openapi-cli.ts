/**
 * `npm run openapi`: writes the committed copies of both OpenAPI documents (storefront and admin)
 * and the TypeScript types the HTTP suite's storefront client is generated from
 * (openapi-typescript). A test fails when any of them is stale.
 */
import { writeFileSync } from 'node:fs';
import { ADMIN_OPENAPI_FILE, adminOpenApiText } from '../admin/openapi';
import { openApiTypes, OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiText } from './openapi-files';

writeFileSync(OPENAPI_FILE, openApiText());
writeFileSync(OPENAPI_TYPES_FILE, await openApiTypes());
writeFileSync(ADMIN_OPENAPI_FILE, adminOpenApiText());
console.log(`wrote ${OPENAPI_FILE}, ${OPENAPI_TYPES_FILE} and ${ADMIN_OPENAPI_FILE}`);
