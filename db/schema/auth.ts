import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';

const ts = () => timestamp({ withTimezone: true, precision: 6 });

/**
 * Browser sessions. The Auth.js cookie (a JWT) carries only the row id; every request checks the
 * row, so revoking it (sign-out, password change, anonymization) ends the session at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    customerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: ts().notNull().defaultNow(),
    lastUsedAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    revokedAt: ts(),
    /** The browser's User-Agent at sign-in (shown on the security page; at most 512 characters). */
    userAgent: text(),
  },
  (t) => [index('sessions_customer_idx').on(t.customerId)],
);

/**
 * One API login (POST /access-tokens) and every token rotated from it. Access tokens name their
 * family; revoking the family ends its refresh and access tokens at once.
 */
export const tokenFamilies = pgTable(
  'token_families',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: ts().notNull().defaultNow(),
    revokedAt: ts(),
    /** Approximate: refreshed at most every few minutes by the requests the family serves. */
    lastUsedAt: ts().notNull().defaultNow(),
    userAgent: text(),
  },
  (t) => [index('token_families_customer_idx').on(t.customerId)],
);

/** Refresh tokens, stored as SHA-256 only; `usedAt` is set when a token is rotated. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text().primaryKey(),
    familyId: uuid()
      .notNull()
      .references(() => tokenFamilies.id, { onDelete: 'cascade' }),
    customerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    usedAt: ts(),
    revokedAt: ts(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_customer_idx').on(t.customerId)],
);
