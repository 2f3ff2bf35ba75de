import 'server-only';
import { z } from 'zod';
import { getDb, uniqueViolationOf, type Executor } from '@/db/client';
import {
  clearDefaultAddress,
  countAddressesOfCustomer,
  deleteAddress,
  insertAddress,
  lockCustomerRow,
  selectAddressById,
  selectAddressByReferenceKey,
  selectAddressByUuid,
  selectAddressesByCustomer,
  selectDefaultFlags,
  updateAddress,
} from '@/db/queries/customer-addresses';
import type { AddressRow, CollectionPoint, CustomerRow } from '@/db/schema';
import { assertActsFor, type Principal } from '../auth/principal';
import { maxAddressesPerCustomer } from '../shared/config';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { internationalPhone } from './countries';
import { addressMergedSchema, addressPatchSchema, addressSchema, backOfficeAddressPatchSchema, backOfficeAddressSchema, referenceKeySchema } from './schema';

/**
 * The address book.
 * - Checks run validation (901) → ownership (411) → address lookup (404); another customer's
 *   address id and a malformed id are "not found", never "forbidden".
 * - Defaults follow Glue: an address becomes the default shipping (billing) address when its flag
 *   is true or when the customer has none yet, so the first address becomes both; making one the
 *   default clears the previous one; `false` never clears a default; deleting a default leaves it
 *   empty until the next POST or PATCH.
 * - An address book holds at most MAX_ADDRESSES_PER_CUSTOMER (100) addresses (`addressLimitReached`).
 * - Writes of one customer are serialized by locking the customer row, and partial unique indexes
 *   allow one default of each kind, so racing requests all succeed and leave exactly one default.
 * - The shopper and the back office (admin principal) write the same rows with the same field and
 *   country rules. The back office may leave out salutation, names and house number (the names
 *   come from the customer) and sets what only it knows (reference key, unique per customer;
 *   recipient gender and title; collection point). Salutation and recipient gender/title are kept
 *   in step: Mr ↔ m, Mrs/Ms ↔ f, Dr ↔ title "Dr.".
 */

