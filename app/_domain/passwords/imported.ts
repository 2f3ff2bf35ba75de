import 'server-only';
import { createHash, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { verify as verifyArgon2 } from '@node-rs/argon2';
import { compare as compareBcrypt } from 'bcryptjs';
import { externalPasswordCheckTimeoutMs, externalPasswordCheckUrl } from '../shared/config';
import { DomainError } from '../shared/errors';
import { logUnexpected } from '../shared/log';
import { inHashingSlot, PASSWORD_HASH_TYPE, verifyPassword } from './hashing';

/**
 * Password hashes imported from former systems (the admin API's `hashingType`), verified natively
 * until the customer's next successful sign-in re-hashes the password to our argon2id:
 * - `importPasswordHash` stores only formats `verifyStoredPassword` can check, with cost
 *   parameters bounded so that one sign-in attempt cannot tie up the server;
 * - `verifyStoredPassword` never throws: a wrong password, a malformed stored hash, an unknown type
 *   and an unreachable external service are all just "invalid";
 * - passwords are NFC-normalised before every check, as `hashing.ts` does;
 * - a null type with a hash is ours (argon2id), as every row written before imports existed.
 */

export type ImportedHash = { passwordHash: string | null; passwordHashType: string };

type InternalType = 'argon2id' | 'argon2i' | 'bcrypt' | 'pbkdf2_sha256';

const MAX_HASH_LENGTH = 1024;
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const MAX_BCRYPT_COST = 16;
const MAX_ARGON2_MEMORY_KIB = 1_048_576;
const MAX_ARGON2_TIME = 10;
const MAX_ARGON2_PARALLELISM = 16;
// The PHC prefix of a hash made by hashing.ts today; any other argon2id is re-hashed.
const CURRENT_ARGON2ID_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

const ARGON2 = /^\$(argon2id|argon2i)\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;
const PBKDF2 = /^pbkdf2_sha256\$([1-9]\d{0,7})\$([^$]+)\$([^$]+)$/;
const SALESFORCE = /^([^$]+)\$([^$]+)$/;

/** The bytes of canonical base64 (`padded` or not), or null for anything else. */
function base64(text: string, padded: boolean): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  const canonical = bytes.toString('base64');
  return (padded ? canonical : canonical.replace(/=+$/, '')) === text ? bytes : null;
}

function argon2Kind(hash: string): 'argon2id' | 'argon2i' | null {
  const match = ARGON2.exec(hash);
  if (!match) return null;
  const [memory, time, parallelism] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const salt = base64(match[5]!, false);
  const tag = base64(match[6]!, false);
  const sane =
    parallelism >= 1 && parallelism <= MAX_ARGON2_PARALLELISM && memory >= 8 * parallelism && memory <= MAX_ARGON2_MEMORY_KIB &&
    time >= 1 && time <= MAX_ARGON2_TIME && salt !== null && salt.length >= 8 && tag !== null && tag.length >= 4;
  return sane ? (match[1] as 'argon2id' | 'argon2i') : null;
}

function isBcrypt(hash: string): boolean {
  const cost = BCRYPT.exec(hash)?.[1];
  return cost !== undefined && Number(cost) >= 4 && Number(cost) <= MAX_BCRYPT_COST;
}

function parsePbkdf2(hash: string): { iterations: number; salt: string; digest: Buffer } | null {
  const match = PBKDF2.exec(hash);
  if (!match) return null;
  const iterations = Number(match[1]);
  const digest = base64(match[3]!, true);
  return iterations <= MAX_PBKDF2_ITERATIONS && digest?.length === 32 ? { iterations, salt: match[2]!, digest } : null;
}

function parseSalesforce(hash: string): { salt: string; digest: Buffer } | null {
  const match = SALESFORCE.exec(hash);
  const digest = match ? base64(match[2]!, true) : null;
  return match && digest?.length === 32 ? { salt: match[1]!, digest } : null;
}

