/**
 * `npm run openapi`: writes the committed copy of the storefront API's OpenAPI document and the
 * TypeScript types the HTTP suite's client is generated from (openapi-typescript). A test fails
 * when either is stale.
 */
import { writeFileSync } from 'node:fs';
import { openApiTypes, OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiText } from './openapi-files';

writeFileSync(OPENAPI_FILE, openApiText());
writeFileSync(OPENAPI_TYPES_FILE, await openApiTypes());
console.log(`wrote ${OPENAPI_FILE} and ${OPENAPI_TYPES_FILE}`);
