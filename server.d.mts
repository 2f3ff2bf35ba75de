// Types for the parts of server.mjs that TypeScript code (tests) imports.

/** The TCP peer, or with TRUST_PROXY=N (or `trusted`) the Nth X-Forwarded-For entry from the right. */
export function resolveClientIp(
  forwardedFor: string | null | undefined,
  socketAddress: string | null | undefined,
  trusted?: number,
): string;
