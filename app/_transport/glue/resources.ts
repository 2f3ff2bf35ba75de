import type { TokenPair } from '@/app/_domain/auth/tokens';
import type { AddressView } from '@/app/_domain/addresses/service';
import type { CustomerView } from '@/app/_domain/customers/view';
import { absoluteUrl, type Resource } from './jsonapi';

/** Glue prints timestamps as `YYYY-MM-DD HH:MM:SS.ffffff` in UTC. */
function glueTimestamp(date: Date): string {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')}000`;
}

export function customerResource(customer: CustomerView): Resource {
  return {
    type: 'customers',
    id: customer.reference,
    attributes: {
      salutation: customer.salutation,
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      gender: customer.gender,
      dateOfBirth: customer.dateOfBirth,
      createdAt: glueTimestamp(customer.createdAt),
      updatedAt: glueTimestamp(customer.updatedAt),
    },
    links: { self: absoluteUrl(`/customers/${encodeURIComponent(customer.reference)}`) },
  };
}

/** `access-tokens` / `refresh-tokens` resources (id null, as in Glue). */
export function tokenResource(type: 'access-tokens' | 'refresh-tokens', tokens: TokenPair): Resource {
  return {
    type,
    id: null,
    attributes: {
      tokenType: 'Bearer',
      expiresIn: tokens.expiresIn,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresIn: tokens.refreshTokenExpiresIn,
      idCompanyUser: null,
    },
  };
}

/** A storefront `addresses` resource (no `state`: the Glue resource has none). */
export function addressResource(customerReference: string, address: AddressView): Resource {
  return {
    type: 'addresses',
    id: address.id,
    attributes: {
      salutation: address.salutation,
      firstName: address.firstName,
      lastName: address.lastName,
      address1: address.address1,
      address2: address.address2,
      address3: address.address3,
      zipCode: address.zipCode,
      city: address.city,
      country: address.country,
      iso2Code: address.iso2Code,
      company: address.company,
      phone: address.phone,
      isDefaultShipping: address.isDefaultShipping,
      isDefaultBilling: address.isDefaultBilling,
    },
    links: {
      self: absoluteUrl(`/customers/${encodeURIComponent(customerReference)}/addresses/${encodeURIComponent(address.id)}`),
    },
  };
}

/** Storefront attributes only: `state` belongs to the browser form and the admin API. */
export function storefrontAddressAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const { state: _state, ...rest } = attributes;
  return rest;
}
