import { listAddresses } from '@/app/_domain/addresses/service';
import { getOwnCustomer } from '@/app/_domain/customers/account';
import { registerCustomer } from '@/app/_domain/customers/registration';
import { addressResource } from '@/app/_transport/glue/codecs/addresses';
import { customerResource, registrationCodec } from '@/app/_transport/glue/codecs/customers';
import { created, documentResponse, JsonApiError, jsonApiRoute, wantsInclude } from '@/app/_transport/glue/jsonapi';
import { withCustomer, withOptionalCustomer } from '@/app/_transport/glue/with-customer';
import { contextFromRequest } from '@/app/_transport/http/request-context';

// PATCH and DELETE need a reference (/customers/{customerReference}); Glue answers 400/405 here.
const referenceMissing = async (): Promise<Response> => {
  throw JsonApiError.of(400, 'Customer reference is missing.', '405');
};

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(
    async (request, { principal }) => {
      const customer = await getOwnCustomer(principal);
      const resource = customerResource(customer);
      if (wantsInclude(request, 'addresses')) {
        const addresses = await listAddresses(principal, customer.id);
        resource.relationships = { addresses: addresses.map((a) => addressResource(customer.reference, a)) };
      }
      return documentResponse(request, [resource]);
    },
    { include: ['addresses'] },
  ),
  POST: withOptionalCustomer(
    async (request, { input }) => {
      const customer = await registerCustomer(input, contextFromRequest(request));
      return created(request, customerResource(customer));
    },
    { codec: registrationCodec },
  ),
  PATCH: referenceMissing,
  DELETE: referenceMissing,
});
