import { listSubscriptions } from '@/app/_domain/notifications/service';
import { availabilityNotificationResource } from '@/app/_transport/glue/codecs/availability';
import { documentResponse, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { withCustomer } from '@/app/_transport/glue/with-customer';

// The signed-in customer's subscriptions (Glue's alternative to /customers/{ref}/availability-notifications).
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { principal }) => {
    const subscriptions = await listSubscriptions(principal, principal.customerId);
    return documentResponse(request, subscriptions.map(availabilityNotificationResource));
  }),
});
