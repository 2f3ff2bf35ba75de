import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASHES_AT_ONCE, hashPassword, verifyPassword } from './hashing';

/** An HMAC in WebCrypto, which runs on libuv's thread pool as jose's access-token checks do. */
async function hmac(): Promise<void> {
  const key = await webcrypto.subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  await webcrypto.subtle.sign('HMAC', key, new Uint8Array(64));
}

describe('password hashing', () => {
  it('hashes to argon2id and verifies only the same (NFC-equal) password', async () => {
    const stored = await hashPassword('Ame\u0301lie-2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'Am\u00e9lie-2026')).toBe(true);
    expect(await verifyPassword(stored, 'Amelie-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'Amelie-2026')).toBe(false);
  });

  it('leaves the thread pool free during a burst: an HMAC started after 40 hashes finishes before the tenth hash does', async () => {
    // Unlimited, the 40 hashes would fill libuv's pool and the HMAC would wait behind most of them.
    expect(HASHES_AT_ONCE).toBeLessThan(Number(process.env.UV_THREADPOOL_SIZE) || 4);
    const order: string[] = [];
    const hashes = Array.from({ length: 40 }, (_, i) => hashPassword(`burst-${i}`).then(() => order.push(`hash ${i}`)));
    await hmac().then(() => order.push('hmac'));
    await Promise.all(hashes);
    const finishedHashesBeforeHmac = order.indexOf('hmac');
    expect(finishedHashesBeforeHmac).toBeLessThan(10);
  });
});
