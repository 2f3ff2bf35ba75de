import { changeAddress, getAddress, removeAddress } from '@/app/_domain/addresses/service';
import { documentResponse, jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { addressResource, storefrontAddressAttributes } from '@/app/_transport/glue/resources';
import { withCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  GET: withCustomer(async (request, { actor, params }) => {
    const reference = String(params.customerReference);
    const address = await getAddress(actor, reference, String(params.addressId));
    return documentResponse(request, addressResource(reference, address));
  }),
  PATCH: withCustomer(
    async (request, { actor, params, attributes }) => {
      const reference = String(params.customerReference);
      const address = await changeAddress(actor, reference, String(params.addressId), storefrontAddressAttributes(attributes));
      return documentResponse(request, addressResource(reference, address));
    },
    { body: 'addresses' },
  ),
  DELETE: withCustomer(async (_request, { actor, params }) => {
    await removeAddress(actor, String(params.customerReference), String(params.addressId));
    return noContent();
  }),
});