/** An address as the domain hands it to transports, in the columns' names. */
export type AddressView = {
  id: number;
  uuid: string;
  referenceKey: string | null;
  salutation: string | null;
  gender: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  street: string;
  houseNumber: string;
  additional: string | null;
  zipCode: string;
  city: string;
  countryCode: string;
  state: string | null;
  company: string | null;
  phone: string | null;
  collectionPoint: CollectionPoint | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** Which address an operation is about: the storefront's UUID, or the admin API's id or reference key. */
export type AddressKey = { uuid: string } | { id: number } | { referenceKey: string };

export function toAddressView(row: AddressRow): AddressView {
  const { customerId: _customerId, ...view } = row;
  return view;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findAddress(db: Executor, customerId: number, key: AddressKey): Promise<AddressRow> {
  let row: AddressRow | undefined;
  if ('uuid' in key) row = UUID.test(key.uuid) ? await selectAddressByUuid(db, customerId, key.uuid.toLowerCase()) : undefined;
  else if ('id' in key) row = Number.isSafeInteger(key.id) && key.id > 0 ? await selectAddressById(db, customerId, key.id) : undefined;
  else row = await selectAddressByReferenceKey(db, customerId, key.referenceKey);
  if (!row) throw new DomainError('addressNotFound');
  return row;
}

const SALUTATION_GENDER: Record<string, string> = { Mr: 'm', Mrs: 'f', Ms: 'f' };
const DOCTOR = /^dr\.?$/i;

/**
 * The columns an address is written with. The shopper's salutation sets the recipient's gender
 * and title; the back office's gender and title set the salutation; the back office's missing
 * names are the customer's.
 */
function toColumns(principal: Principal, values: Record<string, unknown>, customer: Pick<CustomerRow, 'firstName' | 'lastName'>) {
  const { isDefaultShipping: _shipping, isDefaultBilling: _billing, ...columns } = values;
  if (principal.kind === 'customer') {
    const salutation = columns.salutation as string | null;
    const houseNumber = (columns.houseNumber as string | null) ?? '';
    return { ...columns, houseNumber, gender: (salutation && SALUTATION_GENDER[salutation]) ?? null, title: salutation === 'Dr' ? 'Dr.' : null };
  }
  const title = (columns.title as string | null) ?? null;
  const gender = (columns.gender as string | null) ?? null;
  const derived = title && DOCTOR.test(title) ? 'Dr' : gender === 'm' ? 'Mr' : gender === 'f' ? 'Ms' : null;
  return {
    ...columns,
    salutation: (columns.salutation as string | null | undefined) ?? derived,
    firstName: (columns.firstName as string | undefined) ?? customer.firstName ?? '',
    lastName: (columns.lastName as string | undefined) ?? customer.lastName ?? '',
    houseNumber: (columns.houseNumber as string | null | undefined) ?? '',
  };
}

/** The stored address as entity input, for validating a PATCH merged onto it. */
function toInput(principal: Principal, row: AddressRow): Record<string, unknown> {
  const { salutation, firstName, lastName, street, houseNumber, additional, zipCode, city, countryCode, state, company, phone } = row;
  const shared = { salutation, firstName, lastName, street, houseNumber, additional, zipCode, city, countryCode, state, company, phone };
  if (principal.kind === 'customer') return { ...shared, houseNumber: houseNumber || null };
  const { referenceKey, gender, title, collectionPoint } = row;
  return { ...shared, houseNumber: houseNumber || null, referenceKey, gender, title, collectionPoint };
}

/** Which default flags a written address gets, and clears them on the previous holders. */
async function applyDefaults(
  tx: Executor,
  customerId: number,
  current: { shipping: boolean; billing: boolean },
  requested: { shipping?: boolean; billing?: boolean },
) {
  const existing = await selectDefaultFlags(tx, customerId);
  const shipping = current.shipping || requested.shipping === true || !existing.hasShipping;
  const billing = current.billing || requested.billing === true || !existing.hasBilling;
  if (shipping && !current.shipping) await clearDefaultAddress(tx, customerId, 'shipping');
  if (billing && !current.billing) await clearDefaultAddress(tx, customerId, 'billing');
  return { isDefaultShipping: shipping, isDefaultBilling: billing };
}

/** Runs a write; a taken reference key (unique per customer) is `referenceKeyTaken`. */
async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolationOf(error) === 'customer_addresses_reference_key_key') throw new DomainError('referenceKeyTaken');
    throw error;
  }
}

/** Locks the customer row (serializing the address writes of one customer); anonymized customers have no address book. */
async function lockCustomer(tx: Executor, customerId: number) {
  const customer = await lockCustomerRow(tx, customerId);
  if (!customer || customer.anonymizedAt) throw new DomainError('forbidden');
  return customer;
}

export async function listAddresses(principal: Principal, customerId: number | null): Promise<AddressView[]> {
  assertActsFor(principal, customerId);
  // The address book the login check of this request read along, when it did (API tokens).
  const own = principal.kind === 'customer' && principal.customerId === customerId ? principal.addressBook : undefined;
  return (own ?? (await selectAddressesByCustomer(getDb(), customerId))).map(toAddressView);
}

export async function getAddress(principal: Principal, customerId: number | null, key: AddressKey): Promise<AddressView> {
  assertActsFor(principal, customerId);
  return toAddressView(await findAddress(getDb(), customerId, key));
}

