import { getOwnCustomer } from '@/app/_domain/customers/account';
import { registerCustomer } from '@/app/_domain/customers/registration';
import { documentResponse, JsonApiError, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { contextFromRequest } from '@/app/_transport/http/request-context';
import { customerResource } from '@/app/_transport/glue/resources';
import { withCustomer, withOptionalCustomer } from '@/app/_transport/glue/with-customer';

// PATCH and DELETE need a reference (/customers/{customerReference}); Glue answers 400/405 here.
const referenceMissing = async (): Promise<Response> => {
  throw JsonApiError.of(400, 'Customer reference is missing.', '405');
};

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor }) => {
    const customer = await getOwnCustomer(actor);
    return documentResponse(request, [customerResource(customer)]);
  }),
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      const customer = await registerCustomer(attributes, contextFromRequest(request));
      const resource = customerResource(customer);
      return documentResponse(request, resource, { status: 201, headers: { Location: resource.links!.self } });
    },
    { body: 'customers' },
  ),
  PATCH: referenceMissing,
  DELETE: referenceMissing,
});
