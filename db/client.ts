import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Tx;

export type DatabaseHandle =
  | { kind: 'postgres'; url: string; db: Database; close(): Promise<void> }
  | { kind: 'pglite'; dir: string | null; client: PGlite; db: Database; close(): Promise<void> };

export type DatabaseOptions = { url?: string; pgliteDir?: string | null };

const casing = 'snake_case' as const;

/**
 * Opens a connection pool (DATABASE_URL → postgres.js) or an embedded PGlite database
 * (`pgliteDir`, or in memory when null). Nothing connects until the first query.
 */
export function openDatabase(options: DatabaseOptions = databaseOptionsFromEnv()): DatabaseHandle {
  if (options.url) {
    const sql = postgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    return {
      kind: 'postgres',
      url: options.url,
      db: drizzlePostgres({ client: sql, schema, casing }) as unknown as Database,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? null;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  return {
    kind: 'pglite',
    dir,
    client,
    db: drizzlePglite({ client, schema, casing }) as unknown as Database,
    close: () => client.close(),
  };
}

export function databaseOptionsFromEnv(): DatabaseOptions {
  return {
    url: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR || '.data/pglite',
  };
}

// Cached on globalThis so hot reloads, instrumentation and route bundles share one pool
// (PGlite allows a single instance per data folder and process).
const globalKey = Symbol.for('shop-account.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseHandle };
const store = globalThis as GlobalWithDb;

/** The process-wide database handle, opened lazily on first use. */
export function databaseHandle(): DatabaseHandle {
  store[globalKey] ??= openDatabase();
  return store[globalKey];
}

export function getDb(): Database {
  return databaseHandle().db;
}

/** Makes `handle` the process-wide database (tests, scripts). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  store[globalKey] = handle;
}

/** The constraint (index) a unique violation broke, from either driver, or null for any other error. */
export function uniqueViolationOf(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name: postgresJs, constraint: pglite } = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (code === '23505') return String(postgresJs ?? pglite ?? '');
  }
  return null;
}

/** Whether `error` (from either driver, possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
