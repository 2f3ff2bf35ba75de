import 'server-only';
import { getDb, uniqueViolationOf, type Executor } from '@/db/client';
import { selectCustomerByReferenceKey, selectCustomerPage, updateCustomerReferenceKey, type CustomerListPage } from '@/db/queries/admin-customers';
import { selectAddressesByCustomer, selectAddressesByCustomers } from '@/db/queries/customer-addresses';
import { deleteCustomerKeys } from '@/db/queries/customer-keys';
import { insertCustomerStrict, selectCustomerById, updateCustomerPassword } from '@/db/queries/customers';
import type { AddressRow, CustomerRow } from '@/db/schema';
import { toAddressView, type AddressView } from '../addresses/service';
import type { AdminPrincipal } from '../auth/principal';
import { revokeCustomerLogins } from '../auth/revocation';
import { newPublicKey } from '../customers/registration';
import { toCustomerReference } from '../customers/reference';
import { hashPassword, PASSWORD_HASH_TYPE } from '../passwords/hashing';
import { importPasswordHash } from '../passwords/imported';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError, isDomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { customerCreateSchema, importedHashSchema, passwordSetSchema, referenceKeyInputSchema, type HashingType } from './schema';

/**
 * The back office's view of customers (the admin API), over the same rows as the storefront.
 * - A customer is named by its id or its reference key; an unknown one is `customerNotFound`.
 *   Anonymized customers stay readable (their personal columns are empty) but refuse writes.
 * - Created customers are confirmed at once (no email); a taken email or reference key is a
 *   conflict decided by the unique indexes, never by select-then-insert.
 * - Setting a password or a password hash ends every session and token family of the customer
 *   and voids pending email changes and reset links. Imported hashes are re-hashed to argon2id
 *   at the next sign-in (passwords/imported.ts).
 * - Lists page by keyset (db/queries/admin-customers.ts), never by offset.
 */

export type { CustomerListFilters, CustomerListPage, SortColumn } from '@/db/queries/admin-customers';

export type CustomerIdentifier = { id: number } | { referenceKey: string };

export type AdminCustomerView = {
  id: number;
  reference: string;
  referenceKey: string | null;
  publicKey: string;
  salutation: string | null;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  gender: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  company: string | null;
  groups: string[];
  isActive: boolean;
  isConfirmed: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  passwordResetRequestedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  legacyCustomData?: unknown[];
  addresses?: AddressView[];
};

/** `unique`: one address per distinct content (the first, defaults first); `all`: every address. */
export type AddressInclusion = 'unique' | 'all';
export type CustomerInclude = { addresses?: AddressInclusion; legacyCustomData?: boolean };

function toView(row: CustomerRow, include: CustomerInclude, addresses: AddressRow[] = []): AdminCustomerView {
  const view: AdminCustomerView = {
    id: row.id,
    reference: toCustomerReference(row.id),
    referenceKey: row.referenceKey,
    publicKey: row.publicKey,
    salutation: row.salutation,
    title: row.title,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    gender: row.gender,
    dateOfBirth: row.dateOfBirth,
    phone: row.phone,
    company: row.company,
    groups: row.groups,
    isActive: row.isActive,
    isConfirmed: row.confirmedAt !== null,
    hasPassword: row.passwordHash !== null || row.passwordHashType === 'external',
    lastLoginAt: row.lastLoginAt,
    passwordResetRequestedAt: row.passwordResetRequestedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (include.legacyCustomData) view.legacyCustomData = row.legacyCustomData;
  if (include.addresses) view.addresses = (include.addresses === 'unique' ? uniqueByContent(addresses) : addresses).map(toAddressView);
  return view;
}

function uniqueByContent(rows: AddressRow[]): AddressRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const content = JSON.stringify([
      r.salutation, r.gender, r.title, r.firstName, r.lastName, r.street, r.houseNumber, r.additional,
      r.zipCode, r.city, r.countryCode, r.state, r.phone, r.company, r.collectionPoint,
    ]);
    if (seen.has(content)) return false;
    seen.add(content);
    return true;
  });
}

async function findCustomer(db: Executor, identifier: CustomerIdentifier): Promise<CustomerRow> {
  const row =
    'id' in identifier
      ? Number.isSafeInteger(identifier.id) && identifier.id > 0
        ? await selectCustomerById(db, identifier.id)
        : undefined
      : await selectCustomerByReferenceKey(db, identifier.referenceKey);
  if (!row) throw new DomainError('customerNotFound');
  return row;
}

async function findWritableCustomer(db: Executor, identifier: CustomerIdentifier): Promise<CustomerRow> {
  const row = await findCustomer(db, identifier);
  if (row.anonymizedAt) throw new DomainError('customerNotFound');
  return row;
}

/** The internal id of a customer the back office names (for the address book services). */
export async function resolveCustomerId(_principal: AdminPrincipal, identifier: CustomerIdentifier): Promise<number> {
  return (await findWritableCustomer(getDb(), identifier)).id;
}

