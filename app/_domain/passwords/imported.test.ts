import { createHash, pbkdf2Sync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hash as argon2 } from '@node-rs/argon2';
import { hashSync as bcrypt } from 'bcryptjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../shared/errors';
import { hashPassword } from './hashing';
import { importPasswordHash, verifyStoredPassword } from './imported';

const password = 'Correct-Horse-ünd-Battery';
const email = 'imported@example.com';

const argon2i = (pw: string) => argon2(pw, { algorithm: 1, memoryCost: 1024, timeCost: 1, parallelism: 1 });
const argon2d = (pw: string) => argon2(pw, { algorithm: 0, memoryCost: 1024, timeCost: 1, parallelism: 1 });
const pbkdf2 = (pw: string, salt = 'seasalt', iterations = 1000) =>
  `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(pw, salt, iterations, 32, 'sha256').toString('base64')}`;
const salesforce = (pw: string, salt = 'NaCl-42') => `${salt}$${createHash('sha256').update(pw + salt).digest('base64')}`;
// A literal replace: String#replace would read `$2`, `$04`… in the replacement as group references.
const swap = (text: string, from: string, to: string) => text.split(from).join(to);
const md5 = (pw: string) => createHash('md5').update(pw).digest('hex');

// From PHP's password_verify() documentation: the hash of 'rasmuslerdorf'.
const PHP_2Y = '$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a';

function refusal(hash: unknown, type: 'internal' | 'salesforce' | 'external') {
  try {
    importPasswordHash(hash, type);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unsupportedHash', fields: [{ field: 'hash', code: 'invalid' }] });
    return 'refused';
  }
}

describe('importing a hash', () => {
  it('classifies every supported kind', async () => {
    const cases: [string, 'internal' | 'salesforce', string][] = [
      [await hashPassword(password), 'internal', 'argon2id'],
      [await argon2(password, { algorithm: 2, memoryCost: 65_536, timeCost: 3, parallelism: 4 }), 'internal', 'argon2id'],
      [await argon2i(password), 'internal', 'argon2i'],
      [bcrypt(password, 4), 'internal', 'bcrypt'],
      [swap(bcrypt(password, 4), '$2b$', '$2a$'), 'internal', 'bcrypt'],
      [PHP_2Y, 'internal', 'bcrypt'],
      [pbkdf2(password), 'internal', 'pbkdf2_sha256'],
      [`pbkdf2_sha256$10000000$x$${Buffer.alloc(32).toString('base64')}`, 'internal', 'pbkdf2_sha256'],
      [salesforce(password), 'salesforce', 'salesforce'],
    ];
    for (const [hash, hashingType, passwordHashType] of cases) {
      expect(importPasswordHash(hash, hashingType), hash).toEqual({ passwordHash: hash, passwordHashType });
    }
  });

  it('ignores the hash of an external customer', () => {
    for (const hash of [undefined, null, '', 'anything', 42, '\u0000']) {
      expect(importPasswordHash(hash, 'external')).toEqual({ passwordHash: null, passwordHashType: 'external' });
    }
  });

  it('refuses anything it cannot verify', async () => {
    const digest32 = Buffer.alloc(32, 7).toString('base64');
    const argon2idHash = await hashPassword(password);
    const cases: [unknown, 'internal' | 'salesforce'][] = [
      [undefined, 'internal'],
      [null, 'internal'],
      [42, 'internal'],
      [{ hash: 'x' }, 'internal'],
      ['', 'internal'],
      ['', 'salesforce'],
      [password, 'internal'],
      [md5(password), 'internal'],
      [createHash('sha1').update(password).digest('hex'), 'internal'],
      [`{SSHA}${digest32}`, 'internal'],
      [await argon2d(password), 'internal'],
      [swap(argon2idHash, 'v=19', 'v=16'), 'internal'],
      [swap(argon2idHash, '$v=19', ''), 'internal'],
      [swap(argon2idHash, 'm=19456', 'm=4194304'), 'internal'],
      [swap(argon2idHash, 't=2', 't=0'), 'internal'],
      [swap(argon2idHash, 'p=1', 'p=0'), 'internal'],
      [`$argon2id$v=19$m=19456,t=2,p=1$AAAA$${argon2idHash.split('$')[5]}`, 'internal'],
      [argon2idHash.slice(0, -1) + '=', 'internal'],
      [`${argon2idHash}\n`, 'internal'],
      [`${argon2idHash}$extra`, 'internal'],
      [bcrypt(password, 4).slice(0, -1), 'internal'],
      [`${bcrypt(password, 4)}a`, 'internal'],
      [swap(bcrypt(password, 4), '$2b$', '$2x$'), 'internal'],
      [swap(bcrypt(password, 4), '$04$', '$03$'), 'internal'],
      [swap(bcrypt(password, 4), '$04$', '$32$'), 'internal'],
      [bcrypt(password, 4).replace(/.$/, '!'), 'internal'],
      [swap(pbkdf2(password), 'pbkdf2_sha256', 'pbkdf2_sha1'), 'internal'],
      [swap(pbkdf2(password), '$1000$', '$0$'), 'internal'],
      [swap(pbkdf2(password), '$1000$', '$01000$'), 'internal'],
      [swap(pbkdf2(password), '$1000$', '$-1$'), 'internal'],
      [swap(pbkdf2(password), '$1000$', '$10000001$'), 'internal'],
      [`pbkdf2_sha256$1000$$${digest32}`, 'internal'],
      [`pbkdf2_sha256$1000$salt$${Buffer.alloc(31).toString('base64')}`, 'internal'],
      [`pbkdf2_sha256$1000$salt$${Buffer.alloc(64).toString('base64')}`, 'internal'],
      [`pbkdf2_sha256$1000$salt$${digest32.replace(/=$/, '')}`, 'internal'],
      [`pbkdf2_sha256$1000$salt$${digest32}`, 'salesforce'],
      [salesforce(password), 'internal'],
      [`NaCl$${Buffer.alloc(31, 1).toString('base64')}`, 'salesforce'],
      [`NaCl$${Buffer.alloc(33, 1).toString('base64')}`, 'salesforce'],
      [`NaCl$${createHash('sha256').update('x').digest('hex')}`, 'salesforce'],
      [`$${digest32}`, 'salesforce'],
      [`Na$Cl$${digest32}`, 'salesforce'],
      [`NaCl$${digest32}$`, 'salesforce'],
      [`Na\u0000Cl$${digest32}`, 'salesforce'],
      [`${'s'.repeat(1000)}$${digest32}`, 'salesforce'],
      [bcrypt(password, 4), 'salesforce'],
      [bcrypt(password, 4), 'unknown' as 'internal'],
    ];
    for (const [hash, hashingType] of cases) {
      expect(refusal(hash, hashingType), `${String(hash)} as ${hashingType}`).toBe('refused');
    }
    // The length limit is 1024 characters: just below it is fine.
    expect(refusal(`${'s'.repeat(1024 - 45)}$${digest32}`, 'salesforce')).toBe('accepted');
  });
});

