import 'server-only';
import { getDb, type Executor } from '@/db/client';
import {
  clearDefaultAddress,
  countAddressesOfCustomer,
  deleteAddress,
  insertAddress,
  lockCustomerRow,
  selectAddressByUuid,
  selectAddressesByCustomer,
  selectDefaultFlags,
  updateAddress,
} from '@/db/queries/customer-addresses';
import type { AddressRow } from '@/db/schema';
import { assertActsFor, type Principal } from '../auth/principal';
import { maxAddressesPerCustomer } from '../shared/config';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { internationalPhone } from './countries';
import { addressPatchSchema, addressSchema, type AddressValues } from './schema';

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
 */

/** An address as the domain hands it to transports, in the columns' names. */
export type AddressView = {
  id: number;
  uuid: string;
  referenceKey: string | null;
  salutation: string | null;
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
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** Which address an operation is about: the storefront knows its UUID (the admin API adds ids and keys). */
export type AddressKey = { uuid: string };

function toAddressView(row: AddressRow): AddressView {
  return {
    id: row.id,
    uuid: row.uuid,
    referenceKey: row.referenceKey,
    salutation: row.salutation,
    firstName: row.firstName,
    lastName: row.lastName,
    street: row.street,
    houseNumber: row.houseNumber,
    additional: row.additional,
    zipCode: row.zipCode,
    city: row.city,
    countryCode: row.countryCode,
    state: row.state,
    company: row.company,
    phone: row.phone,
    isDefaultShipping: row.isDefaultShipping,
    isDefaultBilling: row.isDefaultBilling,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findAddress(db: Executor, customerId: number, key: AddressKey): Promise<AddressRow> {
  const row = UUID.test(key.uuid) ? await selectAddressByUuid(db, customerId, key.uuid.toLowerCase()) : undefined;
  if (!row) throw new DomainError('addressNotFound');
  return row;
}

function toColumns(address: AddressValues) {
  const { isDefaultShipping: _shipping, isDefaultBilling: _billing, ...columns } = address;
  return columns;
}

/** The stored address as entity input, for validating a PATCH merged onto it. */
function toInput(row: AddressRow): Record<string, unknown> {
  const { salutation, firstName, lastName, street, houseNumber, additional, zipCode, city, countryCode, state, company, phone } = row;
  return { salutation, firstName, lastName, street, houseNumber, additional, zipCode, city, countryCode, state, company, phone };
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

export async function listAddresses(principal: Principal, customerId: number | null): Promise<AddressView[]> {
  assertActsFor(principal, customerId);
  return (await selectAddressesByCustomer(getDb(), customerId)).map(toAddressView);
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
  const address = parseInput(addressSchema, input);
  assertActsFor(principal, customerId);
  return getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, customerId))) throw new DomainError('forbidden');
    if ((await countAddressesOfCustomer(tx, customerId)) >= maxAddressesPerCustomer()) throw new DomainError('addressLimitReached');
    const flags = await applyDefaults(
      tx,
      customerId,
      { shipping: false, billing: false },
      { shipping: address.isDefaultShipping, billing: address.isDefaultBilling },
    );
    const row = await insertAddress(tx, { customerId, ...toColumns(address), ...flags, createdAt: now, updatedAt: now });
    return toAddressView(row);
  });
}

export async function changeAddress(
  principal: Principal,
  customerId: number | null,
  key: AddressKey,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const now = nowOf(context);
  const patch = parseInput(addressPatchSchema, input);
  assertActsFor(principal, customerId);
  return getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, customerId))) throw new DomainError('forbidden');
    const stored = await findAddress(tx, customerId, key);
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const { isDefaultShipping, isDefaultBilling, ...changes } = given as typeof patch;
    // A phone written as a national number keeps its meaning when the country changes.
    const newCountry = typeof changes.countryCode === 'string' ? changes.countryCode.trim().toUpperCase() : undefined;
    if (newCountry !== undefined && newCountry !== stored.countryCode && changes.phone === undefined && stored.phone !== null) {
      changes.phone = internationalPhone(stored.phone, stored.countryCode);
    }
    // The merged address is validated whole: a new zipCode is checked against the stored country.
    const merged = parseInput(addressSchema, { ...toInput(stored), ...changes });
    const flags = await applyDefaults(
      tx,
      customerId,
      { shipping: stored.isDefaultShipping, billing: stored.isDefaultBilling },
      { shipping: isDefaultShipping, billing: isDefaultBilling },
    );
    const row = await updateAddress(tx, stored.id, { ...toColumns(merged), ...flags, updatedAt: now });
    return toAddressView(row);
  });
}

export async function removeAddress(principal: Principal, customerId: number | null, key: AddressKey): Promise<void> {
  assertActsFor(principal, customerId);
  await getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, customerId))) throw new DomainError('forbidden');
    const stored = await findAddress(tx, customerId, key);
    await deleteAddress(tx, stored.id);
  });
}
