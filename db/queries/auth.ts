import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { ADDRESS_BOOK_ORDER } from './customer-addresses';
import { customerAddresses, customers, refreshTokens, sessions, tokenFamilies, type AddressRow } from '../schema';

// ---------------------------------------------------------------- browser sessions

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/** The session with its customer, when the row is live (not revoked, not expired, customer usable). */
export async function selectLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, customer: customers })
    .from(sessions)
    .innerJoin(customers, eq(customers.id, sessions.customerId))
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(customers.anonymizedAt),
        eq(customers.isActive, true),
      ),
    );
  return row;
}

export async function updateSessionUsage(db: Executor, id: string, lastUsedAt: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastUsedAt, expiresAt }).where(eq(sessions.id, id));
}

export async function touchSession(db: Executor, id: string, lastUsedAt: Date) {
  await db.update(sessions).set({ lastUsedAt }).where(eq(sessions.id, id));
}

export async function touchTokenFamily(db: Executor, id: string, lastUsedAt: Date) {
  await db.update(tokenFamilies).set({ lastUsedAt }).where(eq(tokenFamilies.id, id));
}

/** A customer's live sessions, most recently used first. */
export async function selectLiveSessionsOfCustomer(db: Executor, customerId: number, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.customerId, customerId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastUsedAt));
}

