import { resolveCustomerId } from '@/app/_domain/admin/customers';
import { changeAddress, getAddress } from '@/app/_domain/addresses/service';
import { addressEntity, addressToDomain, addressWireName } from '@/app/_transport/admin/codecs/addresses';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { addressKey, customerIdentifier } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string; addressIdentifier: string };

// getCustomerAddress and updateCustomerAddress (a partial update; the full body works too).
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    GET: withAdminKey(async (_request, { principal, params }) => {
      const id = await resolveCustomerId(principal, customerIdentifier(params.customerIdentifier));
      return json(addressEntity(await getAddress(principal, id, addressKey(params.addressIdentifier))));
    }),
    PATCH: withAdminKey(
      async (_request, { principal, params, body }) => {
        const input = addressToDomain(body, 'update');
        const id = await resolveCustomerId(principal, customerIdentifier(params.customerIdentifier));
        return json(addressEntity(await changeAddress(principal, id, addressKey(params.addressIdentifier), input)));
      },
      { body: true, wire: addressWireName },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier', 'addressIdentifier'],
);
