import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveClientIp } from '@/server.mjs';
import { clientIpFrom } from './client-ip';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** server.mjs reads TRUST_PROXY once, when it is loaded. */
async function loadServerWith(trustProxy: string | undefined) {
  vi.stubEnv('TRUST_PROXY', trustProxy);
  vi.resetModules();
  return (await import('@/server.mjs')).resolveClientIp;
}

describe('resolveClientIp', () => {
  describe('with TRUST_PROXY unset', () => {
    it('answers the socket address and ignores a client-sent X-Forwarded-For', async () => {
      const resolve = await loadServerWith(undefined);
      expect(resolve('6.6.6.6', '203.0.113.7')).toBe('203.0.113.7');
      expect(resolve('6.6.6.6, 7.7.7.7', '203.0.113.7')).toBe('203.0.113.7');
      expect(resolve(undefined, '203.0.113.7')).toBe('203.0.113.7');
    });

    it('treats an empty TRUST_PROXY like an unset one', async () => {
      const resolve = await loadServerWith('  ');
      expect(resolve('6.6.6.6', '203.0.113.7')).toBe('203.0.113.7');
    });

    it('ignores X-Forwarded-For with an explicit trust of 0', () => {
      expect(resolveClientIp('6.6.6.6', '203.0.113.7', 0)).toBe('203.0.113.7');
    });
  });

  it('normalises an IPv4-mapped IPv6 socket address', () => {
    expect(resolveClientIp(undefined, '::ffff:1.2.3.4', 0)).toBe('1.2.3.4');
  });

  it('keeps a plain IPv6 socket address', () => {
    expect(resolveClientIp(undefined, '2001:db8::1', 0)).toBe('2001:db8::1');
  });

  it('answers "unknown" without a socket address', () => {
    expect(resolveClientIp(undefined, undefined, 0)).toBe('unknown');
  });

  describe('with TRUST_PROXY=1', () => {
    it('answers the rightmost X-Forwarded-For entry (what the one trusted proxy saw)', async () => {
      const resolve = await loadServerWith('1');
      expect(resolve('6.6.6.6, 198.51.100.9', '10.0.0.2')).toBe('198.51.100.9');
      expect(resolve('198.51.100.9', '10.0.0.2')).toBe('198.51.100.9');
    });

    it('trims entries and normalises an IPv4-mapped entry', () => {
      expect(resolveClientIp('6.6.6.6 ,  ::ffff:198.51.100.9  ', '10.0.0.2', 1)).toBe('198.51.100.9');
    });

    it('falls back to the socket address when X-Forwarded-For is missing or empty', () => {
      expect(resolveClientIp(undefined, '::ffff:10.0.0.2', 1)).toBe('10.0.0.2');
      expect(resolveClientIp('', '10.0.0.2', 1)).toBe('10.0.0.2');
      expect(resolveClientIp(' , ', '10.0.0.2', 1)).toBe('10.0.0.2');
    });
  });

  describe('with TRUST_PROXY=2', () => {
    it('answers the second entry from the right', async () => {
      const resolve = await loadServerWith('2');
      expect(resolve('6.6.6.6, 198.51.100.9, 10.0.0.1', '10.0.0.2')).toBe('198.51.100.9');
      expect(resolve('198.51.100.9, 10.0.0.1', '10.0.0.2')).toBe('198.51.100.9');
    });

    it('answers the socket address when there are fewer entries than trusted proxies', async () => {
      const resolve = await loadServerWith('2');
      expect(resolve('198.51.100.9', '10.0.0.2')).toBe('10.0.0.2');
      expect(resolve(undefined, '10.0.0.2')).toBe('10.0.0.2');
    });
  });

  it.each(['-1', '1.5', 'yes'])('refuses to start with TRUST_PROXY=%s', async (value) => {
    await expect(loadServerWith(value)).rejects.toThrow(/TRUST_PROXY must be a non-negative integer/);
  });
});

describe('clientIpFrom', () => {
  it('answers the first X-Forwarded-For entry, trimmed', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': ' 198.51.100.9 , 10.0.0.1' }))).toBe('198.51.100.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  });

  it('answers "unknown" without an X-Forwarded-For header or with an empty one', () => {
    expect(clientIpFrom(new Headers())).toBe('unknown');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '' }))).toBe('unknown');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': ' , 1.2.3.4' }))).toBe('unknown');
  });

  it('sees the address server.mjs resolved, not what the client claimed', () => {
    // server.mjs overwrites X-Forwarded-For with its resolved address before Next.js sees it.
    const spoofed = '6.6.6.6';
    const headers = new Headers({ 'x-forwarded-for': resolveClientIp(spoofed, '::ffff:203.0.113.7', 0) });
    expect(clientIpFrom(headers)).toBe('203.0.113.7');

    const behindProxy = new Headers({ 'x-forwarded-for': resolveClientIp(`${spoofed}, 198.51.100.9`, '10.0.0.2', 1) });
    expect(clientIpFrom(behindProxy)).toBe('198.51.100.9');
  });
});
