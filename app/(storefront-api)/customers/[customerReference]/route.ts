import { listAddresses } from '@/app/_domain/addresses/service';
import { getCustomer } from '@/app/_domain/customers/account';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { updateCustomer } from '@/app/_domain/customers/profile';
import { addressResource } from '@/app/_transport/glue/codecs/addresses';
import { customerResource, customerUpdateCodec } from '@/app/_transport/glue/codecs/customers';
import { documentResponse, jsonApiRoute, noContent, wantsInclude } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';
import { contextFromRequest } from '@/app/_transport/http/request-context';

type Params = { customerReference: string };
const customerId = (params: Params) => parseCustomerReference(params.customerReference);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    GET: withCustomer(
      async (request, { principal, params }) => {
        const customer = await getCustomer(principal, customerId(params));
        const resource = customerResource(customer);
        if (wantsInclude(request, 'addresses')) {
          const addresses = await listAddresses(principal, customer.id);
          resource.relationships = { addresses: addresses.map((a) => addressResource(customer.reference, a)) };
        }
        return documentResponse(request, resource);
      },
      { include: ['addresses'] },
    ),
    PATCH: withCustomer(
      async (request, { principal, params, input }) => {
        const customer = await updateCustomer(principal, customerId(params), input, contextFromRequest(request));
        return documentResponse(request, customerResource(customer));
      },
      { codec: customerUpdateCodec, id: (params) => params.customerReference },
    ),
    DELETE: withCustomer(async (_request, { principal, params }) => {
      await anonymizeCustomer(principal, customerId(params));
      return noContent();
    }),
  },
  { params: ['customerReference'] },
);
