import { storefrontOpenApiDocument } from '@/app/_transport/glue/openapi';

let document: string | undefined;

/** The storefront API's OpenAPI 3.1 document (generated from the codecs; same as docs/storefront-openapi.json). */
export async function GET() {
  document ??= JSON.stringify(storefrontOpenApiDocument());
  return new Response(document, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  });
}
