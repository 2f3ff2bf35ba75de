import { z } from 'zod';
import { productSchema, SKU_PATTERN } from '@/app/_domain/notifications/schema';
import type { ProductView } from '@/app/_domain/notifications/service';

/**
 * The product feed's entity and body (`PUT`/`GET /admin/v1/products/{sku}`): the catalog's own
 * fields as stored (`url` null when the catalog sent none) and how many subscribers wait for the
 * product's return. The body is the domain's product schema: every rule is the entity's.
 */

export const skuParameterSchema = z.string().meta({
  description: 'The product’s SKU: letters, digits, `.`, `-`, `_`, at most 100 characters, starting with a letter or digit',
  pattern: SKU_PATTERN.source,
  example: '190_25111746',
});

export const productRequestSchema = productSchema.meta({
  id: 'ProductUpdate',
  description: 'The whole product (upsert): `url` absent or null means the shop’s own page `/products/{sku}`.',
  example: { name: 'Linen shirt, blue', isAvailable: true, url: 'https://shop.example.com/p/linen-shirt-blue' },
});

export const productEntitySchema = z
  .object({
    sku: z.string(),
    name: z.string(),
    isAvailable: z.boolean(),
    url: z.string().nullable().meta({ description: 'The product’s page as the catalog sent it; null: the shop’s own `/products/{sku}`' }),
    subscriberCount: z.number().int().min(0).meta({
      description: 'Subscriptions waiting for the product’s return (right after a return, those whose notice is still being queued)',
    }),
  })
  .meta({ id: 'Product', example: { sku: '190_25111746', name: 'Linen shirt, blue', isAvailable: false, url: null, subscriberCount: 42 } });
export type ProductEntity = z.infer<typeof productEntitySchema>;

export function productEntity(product: ProductView): ProductEntity {
  return { sku: product.sku, name: product.name, isAvailable: product.isAvailable, url: product.url, subscriberCount: product.subscriberCount };
}
