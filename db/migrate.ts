import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseHandle } from './client';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; every instance and test worker must use the same one.
const MIGRATION_LOCK = 7_314_000_001;

/**
 * Applies the committed drizzle-kit migrations under a Postgres advisory lock, so that
 * several app instances or test workers starting at once never race.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePglite(handle.db as never, { migrationsFolder });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
    return;
  }
  // A single dedicated connection: the lock, the migration and the unlock share one session.
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client });
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
