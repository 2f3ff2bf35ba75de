import { z } from 'zod';
import type { CustomerView } from '@/app/_domain/customers/view';
import { confirmationSchema, customerUpdateSchema, GENDERS, registrationSchema, SALUTATIONS } from '@/app/_domain/customers/schema';
import { requestCodec } from '../codec';
import { absoluteUrl, type Resource } from '../jsonapi';
import { glueTimestamp, glueTimestampSchema } from './timestamps';

/** `customers`: Glue's attribute names are the domain's own. */
export const registrationCodec = requestCodec('customers', registrationSchema.shape);
export const customerUpdateCodec = requestCodec('customers', customerUpdateSchema.shape);
export const confirmationCodec = requestCodec('customer-confirmation', confirmationSchema.shape, { registrationKey: 'key' });

/** The contract's example customer (Spryker's docs). */
export const CUSTOMER_EXAMPLE = {
  salutation: 'Mr',
  firstName: 'Max',
  lastName: 'Mustermann',
  email: 'max@mustermann.de',
  gender: 'Male',
  dateOfBirth: '1990-03-15',
} as const;

export const customerAttributesSchema = z.object({
  salutation: z.enum(SALUTATIONS).nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  dateOfBirth: z.string().nullable().meta({ format: 'date' }),
  createdAt: glueTimestampSchema,
  updatedAt: glueTimestampSchema,
}).meta({ examples: [{ ...CUSTOMER_EXAMPLE, createdAt: '2026-12-03 14:05:09.123000', updatedAt: '2026-12-03 14:05:09.123000' }] });
export type CustomerAttributes = z.infer<typeof customerAttributesSchema>;

/** The data export (`customer-exports`), as documented; the domain's `exportCustomerData` fills it. */
const record = z.record(z.string(), z.unknown());
export const customerExportSchema = z.object({
  exportedAt: z.string().meta({ format: 'date-time' }),
  customer: record,
  addresses: z.array(record),
  subscriptions: z.array(record),
  logins: z.array(record),
  recentSignIns: z.array(record),
  emails: z.array(record),
});

export function customerSelf(reference: string): string {
  return absoluteUrl(`/customers/${encodeURIComponent(reference)}`);
}

export function customerResource(customer: CustomerView): Resource {
  const attributes: CustomerAttributes = {
    salutation: customer.salutation as CustomerAttributes['salutation'],
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    gender: customer.gender as CustomerAttributes['gender'],
    dateOfBirth: customer.dateOfBirth,
    createdAt: glueTimestamp(customer.createdAt),
    updatedAt: glueTimestamp(customer.updatedAt),
  };
  return { type: 'customers', id: customer.reference, attributes, links: { self: customerSelf(customer.reference) } };
}
