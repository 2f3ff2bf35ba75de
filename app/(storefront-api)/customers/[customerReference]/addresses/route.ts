import { addAddress, listAddresses } from '@/app/_domain/addresses/service';
import { addressCodec, addressResource } from '@/app/_transport/glue/codecs/addresses';
import { created, documentResponse, JsonApiError, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';

type Params = { customerReference: string };

// PATCH and DELETE need an address id (…/addresses/{addressId}); Glue answers 400/412 here.
const addressIdMissing = async (): Promise<Response> => {
  throw JsonApiError.of(400, 'Address UUID is missing.', '412');
};

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    GET: withCustomer(
      async (request, { principal, params }) => {
        const addresses = await listAddresses(principal, parseCustomerReference(params.customerReference));
        return documentResponse(request, addresses.map((a) => addressResource(params.customerReference, a)));
      },
      { withAddresses: true },
    ),
    POST: withCustomer(
      async (request, { principal, params, input }) => {
        const address = await addAddress(principal, parseCustomerReference(params.customerReference), input);
        return created(request, addressResource(params.customerReference, address));
      },
      { codec: addressCodec },
    ),
    PATCH: addressIdMissing,
    DELETE: addressIdMissing,
  },
  { params: ['customerReference'] },
);