export async function getCustomerForAdmin(_principal: AdminPrincipal, identifier: CustomerIdentifier, include: CustomerInclude = {}): Promise<AdminCustomerView> {
  const db = getDb();
  const row = await findCustomer(db, identifier);
  const addresses = include.addresses ? await selectAddressesByCustomer(db, row.id) : [];
  return toView(row, include, addresses);
}

export type CustomerList = { customers: AdminCustomerView[]; next: { value: string; id: number } | null };

export async function listCustomersForAdmin(_principal: AdminPrincipal, page: CustomerListPage, include: CustomerInclude = {}): Promise<CustomerList> {
  const db = getDb();
  const rows = await selectCustomerPage(db, page);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const addresses = include.addresses ? await selectAddressesByCustomers(db, shown.map((r) => r.customer.id)) : [];
  const byCustomer = new Map<number, AddressRow[]>();
  for (const address of addresses) byCustomer.set(address.customerId, [...(byCustomer.get(address.customerId) ?? []), address]);
  const last = shown.at(-1);
  return {
    customers: shown.map((r) => toView(r.customer, include, byCustomer.get(r.customer.id) ?? [])),
    next: more && last ? { value: last.sortValue, id: last.customer.id } : null,
  };
}

const SALUTATION_OF_GENDER: Record<string, string> = { Male: 'Mr', Female: 'Ms' };

/** Conflicts of a customer write: a taken email or reference key. */
function conflictOf(error: unknown): DomainError | null {
  const constraint = uniqueViolationOf(error);
  if (constraint === 'customers_email_lower_key') return new DomainError('emailTaken');
  if (constraint === 'customers_reference_key_key') return new DomainError('referenceKeyTaken');
  return null;
}

/** The imported hash of a new customer; an unsupported one is reported at its place in the body (`passwordHash.hash`). */
function importCreatedHash(passwordHash: { hash?: string | undefined; hashingType: HashingType }) {
  try {
    return importPasswordHash(passwordHash.hash ?? '', passwordHash.hashingType);
  } catch (error) {
    if (isDomainError(error) && error.code === 'unsupportedHash') {
      throw new DomainError('unsupportedHash', { fields: [{ field: 'passwordHash.hash', code: 'invalid' }] });
    }
    throw error;
  }
}

export async function createCustomerForAdmin(_principal: AdminPrincipal, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<AdminCustomerView> {
  const now = nowOf(context);
  const data = parseInput(customerCreateSchema, input);
  const password = data.password
    ? { passwordHash: await hashPassword(data.password), passwordHashType: PASSWORD_HASH_TYPE }
    : data.passwordHash
      ? importCreatedHash(data.passwordHash)
      : { passwordHash: null, passwordHashType: null };
  try {
    const row = await insertCustomerStrict(getDb(), {
      publicKey: newPublicKey(),
      salutation: data.gender ? (SALUTATION_OF_GENDER[data.gender] ?? null) : null,
      title: data.title,
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email,
      gender: data.gender ?? null,
      dateOfBirth: data.dateOfBirth ?? null,
      phone: data.phone,
      referenceKey: data.referenceKey ?? null,
      groups: data.groups ?? [],
      ...password,
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    return toView(row, {});
  } catch (error) {
    throw conflictOf(error) ?? error;
  }
}

export async function setCustomerReferenceKey(_principal: AdminPrincipal, customerId: number, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<AdminCustomerView> {
  const { referenceKey } = parseInput(referenceKeyInputSchema, input);
  const db = getDb();
  const customer = await findWritableCustomer(db, { id: customerId });
  try {
    const row = await updateCustomerReferenceKey(db, customer.id, referenceKey, nowOf(context));
    if (!row) throw new DomainError('customerNotFound');
    return toView(row, {});
  } catch (error) {
    throw conflictOf(error) ?? error;
  }
}

async function replacePassword(customer: CustomerRow, passwordHash: string | null, passwordHashType: string, now: Date): Promise<void> {
  await getDb().transaction(async (tx) => {
    await updateCustomerPassword(tx, customer.id, passwordHash, passwordHashType, now);
    await revokeCustomerLogins(customer.id, now, {}, tx);
    await deleteCustomerKeys(tx, customer.id, 'reset_password');
  });
}

/** setCustomerPassword: stores the argon2id hash of a plain password; ends every login. */
export async function setCustomerPassword(_principal: AdminPrincipal, identifier: CustomerIdentifier, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<void> {
  const { password } = parseInput(passwordSetSchema, input);
  const customer = await findWritableCustomer(getDb(), identifier);
  await replacePassword(customer, await hashPassword(password), PASSWORD_HASH_TYPE, nowOf(context));
}

/** setCustomerPasswordHash: stores an imported hash (or the external flag); ends every login. */
export async function setCustomerPasswordHash(_principal: AdminPrincipal, identifier: CustomerIdentifier, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<void> {
  const { hash, hashingType } = parseInput(importedHashSchema, input);
  const imported = importPasswordHash(hash ?? '', hashingType);
  const customer = await findWritableCustomer(getDb(), identifier);
  await replacePassword(customer, imported.passwordHash, imported.passwordHashType, nowOf(context));
}
