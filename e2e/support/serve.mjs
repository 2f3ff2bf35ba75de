// Starts the production build for the end-to-end run on a database of its own: a fresh
// Postgres database when DATABASE_URL is set (CI), else a temporary PGlite folder. Both are
// removed when Playwright stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const env = { ...process.env, NODE_ENV: 'production', DEV_MAILBOX: '1' };
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `e2e_${randomBytes(5).toString('hex')}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.end();
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'shop-e2e-'));
  env.PGLITE_DIR = path.join(dir, 'pglite');
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// An admin API key for the HTTP suite, made the way operators make one (the CLI migrates first),
// before the server opens the database; the suite reads it from E2E_ADMIN_KEY_FILE.
if (process.env.E2E_ADMIN_KEY_FILE) {
  const made = spawnSync('npm', ['run', '-s', 'admin-key', '--', 'create', 'e2e'], { env, encoding: 'utf8' });
  if (made.status !== 0) {
    console.error('[e2e] could not create an admin key', made.stderr);
    process.exit(1);
  }
  writeFileSync(process.env.E2E_ADMIN_KEY_FILE, `${made.stdout.trim().split('\n').at(-1)}\n`, { mode: 0o600 });
}

const child = spawn(process.execPath, ['server.mjs'], { env, stdio: 'inherit' });
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  await cleanup().catch((error) => console.error('[e2e] cleanup failed', error));
  process.exit(code);
}
child.on('exit', (code) => void stop(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
