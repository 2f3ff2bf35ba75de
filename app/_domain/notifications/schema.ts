import { z } from 'zod';
import { codePoints, emailSchema, hasControlCharacters, requiredText, rule } from '../shared/validation';

/**
 * Back-in-stock subscriptions and the products they follow, in the columns' names. The
 * subscription schema is shared by the product page's form, its server action and
 * POST /availability-notifications; the product schema by the admin API's product feed.
 */

/** A SKU as the catalog sends it: letters, digits, dot, dash, underscore (it is a URL segment). */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const skuSchema = requiredText(100).meta({ description: 'The product’s SKU', examples: ['190_25111746'] });

export const subscriptionSchema = z.object({ email: emailSchema, sku: skuSchema });
export type SubscriptionInput = z.input<typeof subscriptionSchema>;

export const subscriptionKeySchema = z.object({ key: requiredText(200) });

const urlSchema = z
  .string()
  .trim()
  .refine((v) => codePoints(v) <= 2048 && !hasControlCharacters(v) && /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), rule('invalid'))
  .nullable()
  .optional()
  .transform((v) => v || null)
  .meta({ format: 'uri', maxLength: 2048, description: 'The product’s page (http or https); absent: /products/{sku} in this shop' });

export const productSchema = z.object({
  name: requiredText(255),
  isAvailable: z.boolean(),
  url: urlSchema,
});
export type ProductInput = z.input<typeof productSchema>;
