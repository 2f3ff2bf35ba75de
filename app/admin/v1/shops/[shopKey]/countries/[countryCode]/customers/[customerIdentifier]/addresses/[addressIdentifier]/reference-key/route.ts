import { resolveCustomerId } from '@/app/_domain/admin/customers';
import { setAddressReferenceKey } from '@/app/_domain/addresses/service';
import { addressEntity } from '@/app/_transport/admin/codecs/addresses';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { addressKey, customerIdentifier } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string; addressIdentifier: string };

// updateCustomerAddressReferenceKey (the operation names the address `addressId`; an id or `key=…`).
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    PUT: withAdminKey(
      async (_request, { principal, params, body }) => {
        const id = await resolveCustomerId(principal, customerIdentifier(params.customerIdentifier));
        return json(addressEntity(await setAddressReferenceKey(principal, id, addressKey(params.addressIdentifier), { referenceKey: body.referenceKey })));
      },
      { body: true },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier', 'addressIdentifier'],
);
