import { listSubscriptions } from '@/app/_domain/notifications/service';
import { availabilityNotificationResource } from '@/app/_transport/glue/codecs/availability';
import { documentResponse, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';

type Params = { customerReference: string };

// Another customer's reference, and one that is no reference at all, are 403/4606 alike.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    GET: withCustomer(async (request, { principal, params }) => {
      const subscriptions = await listSubscriptions(principal, parseCustomerReference(params.customerReference));
      return documentResponse(request, subscriptions.map(availabilityNotificationResource));
    }),
  },
  { params: ['customerReference'] },
);
