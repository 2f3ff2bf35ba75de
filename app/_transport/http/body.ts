/**
 * A request body as text, at most `maxBytes` (a declared Content-Length over it is refused before
 * reading; a body that grows past it while streaming is cut off): `tooLarge()` is thrown either way.
 */
export async function readBodyText(request: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
