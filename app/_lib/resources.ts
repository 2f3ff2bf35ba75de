import type { TokenPair } from '@/app/_domain/auth/tokens';
import type { CustomerView } from '@/app/_domain/customers/view';
import { absoluteUrl, type Resource } from './jsonapi';

/** Glue prints timestamps as `YYYY-MM-DD HH:MM:SS.ffffff` in UTC. */
export function glueTimestamp(date: Date): string {
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
