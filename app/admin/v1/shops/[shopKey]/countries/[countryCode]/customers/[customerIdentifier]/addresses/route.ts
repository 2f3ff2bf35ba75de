import { resolveCustomerId } from '@/app/_domain/admin/customers';
import { addAddress, listAddresses } from '@/app/_domain/addresses/service';
import { addressEntity, addressToDomain, addressWireName } from '@/app/_transport/admin/codecs/addresses';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { customerIdentifier } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string };

// getCustomerAddresses and createCustomerAddress: the shopper's own address book.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    GET: withAdminKey(async (_request, { principal, params }) => {
      const id = await resolveCustomerId(principal, customerIdentifier(params.customerIdentifier));
      return json({ entities: (await listAddresses(principal, id)).map(addressEntity), cursor: { next: null } });
    }),
    POST: withAdminKey(
      async (_request, { principal, params, body }) => {
        const input = addressToDomain(body);
        const id = await resolveCustomerId(principal, customerIdentifier(params.customerIdentifier));
        return json(addressEntity(await addAddress(principal, id, input)), 201);
      },
      { body: true, wire: addressWireName },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier'],
);
