import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/**
 * Gives the calling test file a database of its own: a fresh in-memory PGlite, or, when
 * DATABASE_URL is set (CI), a new Postgres database created for the file and dropped after it.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = openDatabase({ pgliteDir: null });
    await migrateDatabase(handle);
    return Object.assign(handle, { drop: () => handle.close() });
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return Object.assign(handle, {
    drop: async () => {
      await handle.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  });
}

/** Registers beforeAll/afterAll hooks that install a fresh database as the process-wide one. */
export function setupTestDatabase(): { handle(): DatabaseHandle } {
  let handle: (DatabaseHandle & { drop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabase(handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await handle?.drop();
  });
  return {
    handle() {
      if (!handle) throw new Error('The test database is opened in beforeAll');
      return handle;
    },
  };
}
