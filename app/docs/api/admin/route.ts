import { referencePage } from '../reference-page';

/** The admin API reference (its OpenAPI document at /admin/v1/openapi.json). */
export async function GET(request: Request) {
  return referencePage(request, '/admin/v1/openapi.json', 'Admin API reference');
}
