import { bigint, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = () => timestamp({ withTimezone: true, precision: 6 });

/**
 * Keys of the admin API (`X-Access-Token`). Only the SHA-256 of a key is stored (a key has 256
 * random bits, so a fast hash is enough); a revoked key stays listed with `revokedAt`.
 */
export const adminApiKeys = pgTable(
  'admin_api_keys',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    keyHash: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    /** Approximate: written at most once a minute by the requests the key serves. */
    lastUsedAt: ts(),
    revokedAt: ts(),
  },
  (t) => [uniqueIndex('admin_api_keys_key_hash_key').on(t.keyHash)],
);

export type AdminApiKeyRow = typeof adminApiKeys.$inferSelect;