describe('verifying a stored password', () => {
  const stored = (passwordHash: string | null, passwordHashType: string | null) => ({ email, passwordHash, passwordHashType });

  it('checks every kind, and asks for a re-hash of anything but our own argon2id', async () => {
    const kinds: [string, (pw: string) => string | Promise<string>][] = [
      ['argon2i', argon2i],
      ['bcrypt', (pw) => bcrypt(pw, 4)],
      ['bcrypt', (pw) => swap(bcrypt(pw, 4), '$2b$', '$2a$')],
      ['bcrypt', (pw) => swap(bcrypt(pw, 4), '$2b$', '$2y$')],
      ['pbkdf2_sha256', (pw) => pbkdf2(pw)],
      ['salesforce', (pw) => salesforce(pw)],
      ['argon2id', (pw) => argon2(pw, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 })],
    ];
    for (const [type, make] of kinds) {
      const hash = await make(password);
      expect(await verifyStoredPassword(stored(hash, type), password), hash).toEqual({ valid: true, needsRehash: true });
      expect(await verifyStoredPassword(stored(hash, type), `${password}!`), hash).toEqual({ valid: false, needsRehash: false });
      expect(await verifyStoredPassword(stored(hash, type), ''), hash).toEqual({ valid: false, needsRehash: false });
    }
  });

  it('needs no re-hash for an argon2id of today’s parameters (also with a null type, as older rows)', async () => {
    const hash = await hashPassword(password);
    expect(await verifyStoredPassword(stored(hash, 'argon2id'), password)).toEqual({ valid: true, needsRehash: false });
    expect(await verifyStoredPassword(stored(hash, null), password)).toEqual({ valid: true, needsRehash: false });
    expect(await verifyStoredPassword(stored(hash, 'argon2id'), 'wrong')).toEqual({ valid: false, needsRehash: false });
  });

  it('reads PHP’s $2y$ bcrypt', async () => {
    expect(await verifyStoredPassword(stored(PHP_2Y, 'bcrypt'), 'rasmuslerdorf')).toEqual({ valid: true, needsRehash: true });
    expect(await verifyStoredPassword(stored(PHP_2Y, 'bcrypt'), 'rasmuslerdorF')).toMatchObject({ valid: false });
  });

  it('NFC-normalises the password for every kind', async () => {
    const composed = 'caf\u00e9-Passw0rd';
    const decomposed = 'cafe\u0301-Passw0rd';
    for (const [type, hash] of [
      ['argon2id', await hashPassword(composed)],
      ['argon2i', await argon2i(composed)],
      ['bcrypt', bcrypt(composed, 4)],
      ['pbkdf2_sha256', pbkdf2(composed)],
      ['salesforce', salesforce(composed)],
    ] as const) {
      expect(await verifyStoredPassword(stored(hash, type), decomposed), type).toMatchObject({ valid: true });
    }
  });

  it('never throws for a malformed hash, an unknown type or a mismatched kind', async () => {
    const cases: [string | null, string | null][] = [
      [null, null],
      [null, 'argon2id'],
      [null, 'bcrypt'],
      ['', 'argon2id'],
      ['garbage', 'argon2id'],
      ['garbage', 'argon2i'],
      ['garbage', 'bcrypt'],
      ['garbage', 'pbkdf2_sha256'],
      ['garbage', 'salesforce'],
      [await argon2d(password), 'argon2i'],
      [await argon2i(password), 'bcrypt'],
      [bcrypt(password, 4), 'pbkdf2_sha256'],
      [swap(bcrypt(password, 4), '$04$', '$31$'), 'bcrypt'],
      [swap(pbkdf2(password, 'seasalt', 1000), '$1000$', '$99999999$'), 'pbkdf2_sha256'],
      [`NaCl$${Buffer.alloc(31).toString('base64')}`, 'salesforce'],
      [md5(password), 'md5'],
      [password, 'plain'],
      [salesforce(password), 'SALESFORCE'],
    ];
    for (const [hash, type] of cases) {
      expect(await verifyStoredPassword(stored(hash, type), password), `${hash} as ${type}`).toEqual({ valid: false, needsRehash: false });
    }
  });
});

