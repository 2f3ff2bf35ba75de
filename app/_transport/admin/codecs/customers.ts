import { z } from 'zod';
import type { AdminCustomerView } from '@/app/_domain/admin/customers';
import { customerCreateSchema, HASHING_TYPES } from '@/app/_domain/admin/schema';
import type { WireName } from '../errors';
import { addressEntity, addressEntitySchema } from './addresses';

/**
 * SCAYLE's customer ↔ the customer columns: `birthDate` ↔ dateOfBirth, gender `m`/`f`/`d` ↔
 * Male/Female/Diverse (any other value is refused by the entity's rule, the domain's own names too),
 * `status.isActive`, `lastLoginDate`. It only renames: every rule is the entity's.
 */

const GENDER_TO_DOMAIN: Record<string, string> = { m: 'Male', f: 'Female', d: 'Diverse' };
const GENDER_TO_WIRE: Record<string, 'm' | 'f' | 'd'> = { Male: 'm', Female: 'f', Diverse: 'd' };

const RENAMES: Record<string, string> = { dateOfBirth: 'birthDate' };
export const customerWireName: WireName = (field) => {
  const [head = field, ...rest] = field.split('.');
  return [RENAMES[head] ?? head, ...rest].join('.');
};

const CREATE_FIELDS = ['email', 'firstName', 'lastName', 'title', 'phone', 'referenceKey', 'groups', 'password', 'passwordHash'] as const;

export function customerCreateToDomain(body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of CREATE_FIELDS) if (Object.hasOwn(body, name)) input[name] = body[name];
  if (Object.hasOwn(body, 'birthDate')) input.dateOfBirth = body.birthDate;
  if (Object.hasOwn(body, 'gender')) input.gender = genderToDomain(body.gender);
  return input;
}

/**
 * `m`/`f`/`d` → the domain's gender. Any other string must be refused even when it is a domain
 * name (`Male`): lower-cased, it can never be one of them, and the entity's rule answers `choice`.
 */
function genderToDomain(gender: unknown): unknown {
  if (typeof gender !== 'string') return gender;
  return Object.hasOwn(GENDER_TO_DOMAIN, gender) ? GENDER_TO_DOMAIN[gender] : gender.toLowerCase();
}

const createShape = customerCreateSchema.shape;
export const passwordHashSchema = z
  .object({
    hash: z.string().optional().meta({
      maxLength: 1024,
      description:
        'internal: an argon2id or argon2i PHC string, bcrypt ($2a$, $2b$, $2y$) or pbkdf2_sha256$<iterations>$<salt>$<base64 hash>; ' +
        'salesforce: <salt>$<base64 of sha256(password + salt)>; external: ignored (may be empty) — the password is checked by EXTERNAL_PASSWORD_CHECK_URL at sign-in. ' +
        'Anything else is 400 UNSUPPORTED_HASH.',
    }),
    hashingType: z.enum(HASHING_TYPES),
  })
  .meta({ id: 'CustomerPasswordHash', example: { hash: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', hashingType: 'internal' } });

export const customerCreateRequestSchema = z
  .object({
    email: createShape.email,
    firstName: createShape.firstName,
    lastName: createShape.lastName,
    gender: z.enum(['m', 'f', 'd']).nullable().optional(),
    birthDate: createShape.dateOfBirth,
    title: createShape.title,
    phone: createShape.phone,
    referenceKey: createShape.referenceKey,
    groups: z.array(z.string().meta({ maxLength: 100 })).optional().meta({ maxItems: 50 }),
    password: createShape.password,
    passwordHash: passwordHashSchema.optional(),
  })
  .meta({
    id: 'CustomerCreate',
    description: 'Either `password` (hashed with argon2id) or `passwordHash`, or neither (the customer can set one with a password reset).',
    example: { email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe', gender: 'm', referenceKey: 'erp-4711', groups: ['vip'], password: 'a-long-password' },
  });

const timestamp = z.string().meta({ format: 'date-time' });

export const customerEntitySchema = z
  .object({
    id: z.number().int(),
    referenceKey: z.string().nullable(),
    customerReference: z.string().meta({ description: 'The storefront API’s id of the customer', example: 'DE--25' }),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    gender: z.enum(['m', 'f', 'd']).nullable(),
    birthDate: z.string().nullable().meta({ format: 'date' }),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    publicKey: z.string(),
    type: z.literal('personal'),
    groups: z.array(z.string()),
    status: z.object({ isActive: z.boolean(), isGuestCustomer: z.boolean() }),
    company: z.string().nullable(),
    hasPassword: z.boolean(),
    lastLoginDate: timestamp.nullable(),
    passwordResetRequestedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    addresses: z.array(addressEntitySchema).optional().meta({ description: 'Only with `with=addresses` (or `nonUniqueAddresses`)' }),
    legacyCustomData: z.array(z.unknown()).optional().meta({ description: 'Only with `with=legacyCustomData`' }),
  })
  .meta({ id: 'Customer' });
export type CustomerEntity = z.infer<typeof customerEntitySchema>;

export function customerEntity(customer: AdminCustomerView): CustomerEntity {
  const entity: CustomerEntity = {
    id: customer.id,
    referenceKey: customer.referenceKey,
    customerReference: customer.reference,
    firstName: customer.firstName,
    lastName: customer.lastName,
    gender: customer.gender ? (GENDER_TO_WIRE[customer.gender] ?? null) : null,
    birthDate: customer.dateOfBirth,
    title: customer.title,
    email: customer.email,
    phone: customer.phone,
    publicKey: customer.publicKey,
    type: 'personal',
    groups: customer.groups,
    status: { isActive: customer.isActive, isGuestCustomer: false },
    company: customer.company,
    hasPassword: customer.hasPassword,
    lastLoginDate: customer.lastLoginAt?.toISOString() ?? null,
    passwordResetRequestedAt: customer.passwordResetRequestedAt?.toISOString() ?? null,
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
  if (customer.addresses) entity.addresses = customer.addresses.map(addressEntity);
  if (customer.legacyCustomData) entity.legacyCustomData = customer.legacyCustomData;
  return entity;
}
