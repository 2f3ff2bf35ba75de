import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb, type Executor } from '@/db/client';
import { insertSession, revokeSession, selectLiveSession, touchSession, updateSessionUsage } from '@/db/queries/auth';
import { storedUserAgent } from '../shared/context';
import { customerPrincipal, type CustomerPrincipal } from './principal';

/**
 * Browser sessions: one row per sign-in, 256-bit random ids. A session lasts 30 days and is
 * extended to 30 days again when it is used in its last 15 days. The Auth.js cookie carries only
 * the id, so revoking the row ends the session on the next request.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_TTL_MS = 30 * DAY_MS;
const EXTEND_WITHIN_MS = 15 * DAY_MS;

/** How stale `lastUsedAt` may get before a request writes it again (it is shown as approximate). */
export const LAST_USED_PRECISION_MS = 5 * 60 * 1000;

export async function startBrowserSession(customerId: number, now: Date = new Date(), userAgent?: string | null): Promise<string> {
  return insertBrowserSession(getDb(), customerId, now, userAgent);
}

/** `startBrowserSession` inside `db` (a transaction that must not commit without the session). */
export async function insertBrowserSession(db: Executor, customerId: number, now: Date, userAgent?: string | null): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id,
    customerId,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    userAgent: storedUserAgent(userAgent),
  });
  return id;
}

/** The principal of a live session, or null when it is unknown, revoked, expired or its customer is gone. */
export async function resolveBrowserSession(sessionId: string, now: Date = new Date()): Promise<CustomerPrincipal | null> {
  const row = await selectLiveSession(getDb(), sessionId, now);
  if (!row) return null;
  if (row.session.expiresAt.getTime() - now.getTime() < EXTEND_WITHIN_MS) {
    await updateSessionUsage(getDb(), sessionId, now, new Date(now.getTime() + SESSION_TTL_MS));
  } else if (now.getTime() - row.session.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await touchSession(getDb(), sessionId, now);
  }
  return customerPrincipal(row.customer.id, { sessionId });
}

export async function endBrowserSession(sessionId: string, now: Date = new Date()): Promise<void> {
  await revokeSession(getDb(), sessionId, now);
}