/** A customer's live API logins (a family with a refresh token that still works), most recently used first. */
export async function selectLiveTokenFamiliesOfCustomer(db: Executor, customerId: number, now: Date) {
  return db
    .select()
    .from(tokenFamilies)
    .where(
      and(
        eq(tokenFamilies.customerId, customerId),
        isNull(tokenFamilies.revokedAt),
        sql`exists (select 1 from ${refreshTokens} where ${refreshTokens.familyId} = ${tokenFamilies.id} and ${refreshTokens.revokedAt} is null and ${refreshTokens.usedAt} is null and ${refreshTokens.expiresAt} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(desc(tokenFamilies.lastUsedAt));
}

/** The latest sign-ins of a customer (browser sessions and API logins alike, revoked ones too). */
export async function selectRecentSignIns(db: Executor, customerId: number, limit: number) {
  const browser = await db
    .select({ at: sessions.createdAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.customerId, customerId))
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
  const api = await db
    .select({ at: tokenFamilies.createdAt, userAgent: tokenFamilies.userAgent })
    .from(tokenFamilies)
    .where(eq(tokenFamilies.customerId, customerId))
    .orderBy(desc(tokenFamilies.createdAt))
    .limit(limit);
  return [...browser.map((r) => ({ ...r, kind: 'browser' as const })), ...api.map((r) => ({ ...r, kind: 'api' as const }))]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
}

export async function revokeSessionOfCustomer(db: Executor, customerId: number, id: string, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), eq(sessions.customerId, customerId), isNull(sessions.revokedAt)));
}

export async function revokeTokenFamilyOfCustomer(db: Executor, customerId: number, id: string, now: Date) {
  await db
    .update(tokenFamilies)
    .set({ revokedAt: now })
    .where(and(eq(tokenFamilies.id, id), eq(tokenFamilies.customerId, customerId), isNull(tokenFamilies.revokedAt)));
}

export async function revokeSession(db: Executor, id: string, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a customer except `keepId`. */
export async function revokeCustomerSessions(db: Executor, customerId: number, now: Date, keepId?: string) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.customerId, customerId), isNull(sessions.revokedAt), keepId ? ne(sessions.id, keepId) : undefined));
}

// ---------------------------------------------------------------- API token families

/** Built and prepared once per database (hot paths: drizzle does not build the SQL again). */
function preparedPerDatabase<T>(prepare: (db: Executor) => T): (db: Executor) => T {
  const statements = new WeakMap<Executor, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = prepare(db);
      statements.set(db, statement);
    }
    return statement;
  };
}

/** The family named by the `familyId` placeholder, while it and its customer are usable. */
const liveFamily = and(
  eq(tokenFamilies.id, sql.placeholder('familyId')),
  isNull(tokenFamilies.revokedAt),
  isNull(customers.anonymizedAt),
  eq(customers.isActive, true),
);

const liveTokenFamilyStatement = preparedPerDatabase((db) =>
  db
    .select({ family: tokenFamilies, customer: customers })
    .from(tokenFamilies)
    .innerJoin(customers, eq(customers.id, tokenFamilies.customerId))
    .where(liveFamily)
    .prepare('select_live_token_family'),
);

/** The token family with its customer, when both are live (the check behind every API request): one indexed lookup. */
export async function selectLiveTokenFamily(db: Executor, familyId: string) {
  const [row] = await liveTokenFamilyStatement(db).execute({ familyId });
  return row;
}

const liveTokenFamilyWithAddressesStatement = preparedPerDatabase((db) =>
  db
    .select({ family: tokenFamilies, customer: customers, address: customerAddresses })
    .from(tokenFamilies)
    .innerJoin(customers, eq(customers.id, tokenFamilies.customerId))
    .leftJoin(customerAddresses, eq(customerAddresses.customerId, customers.id))
    .where(liveFamily)
    .orderBy(...ADDRESS_BOOK_ORDER)
    .prepare('select_live_token_family_with_addresses'),
);

/**
 * The check of `selectLiveTokenFamily` and the customer's address book in the same statement (a
 * left join: one row per address, in the address book's order), for `GET …/addresses`.
 */
export async function selectLiveTokenFamilyWithAddresses(db: Executor, familyId: string) {
  const rows = await liveTokenFamilyWithAddressesStatement(db).execute({ familyId });
  const [first] = rows;
  if (!first) return undefined;
  const addresses: AddressRow[] = rows.flatMap((row) => (row.address ? [row.address] : []));
  return { family: first.family, customer: first.customer, addresses };
}

export async function revokeTokenFamily(db: Executor, familyId: string, now: Date) {
  await db.update(tokenFamilies).set({ revokedAt: now }).where(and(eq(tokenFamilies.id, familyId), isNull(tokenFamilies.revokedAt)));
}

/** Revokes every live token family of a customer except `keepId`. */
export async function revokeCustomerTokenFamilies(db: Executor, customerId: number, now: Date, keepId?: string) {
  await db
    .update(tokenFamilies)
    .set({ revokedAt: now })
    .where(
      and(eq(tokenFamilies.customerId, customerId), isNull(tokenFamilies.revokedAt), keepId ? ne(tokenFamilies.id, keepId) : undefined),
    );
}

// ---------------------------------------------------------------- refresh tokens

export async function insertRefreshToken(db: Executor, values: typeof refreshTokens.$inferInsert) {
  await db.insert(refreshTokens).values(values);
}

/** A new token family and its first refresh token, in one statement (one round trip at sign-in). */
export async function insertTokenFamilyWithRefreshToken(
  db: Executor,
  family: { id: string; customerId: number; userAgent: string | null },
  token: { tokenHash: string; createdAt: Date; expiresAt: Date },
) {
  await db.execute(sql`
    with family as (
      insert into ${tokenFamilies} (id, customer_id, user_agent) values (${family.id}, ${family.customerId}, ${family.userAgent}) returning id
    )
    insert into ${refreshTokens} (token_hash, family_id, customer_id, created_at, expires_at)
    select ${token.tokenHash}, family.id, ${family.customerId}, ${token.createdAt.toISOString()}::timestamptz, ${token.expiresAt.toISOString()}::timestamptz from family`);
}

/**
 * Marks a live refresh token as used and returns it; undefined when it is unknown, expired,
 * revoked or already used. Of two concurrent calls exactly one gets the row.
 */
export async function markRefreshTokenUsed(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .update(refreshTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAt),
        isNull(refreshTokens.revokedAt),
        gt(refreshTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function selectRefreshToken(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}
