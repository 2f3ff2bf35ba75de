import { getCustomer } from '@/app/_domain/customers/account';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { updateCustomer } from '@/app/_domain/customers/profile';
import { documentResponse, jsonApiRoute, noContent } from '@/app/_lib/jsonapi';
import { contextFromRequest } from '@/app/_lib/request-context';
import { customerResource } from '@/app/_lib/resources';
import { withCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor, params }) => {
    const customer = await getCustomer(actor, String(params.customerReference));
    return documentResponse(request, customerResource(customer));
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
