import { subscribe } from '@/app/_domain/notifications/service';
import { availabilityNotificationCodec, availabilityNotificationResource } from '@/app/_transport/glue/codecs/availability';
import { created, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';
import { contextFromRequest } from '@/app/_transport/http/request-context';

// Anyone may subscribe an address; with a token the subscription is linked to the customer.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { principal, input }) => {
      const subscription = await subscribe(principal, input, contextFromRequest(request));
      return created(request, availabilityNotificationResource(subscription));
    },
    { codec: availabilityNotificationCodec },
  ),
});
