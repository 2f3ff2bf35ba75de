import 'server-only';
import { getDb } from '@/db/client';
import { selectCustomerById } from '@/db/queries/customers';
import { selectEmailLogOfCustomer } from '@/db/queries/email-outbox';
import { listAddresses } from '../addresses/service';
import { listLogins } from '../auth/logins';
import { listSubscriptions } from '../notifications/service';
import { assertActsFor, type CustomerPrincipal } from '../auth/principal';
import { DomainError } from '../shared/errors';
import { toCustomerReference } from './reference';

/**
 * Everything the shop holds about a customer, for the customer (GDPR Art. 15 access and Art. 20
 * portability): profile, address book, subscriptions, logins and recent sign-ins, and the log of
 * emails sent (kind, address, subject, times — not the bodies, which carry single-use keys).
 * Never a password hash, key or token.
 */
export type CustomerExport = Awaited<ReturnType<typeof exportCustomerData>>;

export async function exportCustomerData(principal: CustomerPrincipal, customerId: number | null, now: Date = new Date()) {
  assertActsFor(principal, customerId);
  const row = await selectCustomerById(getDb(), customerId);
  if (!row || row.anonymizedAt) throw new DomainError('forbidden');
  const [addresses, subscriptions, logins, emails] = await Promise.all([
    listAddresses(principal, customerId),
    listSubscriptions(principal, customerId),
    listLogins(principal, now),
    selectEmailLogOfCustomer(getDb(), customerId),
  ]);
  return {
    exportedAt: now.toISOString(),
    customer: {
      customerReference: toCustomerReference(row.id),
      salutation: row.salutation,
      title: row.title,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      gender: row.gender,
      dateOfBirth: row.dateOfBirth,
      phone: row.phone,
      company: row.company,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    addresses: addresses.map(({ id: _id, referenceKey: _key, createdAt, updatedAt, ...address }) => ({
      ...address,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    subscriptions: subscriptions.map(({ key: _key, createdAt, ...subscription }) => ({ ...subscription, createdAt: createdAt.toISOString() })),
    logins: logins.logins.map(({ handle: _handle, signedInAt, lastUsedAt, ...login }) => ({
      ...login,
      signedInAt: signedInAt.toISOString(),
      lastUsedAt: lastUsedAt.toISOString(),
    })),
    recentSignIns: logins.recentSignIns.map((s) => ({ ...s, at: s.at.toISOString() })),
    emails: emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
  };
}
