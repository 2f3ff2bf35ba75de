import { z } from 'zod';
import { subscriptionSchema } from '@/app/_domain/notifications/schema';
import type { SubscriptionView } from '@/app/_domain/notifications/service';
import { requestCodec } from '../codec';
import { absoluteUrl, type Resource } from '../jsonapi';

/** `availability-notifications`: Glue's attribute names (`email`, `sku`) are the domain's own. */
export const availabilityNotificationCodec = requestCodec('availability-notifications', subscriptionSchema.shape);

/** The contract's example subscription (Spryker's docs). */
export const AVAILABILITY_NOTIFICATION_EXAMPLE = { email: 'sonia@spryker.com', sku: '190_25111746' } as const;

export const availabilityNotificationAttributesSchema = z
  .object({
    localeName: z.string().meta({ description: 'Locale of the subscription (the language of its emails)' }),
    email: z.string().meta({ description: 'Where the back-in-stock email goes' }),
    sku: z.string().meta({ description: 'SKU of the product the subscription follows' }),
  })
  .meta({ examples: [{ localeName: 'en_US', ...AVAILABILITY_NOTIFICATION_EXAMPLE }] });
export type AvailabilityNotificationAttributes = z.infer<typeof availabilityNotificationAttributesSchema>;

/** The resource's URL: the subscription key is its id (and the secret that unsubscribes). */
export function availabilityNotificationSelf(key: string): string {
  return absoluteUrl(`/availability-notifications/${encodeURIComponent(key)}`);
}

export function availabilityNotificationResource(subscription: SubscriptionView): Resource {
  const attributes: AvailabilityNotificationAttributes = {
    localeName: subscription.localeName,
    email: subscription.email,
    sku: subscription.sku,
  };
  return { type: 'availability-notifications', id: subscription.key, attributes, links: { self: availabilityNotificationSelf(subscription.key) } };
}
