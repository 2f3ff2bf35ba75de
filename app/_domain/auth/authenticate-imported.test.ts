import { createHash, pbkdf2Sync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hash as argon2 } from '@node-rs/argon2';
import { hashSync as bcrypt } from 'bcryptjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertCustomer, selectCustomerById } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { assertCurrentPassword } from '../passwords/current-password';
import { DomainError } from '../shared/errors';
import { authenticate } from './authenticate';

setupTestDatabase();

const password = 'Legacy-Passw0rd-ü';
const context = { clientIp: '198.51.100.40' };
const CURRENT_ARGON2ID = '$argon2id$v=19$m=19456,t=2,p=1$';

const legacyHashes: [string, () => string | Promise<string>][] = [
  ['argon2i', () => argon2(password, { algorithm: 1, memoryCost: 1024, timeCost: 1, parallelism: 1 })],
  ['argon2id', () => argon2(password, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 })],
  ['bcrypt', () => bcrypt(password, 4)],
  ['bcrypt', () => bcrypt(password, 4).split('$2b$').join('$2y$')],
  ['pbkdf2_sha256', () => `pbkdf2_sha256$1000$seasalt$${pbkdf2Sync(password, 'seasalt', 1000, 32, 'sha256').toString('base64')}`],
  ['salesforce', () => `NaCl$${createHash('sha256').update(`${password}NaCl`).digest('base64')}`],
];

let customers = 0;
async function customer(passwordHash: string | null, passwordHashType: string, confirmed = true) {
  customers += 1;
  const row = await insertCustomer(getDb(), {
    publicKey: `IMPORTED${customers}`,
    email: `imported.${customers}@example.com`,
    passwordHash,
    passwordHashType,
    confirmedAt: confirmed ? new Date() : null,
  });
  return row!;
}

function signIn(email: string, pw: string) {
  return authenticate({ username: email, password: pw }, context).then(
    (row) => row.id,
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );
}

async function stored(id: number) {
  const { passwordHash, passwordHashType } = (await selectCustomerById(getDb(), id))!;
  return { passwordHash, passwordHashType };
}

describe('signing in with an imported hash', () => {
  it.each(legacyHashes)('%s: refuses a wrong password untouched, then migrates to argon2id on the right one', async (type, make) => {
    const legacy = await make();
    const { id, email } = await customer(legacy, type);

    expect(await signIn(email!, `${password}x`)).toBe('invalidCredentials');
    expect(await stored(id)).toEqual({ passwordHash: legacy, passwordHashType: type });

    expect(await signIn(email!, password)).toBe(id);
    const migrated = await stored(id);
    expect(migrated.passwordHashType).toBe('argon2id');
    expect(migrated.passwordHash).toMatch(/^\$argon2id\$/);
    expect(migrated.passwordHash!.startsWith(CURRENT_ARGON2ID)).toBe(true);

    expect(await signIn(email!, password)).toBe(id);
    expect(await stored(id)).toEqual(migrated);
    expect(await signIn(email!, `${password}x`)).toBe('invalidCredentials');
  });

  it('re-hashes before telling an unconfirmed shopper to confirm', async () => {
    const { id, email } = await customer(bcrypt(password, 4), 'bcrypt', false);
    expect(await signIn(email!, password)).toBe('unconfirmed');
    expect((await stored(id)).passwordHashType).toBe('argon2id');
    expect(await signIn(email!, password)).toBe('unconfirmed');
  });

  it('accepts an imported hash as the current password without re-hashing it', async () => {
    const legacy = bcrypt(password, 4);
    const row = await customer(legacy, 'bcrypt');
    await expect(assertCurrentPassword(row, `${password}x`)).rejects.toMatchObject({ code: 'invalidPassword' });
    await expect(assertCurrentPassword(row, password)).resolves.toBeUndefined();
    expect(await stored(row.id)).toEqual({ passwordHash: legacy, passwordHashType: 'bcrypt' });
  });
});

describe('signing in with an external password check', () => {
  let server: Server;
  let origin: string;
  let calls = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      calls += 1;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { password: given } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { password: string };
        response.writeHead(given === password ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    calls = 0;
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}/check`);
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_TIMEOUT_MS', '500');
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('asks the service once: the first sign-in re-hashes, later ones stay local', async () => {
    const { id, email } = await customer(null, 'external');

    expect(await signIn(email!, 'wrong')).toBe('invalidCredentials');
    expect(calls).toBe(1);
    expect(await stored(id)).toEqual({ passwordHash: null, passwordHashType: 'external' });

    expect(await signIn(email!, password)).toBe(id);
    expect(calls).toBe(2);
    const migrated = await stored(id);
    expect(migrated.passwordHashType).toBe('argon2id');
    expect(migrated.passwordHash!.startsWith(CURRENT_ARGON2ID)).toBe(true);

    expect(await signIn(email!, password)).toBe(id);
    expect(await signIn(email!, 'wrong')).toBe('invalidCredentials');
    expect(calls).toBe(2);
  });

  it('fails the sign-in like a wrong password while the service is down, and works once it is back', async () => {
    const { id, email } = await customer(null, 'external');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `http://127.0.0.1:${port}/check`);
    expect(await signIn(email!, password)).toBe('invalidCredentials');
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', '');
    expect(await signIn(email!, password)).toBe('invalidCredentials');
    expect(await stored(id)).toEqual({ passwordHash: null, passwordHashType: 'external' });

    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}/check`);
    expect(await signIn(email!, password)).toBe(id);
    expect(calls).toBe(1);
  });
});
