import { setCustomerReferenceKey } from '@/app/_domain/admin/customers';
import { customerEntity } from '@/app/_transport/admin/codecs/customers';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { customerId } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string };

// updateCustomerReferenceKey: the numeric id only (the operation names it `customerId`).
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    PUT: withAdminKey(
      async (_request, { principal, params, body }) => {
        const id = customerId(params.customerIdentifier);
        return json(customerEntity(await setCustomerReferenceKey(principal, id, { referenceKey: body.referenceKey })));
      },
      { body: true },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier'],
);