describe('the external password check', () => {
  let server: Server;
  let origin: string;
  const requests: { path: string; contentType: string | undefined; body: unknown }[] = [];

  async function body(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      void body(request).then((parsed) => {
        requests.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: parsed });
        if (request.url === '/hang') return; // never answers
        const status = { '/ok': 200, '/no': 401, '/fail': 500, '/redirect': 307 }[request.url ?? ''] ?? 404;
        response.writeHead(status, status === 307 ? { location: '/ok' } : {}).end('{}');
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
    requests.length = 0;
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_TIMEOUT_MS', '300');
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const external = stored(null, 'external');
  function stored(passwordHash: string | null, passwordHashType: string) {
    return { email: 'Ext.Ernal@example.com', passwordHash, passwordHashType };
  }

  it('is valid on a 200 and posts the email and the NFC-normalised password as JSON', async () => {
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}/ok`);
    expect(await verifyStoredPassword(external, 'cafe\u0301')).toEqual({ valid: true, needsRehash: true });
    expect(requests).toEqual([{ path: '/ok', contentType: 'application/json', body: { email: 'Ext.Ernal@example.com', password: 'caf\u00e9' } }]);
  });

  it('is invalid on any other answer, a redirect included', async () => {
    for (const path of ['/no', '/fail', '/redirect', '/missing']) {
      vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}${path}`);
      expect(await verifyStoredPassword(external, password), path).toEqual({ valid: false, needsRehash: false });
    }
    expect(requests.map((r) => r.path)).toEqual(['/no', '/fail', '/redirect', '/missing']);
  });

  it('is invalid, without throwing, when the service hangs past the timeout', async () => {
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}/hang`);
    const started = Date.now();
    expect(await verifyStoredPassword(external, password)).toEqual({ valid: false, needsRehash: false });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(requests).toHaveLength(1);
  });

  it('is invalid, without throwing, when the service is down or not configured', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    for (const url of [`http://127.0.0.1:${port}/ok`, 'not a url', '']) {
      vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', url);
      expect(await verifyStoredPassword(external, password), url).toEqual({ valid: false, needsRehash: false });
    }
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_URL', `${origin}/ok`);
    vi.stubEnv('EXTERNAL_PASSWORD_CHECK_TIMEOUT_MS', 'soon');
    expect(await verifyStoredPassword(external, password)).toEqual({ valid: false, needsRehash: false });
    expect(requests).toHaveLength(0);
    // Failures are logged for operators, never with the password.
    const logged = vi.mocked(console.error).mock.calls.flat().join('\n');
    expect(logged).toContain('external password check');
    expect(logged).not.toContain(password);
  });
});
