import 'server-only';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/**
 * argon2id with OWASP's parameters (m=19456 KiB, t=2, p=1). @node-rs/argon2 runs on the libuv
 * thread pool, so hashing never blocks the event loop. Passwords are NFC-normalised first.
 */
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_HASH_TYPE = 'argon2id';

/**
 * At most one hash per core runs at a time, and never on every thread of libuv's pool (4 unless
 * UV_THREADPOOL_SIZE says otherwise): a burst of sign-ins waits here, while the pool stays free for
 * what every other request needs from it (the access token's HMAC in WebCrypto, file reads). More
 * at once would not hash faster on the same cores.
 */
const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4;
export const HASHES_AT_ONCE = Math.max(1, Math.min(availableParallelism(), poolSize - 1));
const hashing = pLimit(HASHES_AT_ONCE);

/** Runs `work` (a password hash on the thread pool) in one of the HASHES_AT_ONCE slots. */
export function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  return hashing(work);
}

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password.normalize('NFC'), options));
}

/** False for a wrong password and for a malformed hash; never throws for either. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password.normalize('NFC')));
  } catch {
    return false;
  }
}
