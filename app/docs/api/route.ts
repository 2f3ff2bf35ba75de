import { referencePage } from './reference-page';

/** The storefront API reference. */
export async function GET(request: Request) {
  return referencePage(request, '/openapi.json', 'Storefront API reference');
}
