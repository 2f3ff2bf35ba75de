import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * The process-wide database handle, opened lazily on first use. An embedded database in a folder
 * is marked as in use (`<dir>/.in-use`, see `embeddedDatabaseBusy`) while this process runs.
 */
export function databaseHandle(): DatabaseHandle {
  if (!store[globalKey]) {
    const handle = openDatabase();
    if (handle.kind === 'pglite' && handle.dir) markInUse(handle.dir);
    store[globalKey] = handle;
  }
  return store[globalKey];
}

// Embedded PGlite allows one process per data folder. The process holding it through
// `databaseHandle()` (the app) writes its pid to this file; scripts check it before opening.
const IN_USE_FILE = '.in-use';

function inUseFilePid(file: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.split('\n')[0]!.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Writes our pid to `<dir>/.in-use` (the folder exists) and removes it at exit if it is still ours. */
function markInUse(dir: string): void {
  const file = path.join(dir, IN_USE_FILE);
  try {
    writeFileSync(file, `${process.pid}\n`);
  } catch {
    return; // Advisory only: a read-only folder does not stop the app.
  }
  process.once('exit', () => {
    try {
      if (inUseFilePid(file) === process.pid) unlinkSync(file);
    } catch {
      // Gone already, or not ours to remove.
    }
  });
}

/**
 * The pid in `<dir>/.in-use` when that process is alive and is not this one (EPERM: alive, another
 * user's), else null; a file left by a process that has ended is ignored.
 */
export function embeddedDatabaseUser(dir: string): number | null {
  const pid = inUseFilePid(path.join(dir, IN_USE_FILE));
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Why a script must not open the database of `options` now — another live process holds the
 * embedded folder — or null (Postgres, in memory, or free). Call it before opening the database.
 */
export function embeddedDatabaseBusy(options: DatabaseOptions = databaseOptionsFromEnv()): string | null {
  if (options.url || !options.pgliteDir) return null;
  const pid = embeddedDatabaseUser(options.pgliteDir);
  if (pid === null) return null;
  return (
    `The app is running on the embedded database in ${options.pgliteDir} (process ${pid}); stop it first, or set DATABASE_URL.\n` +
    `(If it is not running, delete ${path.join(options.pgliteDir, IN_USE_FILE)}.)`
  );
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

/** The rows of a raw `execute`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
