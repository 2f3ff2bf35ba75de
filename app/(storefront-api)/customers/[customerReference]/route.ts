import { listAddresses } from '@/app/_domain/addresses/service';
import { getCustomer } from '@/app/_domain/customers/account';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { updateCustomer } from '@/app/_domain/customers/profile';
import { documentResponse, jsonApiRoute, noContent, wantsInclude } from '@/app/_transport/glue/jsonapi';
import { contextFromRequest } from '@/app/_transport/http/request-context';
import { addressResource, customerResource } from '@/app/_transport/glue/resources';
import { withCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor, params }) => {
    const reference = String(params.customerReference);
    const customer = await getCustomer(actor, reference);
    const resource = customerResource(customer);
    if (wantsInclude(request, 'addresses')) {
      const addresses = await listAddresses(actor, reference);
      resource.relationships = { addresses: addresses.map((a) => addressResource(reference, a)) };
    }
    return documentResponse(request, resource);
  }),
  PATCH: withCustomer(
    async (request, { actor, params, attributes }) => {
      const customer = await updateCustomer(actor, String(params.customerReference), attributes, contextFromRequest(request));
      return documentResponse(request, customerResource(customer));
    },
    { body: 'customers' },
  ),
  DELETE: withCustomer(async (_request, { actor, params }) => {
    await anonymizeCustomer(actor, String(params.customerReference));
    return noContent();
  }),
});
