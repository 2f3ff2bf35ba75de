// Starts the production build for the end-to-end run on a database of its own: a fresh
// Postgres database when DATABASE_URL is set (CI), else a temporary PGlite folder. Both are
// removed when Playwright stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { scratchDatabase } from '../../scratch-database.mjs';

const database = await scratchDatabase('e2e');
const env = { ...database.env, NODE_ENV: 'production', DEV_MAILBOX: '1' };
const cleanup = database.cleanup;

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
