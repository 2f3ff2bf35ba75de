import { readFile } from 'node:fs/promises';
import path from 'node:path';

let bundle: Buffer | undefined;

/** Scalar's standalone API reference bundle, from our own origin (never a CDN). */
export async function GET() {
  bundle ??= await readFile(path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js'));
  return new Response(new Uint8Array(bundle), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
