import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAdminKey } from '@/app/_domain/admin/keys';
import { openDatabase, setDatabase } from '@/db/client';

// One embedded database for the file; the CLI runs as a child process (node + tsx's loader, with
// the react-server condition as `npm run admin-key` has it), so the tests never hold the folder
// open while it runs.
const dir = mkdtempSync(path.join(tmpdir(), 'admin-key-cli-'));
const pgliteDir = path.join(dir, 'pglite');
const lock = path.join(pgliteDir, '.in-use');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

function node(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: pgliteDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (...args: string[]) => node(['app/_transport/cli/admin-key.ts', ...args]);

type Listed = { id: number; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

async function listJson(): Promise<Listed[]> {
  const run = await cli('list', '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

describe('npm run admin-key', () => {
  let created: { id: number; key: string };

  it('create prints the key alone on the last line', async () => {
    const run = await cli('create', 'erp');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatch(/^sk_admin_[A-Za-z0-9_-]{43}$/);
    const listed = await listJson();
    expect(listed).toEqual([{ id: expect.any(Number), name: 'erp', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    created = { id: listed[0]!.id, key: lines.at(-1)! };
  });

  it('mints keys the domain accepts', async () => {
    const handle = openDatabase({ pgliteDir });
    setDatabase(handle);
    try {
      expect(await resolveAdminKey(created.key)).toEqual({ kind: 'admin', keyId: created.id });
    } finally {
      setDatabase(undefined);
      await handle.close();
    }
  });

  it('refuses a name the domain refuses, with the reason and exit code 2', async () => {
    const cases: [string, RegExp][] = [
      ['   ', /must not be blank/],
      ['x'.repeat(101), /at most 100 characters/],
      ['erp\tprod', /control characters/],
    ];
    for (const [name, reason] of cases) {
      const run = await cli('create', name);
      expect(run.code, JSON.stringify(name)).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toBe('');
    }
    expect(await listJson()).toHaveLength(1);
  });

  it('revoke revokes once; list shows when', async () => {
    const first = await cli('revoke', String(created.id));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Revoked/);
    const second = await cli('revoke', String(created.id));
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/No live admin API key/);

    const [listed] = await listJson();
    expect(listed).toMatchObject({ id: created.id, lastUsedAt: expect.any(String), revokedAt: expect.any(String) });
    expect(new Date(listed!.revokedAt!).toISOString()).toBe(listed!.revokedAt);
  });

  it('answers a wrong command or missing argument with the usage and exit code 2', async () => {
    const cases = [[], ['frobnicate'], ['create'], ['revoke', 'one'], ['list', '--yaml']];
    // They never open the database, so they may run at once.
    const runs = await Promise.all(cases.map((args) => cli(...args)));
    for (const [i, run] of runs.entries()) {
      expect(run.code, cases[i]!.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^Usage: npm run admin-key/);
      expect(run.stdout).toBe('');
    }
  });

  it('marks the embedded database in use while databaseHandle() holds it, and unmarks it at exit', async () => {
    const script = `const { readFileSync } = await import('node:fs');
      const { databaseHandle } = await import('./db/client.ts');
      const handle = databaseHandle();
      console.log(JSON.stringify(readFileSync(${JSON.stringify(lock)}, 'utf8')), process.pid);
      await handle.close();`;
    const run = await node(['--input-type=module', '-e', script]);
    expect(run.code, run.stderr).toBe(0);
    const [content, pid] = run.stdout.trim().split(' ');
    expect(JSON.parse(content!)).toBe(`${pid}\n`);
    expect(existsSync(lock)).toBe(false);
  });

  it('leaves the embedded database alone while a live process holds it', async () => {
    writeFileSync(lock, `${process.pid}\n`);
    const refused = await cli('list');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The app is running on the embedded database in ${pgliteDir} (process ${process.pid})`);
    expect(refused.stdout).toBe('');
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);

    // A lock file left behind by a process that has ended is ignored (and the CLI's own lock,
    // written when it opens the database, is gone when it exits).
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lock, `${ended}\n`);
    const table = await cli('list');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^id\s+name\s+created\s+last used\s+revoked\n1\s+erp\s+\S+Z\s+\S+Z\s+\S+Z\n$/);
    expect(existsSync(lock)).toBe(false);
  });
});
