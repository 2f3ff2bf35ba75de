import { z } from 'zod';
import type { WireName } from './errors';

/**
 * A request codec of the storefront API: the resource type a body must carry and the map from
 * its attribute names to the domain's field names. It only renames — every rule lives in the
 * domain's entity schema, which the service applies — and keeps only the attributes the endpoint
 * knows, so an attribute that happens to share a domain name (`street`, `state`) is never written.
 * The wire schema (for the OpenAPI document) is built from the same field schemas.
 */
export type RequestCodec = {
  type: string;
  /** Wire attribute → domain field. */
  fields: Readonly<Record<string, string>>;
  toDomain(attributes: Record<string, unknown>): Record<string, unknown>;
  /** Domain field → wire attribute, for error pointers and texts. */
  wire: WireName;
  /** The attributes object as a zod schema in wire names (input side, for documentation). */
  schema: z.ZodObject;
};

export function requestCodec(type: string, shape: z.ZodRawShape, renames: Readonly<Record<string, string>> = {}): RequestCodec {
  const renamed = new Set(Object.values(renames));
  const fields: Record<string, string> = { ...renames };
  for (const name of Object.keys(shape)) if (!renamed.has(name)) fields[name] = name;
  const toWire = new Map(Object.entries(fields).map(([wire, domain]) => [domain, wire]));
  const wireShape = Object.fromEntries(Object.entries(fields).map(([wire, domain]) => [wire, shape[domain]!]));
  return {
    type,
    fields,
    toDomain(attributes) {
      const input: Record<string, unknown> = {};
      for (const [wire, domain] of Object.entries(fields)) if (Object.hasOwn(attributes, wire)) input[domain] = attributes[wire];
      return input;
    },
    wire: (field) => {
      const [head = field, ...rest] = field.split('.');
      return [toWire.get(head) ?? head, ...rest].join('.');
    },
    schema: z.object(wireShape),
  };
}