export async function addAddress(
  principal: Principal,
  customerId: number | null,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const now = nowOf(context);
  const address = parseInput(principal.kind === 'admin' ? backOfficeAddressSchema : addressSchema, input) as Record<string, unknown>;
  assertActsFor(principal, customerId);
  return writing(() =>
    getDb().transaction(async (tx) => {
      const customer = await lockCustomer(tx, customerId);
      if ((await countAddressesOfCustomer(tx, customerId)) >= maxAddressesPerCustomer()) throw new DomainError('addressLimitReached');
      const flags = await applyDefaults(
        tx,
        customerId,
        { shipping: false, billing: false },
        { shipping: address.isDefaultShipping as boolean | undefined, billing: address.isDefaultBilling as boolean | undefined },
      );
      const row = await insertAddress(tx, { customerId, ...(toColumns(principal, address, customer) as AddressColumns), ...flags, createdAt: now, updatedAt: now });
      return toAddressView(row);
    }),
  );
}

type AddressColumns = Omit<AddressRow, 'id' | 'uuid' | 'customerId' | 'isDefaultShipping' | 'isDefaultBilling' | 'createdAt' | 'updatedAt'>;

export async function changeAddress(
  principal: Principal,
  customerId: number | null,
  key: AddressKey,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const now = nowOf(context);
  const admin = principal.kind === 'admin';
  const patch = parseInput(admin ? backOfficeAddressPatchSchema : addressPatchSchema, input) as Record<string, unknown>;
  assertActsFor(principal, customerId);
  return writing(() =>
    getDb().transaction(async (tx) => {
      const customer = await lockCustomer(tx, customerId);
      const stored = await findAddress(tx, customerId, key);
      const { isDefaultShipping, isDefaultBilling, ...changes } = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      // A phone written as a national number keeps its meaning when the country changes.
      const newCountry = typeof changes.countryCode === 'string' ? changes.countryCode.trim().toUpperCase() : undefined;
      if (newCountry !== undefined && newCountry !== stored.countryCode && changes.phone === undefined && stored.phone !== null) {
        changes.phone = internationalPhone(stored.phone, stored.countryCode);
      }
      // The back office's new gender or title sets the salutation again (unless it sends one).
      if (admin && (changes.gender !== undefined || changes.title !== undefined) && changes.salutation === undefined) changes.salutation = null;
      // The merged address is validated whole: a new zipCode is checked against the stored country.
      const merged = parseInput(admin ? backOfficeAddressSchema : addressMergedSchema, { ...toInput(principal, stored), ...changes }) as Record<string, unknown>;
      const flags = await applyDefaults(
        tx,
        customerId,
        { shipping: stored.isDefaultShipping, billing: stored.isDefaultBilling },
        { shipping: isDefaultShipping as boolean | undefined, billing: isDefaultBilling as boolean | undefined },
      );
      const columns = toColumns(principal, merged, customer) as AddressColumns;
      // A shopper's edit that keeps the salutation keeps the recipient's gender and title as stored.
      if (!admin && merged.salutation === stored.salutation) Object.assign(columns, { gender: stored.gender, title: stored.title });
      const row = await updateAddress(tx, stored.id, { ...columns, ...flags, updatedAt: now });
      return toAddressView(row);
    }),
  );
}

/** Sets (or replaces) an address's reference key; unique per customer. */
export async function setAddressReferenceKey(
  principal: Principal,
  customerId: number | null,
  key: AddressKey,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const { referenceKey } = parseInput(z.object({ referenceKey: referenceKeySchema }), input);
  assertActsFor(principal, customerId);
  return writing(() =>
    getDb().transaction(async (tx) => {
      await lockCustomer(tx, customerId);
      const stored = await findAddress(tx, customerId, key);
      return toAddressView(await updateAddress(tx, stored.id, { referenceKey, updatedAt: nowOf(context) }));
    }),
  );
}

export async function removeAddress(principal: Principal, customerId: number | null, key: AddressKey): Promise<void> {
  assertActsFor(principal, customerId);
  await getDb().transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const stored = await findAddress(tx, customerId, key);
    await deleteAddress(tx, stored.id);
  });
}
