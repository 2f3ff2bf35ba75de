/**
 * `npm run admin-key -- create <name> | list [--json] | revoke <id>`: the admin API's keys, a
 * command-line transport over app/_domain/admin/keys.ts (which mints, hashes and validates; this
 * file only maps arguments in and results, errors and exit codes out).
 * - `create` prints the key once, alone on the last line (`KEY=$(npm run -s admin-key -- create erp | tail -1)`).
 * - `list --json` prints only a JSON array of `{ id, name, createdAt, lastUsedAt, revokedAt }`.
 * - Exit codes: 0 done, 1 nothing to revoke or the embedded database is in use, 2 usage or an
 *   invalid name.
 * - Runs with `tsx --conditions=react-server` (the domain imports 'server-only'); migrations are
 *   applied first. Embedded PGlite allows one process per data folder: while a live process holds
 *   `<PGLITE_DIR>/.in-use` (written by `databaseHandle()`) the database is not opened.
 */
import { createAdminKey, listAdminKeys, revokeAdminKey } from '@/app/_domain/admin/keys';
import { isDomainError, type DomainError } from '@/app/_domain/shared/errors';
import { databaseHandle, embeddedDatabaseBusy } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const USAGE = `Usage: npm run admin-key -- <command>
  create <name>    create a key for the system <name> and print it (once)
  list [--json]    list every key (id, name, created, last used, revoked)
  revoke <id>      revoke the key with this id`;

type Command = { kind: 'create'; name: string } | { kind: 'list'; json: boolean } | { kind: 'revoke'; id: string };

/** The command, or null for the usage. Only the shape is checked here; the domain judges values. */
function parseCommand(args: string[]): Command | null {
  const [command, ...rest] = args;
  if (command === 'create' && rest.length > 0) return { kind: 'create', name: rest.join(' ') };
  if (command === 'list' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--json'))) return { kind: 'list', json: rest.length === 1 };
  if (command === 'revoke' && rest.length === 1 && /^\d+$/.test(rest[0]!)) return { kind: 'revoke', id: rest[0]! };
  return null;
}

/** The domain's validation error of a key name, in words. */
function invalidName(error: DomainError): string {
  const issue = error.fields.find((f) => f.field === 'name') ?? error.fields[0];
  switch (issue?.code) {
    case 'missing':
    case 'blank':
      return 'The name must not be blank.';
    case 'tooLong':
      return `The name must have at most ${issue.params?.max} characters.`;
    case 'controlCharacters':
      return 'The name must not contain control characters (line breaks, tabs, …).';
    default:
      return 'The name is not valid.';
  }
}

const iso = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  return rows.map((row) => row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ').trimEnd()).join('\n');
}

async function execute(command: Command): Promise<number> {
  switch (command.kind) {
    case 'create': {
      let created: Awaited<ReturnType<typeof createAdminKey>>;
      try {
        created = await createAdminKey(command.name);
      } catch (error) {
        if (!isDomainError(error, 'validation')) throw error;
        console.error(invalidName(error));
        return 2;
      }
      console.log(
        `Created admin API key ${created.id} ("${created.name}"). Send it in the X-Access-Token header.\n` +
          'Store it now: only its hash is kept, it cannot be shown again. The key is on the next line.',
      );
      console.log(created.key);
      return 0;
    }
    case 'list': {
      const keys = await listAdminKeys();
      if (command.json) {
        console.log(JSON.stringify(keys.map(({ id, name, createdAt, lastUsedAt, revokedAt }) => ({ id, name, createdAt, lastUsedAt, revokedAt })), null, 2));
      } else if (keys.length === 0) {
        console.log('No admin API keys.');
      } else {
        const header = ['id', 'name', 'created', 'last used', 'revoked'];
        console.log(table([header, ...keys.map((k) => [String(k.id), k.name, iso(k.createdAt), iso(k.lastUsedAt), iso(k.revokedAt)])]));
      }
      return 0;
    }
    case 'revoke': {
      if (!(await revokeAdminKey(command.id))) {
        console.error(`No live admin API key has id ${command.id} (unknown or already revoked).`);
        return 1;
      }
      console.log(`Revoked admin API key ${command.id}; it is refused from the next request on.`);
      return 0;
    }
  }
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args);
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  // Before anything opens the database (and marks the folder as ours).
  const busy = embeddedDatabaseBusy();
  if (busy) {
    console.error(busy);
    return 1;
  }
  const handle = databaseHandle();
  try {
    await migrateDatabase(handle);
    return await execute(command);
  } finally {
    await handle.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
