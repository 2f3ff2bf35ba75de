/** What a transport tells the domain about the request it serves. */
export type RequestContext = {
  /** The client IP as resolved by `server.mjs` (see TRUST_PROXY). */
  clientIp: string;
  /** The client's User-Agent, kept with a login so the shopper can tell their devices apart. */
  userAgent?: string;
  /** The current time; injectable so tests can move the clock without sleeping. */
  now?: Date;
};

/** A User-Agent as stored: at most 512 characters, no control characters; null when absent. */
export function storedUserAgent(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 512);
  return cleaned || null;
}

export function nowOf(context: { now?: Date }): Date {
  return context.now ?? new Date();
}
