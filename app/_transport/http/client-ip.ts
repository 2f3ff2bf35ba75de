/**
 * The client IP. `server.mjs` replaces any client-sent X-Forwarded-For with the address it
 * resolved (the TCP peer, or the TRUST_PROXY-th entry from the right), so the first entry is it.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  return first || 'unknown';
}
