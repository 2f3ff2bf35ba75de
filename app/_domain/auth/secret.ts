import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The secrets behind session cookies and access tokens. AUTH_SECRET may hold several
 * comma-separated secrets: the first signs, all verify (rotation). Production requires it;
 * elsewhere a missing secret is generated once into `.data/auth-secret` so a fresh clone just works.
 */
export function authSecrets(): string[] {
  const configured = (process.env.AUTH_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured.length > 0) return configured;
  if (process.env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is required in production: set it to a long random string (e.g. `openssl rand -base64 32`).');
  }
  return [developmentSecret()];
}

let generated: string | undefined;

function developmentSecret(): string {
  generated ??= readOrCreateSecretFile(path.join(process.cwd(), '.data', 'auth-secret'));
  return generated;
}

function readOrCreateSecretFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch {
      // another process created it first
    }
    return readFileSync(file, 'utf8').trim();
  }
}
