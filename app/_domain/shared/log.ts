/**
 * Logging an unexpected error without its secrets. Drizzle's query errors carry the SQL and its
 * parameters (hashes, emails, names) in their message, and Postgres errors their values in
 * `detail`: only names, SQLSTATE codes and the first line of each message in the cause chain are
 * kept, with anything after "params:" and the credentials of URLs cut.
 */
export function errorSummary(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth += 1) {
    if (typeof e !== 'object') {
      parts.push(typeof e);
      break;
    }
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    const firstLine = typeof message === 'string' ? message.split('\n')[0]!.split(/params:/i)[0]!.replace(/^Failed query:.*/s, 'Failed query').replace(/\/\/[^/\s@]+@/g, '//***@') : '';
    parts.push([typeof name === 'string' ? name : 'Error', typeof code === 'string' ? `[${code}]` : '', firstLine].filter(Boolean).join(' '));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' <- ');
}

export function logUnexpected(scope: string, error: unknown): void {
  console.error(`[${scope}] unexpected error: ${errorSummary(error)}`);
}
