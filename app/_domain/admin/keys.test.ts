import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { adminApiKeys } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { DomainError } from '../shared/errors';
import { createAdminKey, listAdminKeys, resolveAdminKey, revokeAdminKey } from './keys';

setupTestDatabase();

// Lets a test make the last-used write fail (a database hiccup after the key was found).
const touch = vi.hoisted(() => ({ fails: false }));
vi.mock('@/db/queries/admin-api-keys', async (importOriginal) => {
  const queries = await importOriginal<typeof import('@/db/queries/admin-api-keys')>();
  return {
    ...queries,
    touchAdminApiKey: (...args: Parameters<typeof queries.touchAdminApiKey>) =>
      touch.fails ? Promise.reject(new Error('write failed')) : queries.touchAdminApiKey(...args),
  };
});

async function lastUsedAt(id: number): Promise<Date | null> {
  const keys = await listAdminKeys();
  return keys.find((k) => k.id === id)!.lastUsedAt;
}

describe('admin API keys', () => {
  it('creates a prefixed 256-bit key that resolves to an admin principal and records its use', async () => {
    const created = await createAdminKey('  ERP  ');
    expect(created.name).toBe('ERP');
    expect(created.key).toMatch(/^sk_admin_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.key.slice('sk_admin_'.length), 'base64url')).toHaveLength(32);

    const now = new Date('2026-06-01T12:00:00Z');
    expect(await resolveAdminKey(created.key, now)).toEqual({ kind: 'admin', keyId: created.id });
    expect(await lastUsedAt(created.id)).toEqual(now);
  });

  it('stores only the SHA-256 of the key', async () => {
    const { id, key } = await createAdminKey('CRM');
    const rows = await getDb().select().from(adminApiKeys);
    const row = rows.find((r) => r.id === id)!;
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(key.slice('sk_admin_'.length));
  });

  it('makes a different key every time', async () => {
    const a = await createAdminKey('twin');
    const b = await createAdminKey('twin');
    expect(a.key).not.toBe(b.key);
  });

  it('refuses a missing, empty, overlong, wrong or near-miss key', async () => {
    const { key } = await createAdminKey('near-miss');
    expect(await resolveAdminKey(null)).toBeNull();
    expect(await resolveAdminKey('')).toBeNull();
    expect(await resolveAdminKey(key + 'x'.repeat(200))).toBeNull();
    expect(await resolveAdminKey('sk_admin_' + 'A'.repeat(43))).toBeNull();
    expect(await resolveAdminKey(key.slice(0, -1))).toBeNull();
    expect(await resolveAdminKey(` ${key}`)).toBeNull();
  });

  it('validates the name', async () => {
    for (const name of [undefined, null, '', '   ', 42, 'x'.repeat(101), 'tab\there']) {
      await expect(createAdminKey(name)).rejects.toBeInstanceOf(DomainError);
    }
    await expect(createAdminKey('x'.repeat(101))).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuses a revoked key on the very next request, and revokes once', async () => {
    const { id, key } = await createAdminKey('ex-partner');
    expect(await resolveAdminKey(key)).not.toBeNull();

    expect(await revokeAdminKey(id)).toBe(true);
    expect(await resolveAdminKey(key)).toBeNull();
    expect(await revokeAdminKey(id)).toBe(false);
    expect(await revokeAdminKey(String(id))).toBe(false);

    const listed = (await listAdminKeys()).find((k) => k.id === id)!;
    expect(listed.revokedAt).toBeInstanceOf(Date);
    expect(listed).toEqual({ id, name: 'ex-partner', createdAt: expect.any(Date), lastUsedAt: expect.any(Date), revokedAt: expect.any(Date) });
  });

  it('returns false for an unknown or malformed id, and accepts an id as digits', async () => {
    const { id } = await createAdminKey('by-string');
    for (const bad of [999_999, 0, -1, 1.5, 'abc', '', null, undefined, `${id} `]) {
      expect(await revokeAdminKey(bad)).toBe(false);
    }
    expect(await revokeAdminKey(String(id))).toBe(true);
  });

  it('lists every key by id with its dates', async () => {
    const keys = await listAdminKeys();
    expect(keys.map((k) => k.id)).toEqual([...keys.map((k) => k.id)].sort((a, b) => a - b));
    expect(Object.keys(keys[0]!).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
  });

  it('writes last_used_at at most once a minute', async () => {
    const { id, key } = await createAdminKey('busy');
    const t0 = new Date('2026-06-01T12:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    expect(await resolveAdminKey(key, t0)).not.toBeNull();
    expect(await resolveAdminKey(key, at(30))).not.toBeNull();
    expect(await resolveAdminKey(key, at(59))).not.toBeNull();
    expect(await lastUsedAt(id)).toEqual(t0);

    expect(await resolveAdminKey(key, at(61))).not.toBeNull();
    expect(await lastUsedAt(id)).toEqual(at(61));
  });

  it('accepts the key when recording its use fails', async () => {
    const { id, key } = await createAdminKey('hiccup');
    touch.fails = true;
    try {
      expect(await resolveAdminKey(key)).toEqual({ kind: 'admin', keyId: id });
    } finally {
      touch.fails = false;
    }
    expect(await lastUsedAt(id)).toBeNull();
  });
});
