import { adminOpenApiDocument } from '@/app/_transport/admin/openapi';

let document: string | undefined;

/** The admin API's OpenAPI 3.1 document (generated from the codecs; same as docs/admin-openapi.json). */
export async function GET() {
  document ??= JSON.stringify(adminOpenApiDocument());
  return new Response(document, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } });
}
