import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's parameters (m=19456 KiB, t=2, p=1). @node-rs/argon2 runs on the libuv
 * thread pool, so hashing never blocks the event loop. Passwords are NFC-normalised first.
 */
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_HASH_TYPE = 'argon2id';

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), options);
}

/** False for a wrong password and for a malformed hash; never throws for either. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}
