// Types for scratch-database.mjs (the benchmark imports it).

/** A fresh Postgres database on DATABASE_URL's server (unless `embedded`), else a temporary PGlite folder. */
export function scratchDatabase(
  prefix: string,
  options?: { embedded?: boolean },
): Promise<{ kind: 'postgres' | 'pglite'; env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }>;
