import 'server-only';
import { getDb, type Executor } from '@/db/client';
import {
  clearDefaultAddress,
  deleteAddress,
  insertAddress,
  lockCustomerRow,
  selectAddressByUuid,
  selectAddressesByCustomer,
  selectDefaultFlags,
  updateAddress,
} from '@/db/queries/customer-addresses';
import type { AddressRow } from '@/db/schema';
import type { Actor } from '../auth/actor';
import { assertOwnReference } from '../customers/account';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { countryName } from './countries';
import { addressPatchSchema, addressSchema, type AddressValues } from './schema';

/**
 * The address book.
 * - Checks run validation (901) → ownership (411) → address lookup (404); another customer's
 *   address id and a malformed id are "not found", never "forbidden".
 * - Defaults follow Glue: an address becomes the default shipping (billing) address when its flag
 *   is true or when the customer has none yet, so the first address becomes both; making one the
 *   default clears the previous one; `false` never clears a default; deleting a default leaves it
 *   empty until the next POST or PATCH.
 * - Writes of one customer are serialized by locking the customer row, and partial unique indexes
 *   allow one default of each kind, so racing requests all succeed and leave exactly one default.
 */

export type AddressView = {
  id: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  address3: string | null;
  zipCode: string;
  city: string;
  iso2Code: string;
  country: string;
  state: string | null;
  company: string | null;
  phone: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
};

function toAddressView(row: AddressRow): AddressView {
  return {
    id: row.uuid,
    salutation: row.salutation,
    firstName: row.firstName,
    lastName: row.lastName,
    address1: row.street,
    address2: row.houseNumber,
    address3: row.additional,
    zipCode: row.zipCode,
    city: row.city,
    iso2Code: row.countryCode,
    country: countryName(row.countryCode),
    state: row.state,
    company: row.company,
    phone: row.phone,
    isDefaultShipping: row.isDefaultShipping,
    isDefaultBilling: row.isDefaultBilling,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findAddress(db: Executor, customerId: number, addressId: string): Promise<AddressRow> {
  const row = UUID.test(addressId) ? await selectAddressByUuid(db, customerId, addressId.toLowerCase()) : undefined;
  if (!row) throw new DomainError('addressNotFound');
  return row;
}

/** Storefront field names → columns (the admin API maps its own names onto the same columns). */
function toColumns(address: AddressValues) {
  return {
    salutation: address.salutation,
    firstName: address.firstName,
    lastName: address.lastName,
    street: address.address1,
    houseNumber: address.address2,
    additional: address.address3,
    zipCode: address.zipCode,
    city: address.city,
    countryCode: address.iso2Code,
    state: address.state,
    company: address.company,
    phone: address.phone,
  };
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

export async function listAddresses(actor: Actor, reference: string): Promise<AddressView[]> {
  assertOwnReference(actor, reference);
  return (await selectAddressesByCustomer(getDb(), actor.customerId)).map(toAddressView);
}

export async function getAddress(actor: Actor, reference: string, addressId: string): Promise<AddressView> {
  assertOwnReference(actor, reference);
  return toAddressView(await findAddress(getDb(), actor.customerId, addressId));
}

export async function addAddress(
  actor: Actor,
  reference: string,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const now = nowOf(context);
  const address = parseInput(addressSchema, input);
  assertOwnReference(actor, reference);
  return getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, actor.customerId))) throw new DomainError('forbidden');
    const flags = await applyDefaults(
      tx,
      actor.customerId,
      { shipping: false, billing: false },
      { shipping: address.isDefaultShipping, billing: address.isDefaultBilling },
    );
    const row = await insertAddress(tx, { customerId: actor.customerId, ...toColumns(address), ...flags, createdAt: now, updatedAt: now });
    return toAddressView(row);
  });
}

export async function changeAddress(
  actor: Actor,
  reference: string,
  addressId: string,
  input: unknown,
  context: Pick<RequestContext, 'now'> = {},
): Promise<AddressView> {
  const now = nowOf(context);
  const patch = parseInput(addressPatchSchema, input);
  assertOwnReference(actor, reference);
  return getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, actor.customerId))) throw new DomainError('forbidden');
    const stored = await findAddress(tx, actor.customerId, addressId);
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const { isDefaultShipping, isDefaultBilling, ...changes } = given as typeof patch;
    // The merged address is validated whole: a new zipCode is checked against the stored country.
    const merged = parseInput(addressSchema, { ...toAddressView(stored), ...changes, isDefaultShipping: undefined, isDefaultBilling: undefined });
    const flags = await applyDefaults(
      tx,
      actor.customerId,
      { shipping: stored.isDefaultShipping, billing: stored.isDefaultBilling },
      { shipping: isDefaultShipping, billing: isDefaultBilling },
    );
    const row = await updateAddress(tx, stored.id, { ...toColumns(merged), ...flags, updatedAt: now });
    return toAddressView(row);
  });
}

export async function removeAddress(actor: Actor, reference: string, addressId: string): Promise<void> {
  assertOwnReference(actor, reference);
  await getDb().transaction(async (tx) => {
    if (!(await lockCustomerRow(tx, actor.customerId))) throw new DomainError('forbidden');
    const stored = await findAddress(tx, actor.customerId, addressId);
    await deleteAddress(tx, stored.id);
  });
}
