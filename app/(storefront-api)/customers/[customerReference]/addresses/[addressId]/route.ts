import { changeAddress, getAddress, removeAddress } from '@/app/_domain/addresses/service';
import { addressPatchCodec, addressResource } from '@/app/_transport/glue/codecs/addresses';
import { documentResponse, jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';

type Params = { customerReference: string; addressId: string };
const customerId = (params: Params) => parseCustomerReference(params.customerReference);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    GET: withCustomer(async (request, { principal, params }) => {
      const address = await getAddress(principal, customerId(params), { uuid: params.addressId });
      return documentResponse(request, addressResource(params.customerReference, address));
    }),
    PATCH: withCustomer(
      async (request, { principal, params, input }) => {
        const address = await changeAddress(principal, customerId(params), { uuid: params.addressId }, input);
        return documentResponse(request, addressResource(params.customerReference, address));
      },
      { codec: addressPatchCodec, id: (params) => params.addressId },
    ),
    DELETE: withCustomer(async (_request, { principal, params }) => {
      await removeAddress(principal, customerId(params), { uuid: params.addressId });
      return noContent();
    }),
  },
  { params: ['customerReference', 'addressId'] },
);
