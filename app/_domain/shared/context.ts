/** What a transport tells the domain about the request it serves. */
export type RequestContext = {
  /** The client IP as resolved by `server.mjs` (see TRUST_PROXY). */
  clientIp: string;
  /** The current time; injectable so tests can move the clock without sleeping. */
  now?: Date;
};

export function nowOf(context: { now?: Date }): Date {
  return context.now ?? new Date();
}
