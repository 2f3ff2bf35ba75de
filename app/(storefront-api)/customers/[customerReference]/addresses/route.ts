import { addAddress, listAddresses } from '@/app/_domain/addresses/service';
import { documentResponse, JsonApiError, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { addressResource, storefrontAddressAttributes } from '@/app/_transport/glue/resources';
import { withCustomer } from '@/app/_transport/glue/with-customer';

// PATCH and DELETE need an address id (…/addresses/{addressId}); Glue answers 400/412 here.
const addressIdMissing = async (): Promise<Response> => {
  throw JsonApiError.of(400, 'Address UUID is missing.', '412');
};

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor, params }) => {
    const reference = String(params.customerReference);
    const addresses = await listAddresses(actor, reference);
    return documentResponse(request, addresses.map((a) => addressResource(reference, a)));
  }),
  POST: withCustomer(
    async (request, { actor, params, attributes }) => {
      const reference = String(params.customerReference);
      const address = await addAddress(actor, reference, storefrontAddressAttributes(attributes));
      const resource = addressResource(reference, address);
      return documentResponse(request, resource, { status: 201, headers: { Location: resource.links!.self } });
    },
    { body: 'addresses' },
  ),
  PATCH: addressIdMissing,
  DELETE: addressIdMissing,
});
