// A database of its own for a run that starts the app (the end-to-end run, the benchmark): a fresh
// Postgres database on the server DATABASE_URL names, else a PGlite folder in a temporary
// directory. `env` is what the app needs to use it; `cleanup` drops or removes it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export async function scratchDatabase(prefix, { embedded = false } = {}) {
  const env = { ...process.env };
  if (process.env.DATABASE_URL && !embedded) {
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    const cleanup = async () => {
      const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    };
    return { kind: 'postgres', env, cleanup };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `shop-${prefix}-`));
  env.PGLITE_DIR = path.join(dir, 'pglite');
  delete env.DATABASE_URL;
  return { kind: 'pglite', env, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}