function internalType(hash: string): InternalType | null {
  return argon2Kind(hash) ?? (isBcrypt(hash) ? 'bcrypt' : parsePbkdf2(hash) ? 'pbkdf2_sha256' : null);
}

function unsupportedHash(): DomainError {
  return new DomainError('unsupportedHash', { fields: [{ field: 'hash', code: 'invalid' }] });
}

/** Validates and classifies an imported hash; throws `unsupportedHash` for anything we cannot verify. */
export function importPasswordHash(hash: unknown, hashingType: 'internal' | 'salesforce' | 'external'): ImportedHash {
  if (hashingType === 'external') return { passwordHash: null, passwordHashType: 'external' };
  if (typeof hash !== 'string' || hash === '' || hash.length > MAX_HASH_LENGTH || /\p{Cc}/u.test(hash)) throw unsupportedHash();
  const type = hashingType === 'internal' ? internalType(hash) : hashingType === 'salesforce' && parseSalesforce(hash) ? 'salesforce' : null;
  if (!type) throw unsupportedHash();
  return { passwordHash: hash, passwordHashType: type };
}

const pbkdf2Async = promisify(pbkdf2);

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

async function matches(type: string, passwordHash: string, password: string): Promise<boolean> {
  switch (type) {
    case 'argon2id':
      return verifyPassword(passwordHash, password);
    case 'argon2i':
      return argon2Kind(passwordHash) === 'argon2i' && (await inHashingSlot(() => verifyArgon2(passwordHash, password)));
    case 'bcrypt':
      // bcryptjs computes `$2y$` (PHP's name) as `$2b$`, the same algorithm.
      return isBcrypt(passwordHash) && (await compareBcrypt(password, passwordHash.replace(/^\$2y\$/, '$2b$')));
    case 'pbkdf2_sha256': {
      const parsed = parsePbkdf2(passwordHash);
      return parsed !== null && sameBytes(await inHashingSlot(() => pbkdf2Async(password, parsed.salt, parsed.iterations, 32, 'sha256')), parsed.digest);
    }
    case 'salesforce': {
      const parsed = parseSalesforce(passwordHash);
      return parsed !== null && sameBytes(createHash('sha256').update(password + parsed.salt).digest(), parsed.digest);
    }
    default:
      return false;
  }
}

/** POSTs `{email, password}` to the shop's own service: only a direct `200` is valid. */
async function externalCheck(email: string, password: string): Promise<boolean> {
  try {
    const url = externalPasswordCheckUrl();
    if (!url) throw new Error('EXTERNAL_PASSWORD_CHECK_URL is not set');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      redirect: 'manual',
      signal: AbortSignal.timeout(externalPasswordCheckTimeoutMs()),
    });
    await response.body?.cancel().catch(() => {});
    if (response.status >= 500) throw new Error(`external password check answered ${response.status}`);
    return response.status === 200;
  } catch (error) {
    logUnexpected('external password check', error);
    return false;
  }
}

/** Checks `password` against a customer's stored hash of any supported type; never throws. */
export async function verifyStoredPassword(
  stored: { email: string; passwordHash: string | null; passwordHashType: string | null },
  password: string,
): Promise<{ valid: boolean; needsRehash: boolean }> {
  const normalized = password.normalize('NFC');
  const type = stored.passwordHashType ?? (stored.passwordHash === null ? null : PASSWORD_HASH_TYPE);
  let valid = false;
  try {
    if (type === 'external') valid = await externalCheck(stored.email, normalized);
    else if (type !== null && stored.passwordHash !== null) valid = await matches(type, stored.passwordHash, normalized);
  } catch {
    valid = false;
  }
  const current = type === PASSWORD_HASH_TYPE && stored.passwordHash?.startsWith(CURRENT_ARGON2ID_PREFIX) === true;
  return { valid, needsRehash: valid && !current };
}
