// Types for the parts of server.mjs that TypeScript code (tests) imports.

/** The TCP peer, or with TRUST_PROXY=N (or `trusted`) the Nth X-Forwarded-For entry from the right. */
export function resolveClientIp(
  forwardedFor: string | null | undefined,
  socketAddress: string | null | undefined,
  trusted?: number,
): string;

/** A 4xx for what Next.js would answer with a 500 (an unserved method, malformed percent-encoding); null otherwise. */
export function refuseUnservable(
  method: string | undefined,
  url: string | undefined,
): { status: number; headers: Record<string, string>; body: string } | null;
