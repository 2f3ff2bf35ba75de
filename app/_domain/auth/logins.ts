import 'server-only';
import { createHash } from 'node:crypto';
import Bowser from 'bowser';
import { getDb } from '@/db/client';
import {
  revokeSessionOfCustomer,
  revokeTokenFamilyOfCustomer,
  selectLiveSessionsOfCustomer,
  selectLiveTokenFamiliesOfCustomer,
  selectRecentSignIns,
} from '@/db/queries/auth';
import { DomainError } from '../shared/errors';
import { assertActsFor, type CustomerPrincipal } from './principal';
import { revokeCustomerLogins } from './revocation';

/**
 * The logins a shopper can see and end: browser sessions and API logins (token families).
 * - A login is shown by a public handle (a hash of its id): a session id is a credential and never
 *   leaves the server.
 * - Ending one login, or every login but the caller's, is checked against the principal here;
 *   "sign out everywhere else" also voids pending email changes (see revocation.ts).
 */

export type LoginView = {
  handle: string;
  kind: 'browser' | 'api';
  device: string;
  signedInAt: Date;
  lastUsedAt: Date;
  current: boolean;
};

export type SignInView = { kind: 'browser' | 'api'; at: Date; device: string };

export type LoginsView = { logins: LoginView[]; recentSignIns: SignInView[] };

function handleOf(kind: 'browser' | 'api', id: string): string {
  return `${kind === 'browser' ? 's' : 'a'}_${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}

/** "Firefox 133 on Linux", from the User-Agent kept at sign-in. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const os = parsed.os.name ?? '';
  if (!browser && !os) return userAgent.slice(0, 60);
  return os ? `${browser || 'A browser'} on ${os}` : browser;
}

export async function listLogins(principal: CustomerPrincipal, now: Date = new Date()): Promise<LoginsView> {
  const db = getDb();
  const [sessions, families, signIns] = await Promise.all([
    selectLiveSessionsOfCustomer(db, principal.customerId, now),
    selectLiveTokenFamiliesOfCustomer(db, principal.customerId, now),
    selectRecentSignIns(db, principal.customerId, 10),
  ]);
  const logins: LoginView[] = [
    ...sessions.map((s) => ({
      handle: handleOf('browser', s.id),
      kind: 'browser' as const,
      device: describeDevice(s.userAgent),
      signedInAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      current: s.id === principal.sessionId,
    })),
    ...families.map((f) => ({
      handle: handleOf('api', f.id),
      kind: 'api' as const,
      device: describeDevice(f.userAgent),
      signedInAt: f.createdAt,
      lastUsedAt: f.lastUsedAt,
      current: f.id === principal.familyId,
    })),
  ];
  return { logins, recentSignIns: signIns.map((s) => ({ kind: s.kind, at: s.at, device: describeDevice(s.userAgent) })) };
}

/** Ends one of the principal's logins by its handle; an unknown handle is `forbidden`. */
export async function endLogin(principal: CustomerPrincipal, customerId: number | null, handle: string, now: Date = new Date()): Promise<void> {
  assertActsFor(principal, customerId);
  const db = getDb();
  for (const session of await selectLiveSessionsOfCustomer(db, customerId, now)) {
    if (handleOf('browser', session.id) === handle) return revokeSessionOfCustomer(db, customerId, session.id, now);
  }
  for (const family of await selectLiveTokenFamiliesOfCustomer(db, customerId, now)) {
    if (handleOf('api', family.id) === handle) return revokeTokenFamilyOfCustomer(db, customerId, family.id, now);
  }
  throw new DomainError('forbidden');
}

/** "Sign out everywhere else": every session and API login but the caller's own. */
export async function endOtherLogins(principal: CustomerPrincipal, customerId: number | null, now: Date = new Date()): Promise<void> {
  assertActsFor(principal, customerId);
  await revokeCustomerLogins(customerId, now, { sessionId: principal.sessionId, familyId: principal.familyId });
}
