import type { CustomerRow } from '@/db/schema';
import { toCustomerReference } from './reference';

/** What the domain hands to transports: never a hash, key or token. */
export type CustomerView = {
  id: number;
  /** The storefront's public id, `<STORE>--<id>` (shown by both APIs). */
  reference: string;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  gender: string | null;
  dateOfBirth: string | null;
  isConfirmed: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    reference: toCustomerReference(row.id),
    salutation: row.salutation,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    gender: row.gender,
    dateOfBirth: row.dateOfBirth,
    isConfirmed: row.confirmedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
