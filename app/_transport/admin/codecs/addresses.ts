import { z } from 'zod';
import { toAlpha2, toAlpha3 } from '@/app/_domain/addresses/countries';
import { ADDRESS_GENDERS, backOfficeAddressObject, backOfficeAddressPatchSchema, backOfficeAddressSchema } from '@/app/_domain/addresses/schema';
import type { AddressView } from '@/app/_domain/addresses/service';
import { DomainError, type FieldError } from '@/app/_domain/shared/errors';
import { fieldErrors } from '@/app/_domain/shared/validation';
import type { WireName } from '../errors';

/**
 * SCAYLE's customer address ↔ the address columns: `recipient.{firstName,lastName,gender,title}`,
 * `isDefault.{billing,shipping}`, alpha-3 (or alpha-2) `countryCode` ↔ alpha-2. It only renames:
 * every rule is the address entity's (country, postcode, phone, lengths).
 */

const NESTED: Record<string, string> = {
  firstName: 'recipient.firstName',
  lastName: 'recipient.lastName',
  gender: 'recipient.gender',
  title: 'recipient.title',
  salutation: 'recipient.gender',
  isDefaultBilling: 'isDefault.billing',
  isDefaultShipping: 'isDefault.shipping',
};
export const addressWireName: WireName = (field) => NESTED[field] ?? field;

const FLAT = ['referenceKey', 'street', 'houseNumber', 'additional', 'zipCode', 'city', 'state', 'phone', 'company', 'collectionPoint'] as const;

function objectAt(body: Record<string, unknown>, name: string, errors: FieldError[]): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ field: name, code: 'type', params: { expected: 'object' } });
    return undefined;
  }
  return value as Record<string, unknown>;
}

/**
 * The request body in the domain's names (only the fields this endpoint knows). A `recipient` or
 * `isDefault` that is not an object is reported together with every other bad field (the
 * entity's own check of the rest), and nothing is written.
 */
export function addressToDomain(body: Record<string, unknown>, mode: 'create' | 'update' = 'create'): Record<string, unknown> {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = {};
  for (const name of FLAT) if (Object.hasOwn(body, name)) input[name] = body[name];
  if (Object.hasOwn(body, 'countryCode')) {
    const code = body.countryCode;
    input.countryCode = typeof code === 'string' ? (toAlpha2(code) ?? code) : code;
  }
  const recipient = objectAt(body, 'recipient', errors);
  if (recipient) for (const name of ['firstName', 'lastName', 'gender', 'title']) if (Object.hasOwn(recipient, name)) input[name] = recipient[name];
  const isDefault = objectAt(body, 'isDefault', errors);
  if (isDefault) {
    if (Object.hasOwn(isDefault, 'billing')) input.isDefaultBilling = isDefault.billing;
    if (Object.hasOwn(isDefault, 'shipping')) input.isDefaultShipping = isDefault.shipping;
  }
  if (errors.length > 0) {
    const result = (mode === 'create' ? backOfficeAddressSchema : backOfficeAddressPatchSchema).safeParse(input, { reportInput: true });
    throw new DomainError('validation', { fields: [...errors, ...(result.success ? [] : fieldErrors(result.error))] });
  }
  return input;
}

const fields = backOfficeAddressObject.shape;
const countryCodeWire = z.string().meta({ pattern: '^[A-Za-z]{2,3}$', description: 'ISO 3166-1 alpha-3 (as SCAYLE) or alpha-2 country code', example: 'DEU' });
const collectionPointSchema = z.object({
  customerKey: z.string().nullable(),
  description: z.string().nullable(),
  key: z.string().nullable(),
  type: z.string().nullable(),
});

/** The request body (for the OpenAPI document; the service validates the renamed fields). */
export const addressRequestSchema = z
  .object({
    referenceKey: fields.referenceKey,
    street: fields.street,
    houseNumber: fields.houseNumber,
    additional: fields.additional,
    zipCode: fields.zipCode,
    city: fields.city,
    countryCode: countryCodeWire,
    state: fields.state,
    phone: fields.phone,
    company: fields.company,
    collectionPoint: collectionPointSchema.partial().nullable().optional(),
    isDefault: z.object({ billing: z.boolean().optional(), shipping: z.boolean().optional() }).optional(),
    recipient: z
      .object({
        firstName: fields.firstName,
        lastName: fields.lastName,
        gender: fields.gender,
        title: fields.title,
        type: z.string().optional().meta({ description: 'Always `personal`' }),
      })
      .optional()
      .meta({ description: 'Left out: the customer’s names' }),
  })
  .meta({ id: 'CustomerAddressInput' });

export const addressEntitySchema = z
  .object({
    id: z.number().int(),
    referenceKey: z.string().nullable(),
    recipient: z.object({
      firstName: z.string(),
      lastName: z.string(),
      gender: z.enum(ADDRESS_GENDERS).nullable(),
      title: z.string().nullable(),
      type: z.literal('personal'),
    }),
    street: z.string(),
    houseNumber: z.string(),
    additional: z.string().nullable(),
    zipCode: z.string(),
    city: z.string(),
    countryCode: z.string().meta({ description: 'ISO 3166-1 alpha-3', example: 'DEU' }),
    state: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    collectionPoint: collectionPointSchema.nullable(),
    isDefault: z.object({ billing: z.boolean(), shipping: z.boolean() }),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'CustomerAddress' });
export type AddressEntity = z.infer<typeof addressEntitySchema>;

export function addressEntity(address: AddressView): AddressEntity {
  return {
    id: address.id,
    referenceKey: address.referenceKey,
    recipient: {
      firstName: address.firstName,
      lastName: address.lastName,
      gender: address.gender as AddressEntity['recipient']['gender'],
      title: address.title,
      type: 'personal',
    },
    street: address.street,
    houseNumber: address.houseNumber,
    additional: address.additional,
    zipCode: address.zipCode,
    city: address.city,
    countryCode: toAlpha3(address.countryCode),
    state: address.state,
    phone: address.phone,
    company: address.company,
    collectionPoint: address.collectionPoint,
    isDefault: { billing: address.isDefaultBilling, shipping: address.isDefaultShipping },
    createdAt: address.createdAt.toISOString(),
    updatedAt: address.updatedAt.toISOString(),
  };
}
