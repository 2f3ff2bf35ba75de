import { z } from 'zod';
import { countryName } from '@/app/_domain/addresses/countries';
import { addressObject, addressPatchSchema } from '@/app/_domain/addresses/schema';
import type { AddressView } from '@/app/_domain/addresses/service';
import { SALUTATIONS } from '@/app/_domain/customers/schema';
import { requestCodec } from '../codec';
import { absoluteUrl, type Resource } from '../jsonapi';

/**
 * `addresses`: Glue's names for the address columns. `state` is not a storefront attribute (the
 * Glue resource has none): it is neither read nor shown here.
 */
const GLUE_NAMES = { address1: 'street', address2: 'houseNumber', address3: 'additional', iso2Code: 'countryCode' } as const;
const { state: _state, ...storefrontFields } = addressObject.shape;
const { state: _patchState, ...storefrontPatchFields } = addressPatchSchema.shape;

export const addressCodec = requestCodec('addresses', storefrontFields, GLUE_NAMES);
export const addressPatchCodec = requestCodec('addresses', storefrontPatchFields, GLUE_NAMES);

/** The contract's example address (Spryker's docs), in Glue's attributes. */
export const ADDRESS_EXAMPLE = {
  salutation: 'Mr',
  firstName: 'Max',
  lastName: 'Mustermann',
  address1: 'Julie-Wolfthorn-Straße',
  address2: '1',
  address3: 'new address',
  zipCode: '10115',
  city: 'Berlin',
  iso2Code: 'DE',
  company: 'spryker',
  phone: '+49 30 1234567',
  isDefaultShipping: true,
  isDefaultBilling: true,
} as const;

export const addressAttributesSchema = z.object({
  salutation: z.enum(SALUTATIONS).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  address1: z.string(),
  address2: z.string(),
  address3: z.string().nullable(),
  zipCode: z.string(),
  city: z.string(),
  country: z.string().meta({ description: 'English name of the country, derived from iso2Code' }),
  iso2Code: z.string().meta({ pattern: '^[A-Z]{2}$' }),
  company: z.string().nullable(),
  phone: z.string().nullable().meta({ description: 'As the shopper wrote it (validated for the address country)' }),
  isDefaultShipping: z.boolean(),
  isDefaultBilling: z.boolean(),
}).meta({ examples: [{ ...ADDRESS_EXAMPLE, country: 'Germany' }] });
export type AddressAttributes = z.infer<typeof addressAttributesSchema>;

export function addressResource(customerReference: string, address: AddressView): Resource {
  const attributes: AddressAttributes = {
    salutation: address.salutation as AddressAttributes['salutation'],
    firstName: address.firstName,
    lastName: address.lastName,
    address1: address.street,
    address2: address.houseNumber,
    address3: address.additional,
    zipCode: address.zipCode,
    city: address.city,
    country: countryName(address.countryCode),
    iso2Code: address.countryCode,
    company: address.company,
    phone: address.phone,
    isDefaultShipping: address.isDefaultShipping,
    isDefaultBilling: address.isDefaultBilling,
  };
  return {
    type: 'addresses',
    id: address.uuid,
    attributes,
    links: { self: absoluteUrl(`/customers/${encodeURIComponent(customerReference)}/addresses/${encodeURIComponent(address.uuid)}`) },
  };
}
