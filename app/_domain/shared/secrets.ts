import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random key with 256 bits of entropy, for links sent by email. */
export function newSecretKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Keys are stored only as this hash; a database leak does not reveal usable links. */
export function hashSecretKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
