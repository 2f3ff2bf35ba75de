import { getCustomer } from '@/app/_domain/customers/account';
import { documentResponse, jsonApiRoute } from '@/app/_lib/jsonapi';
import { customerResource } from '@/app/_lib/resources';
import { withCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor, params }) => {
    const customer = await getCustomer(actor, String(params.customerReference));
    return documentResponse(request, customerResource(customer));
  }),
});
