import { setCustomerPasswordHash } from '@/app/_domain/admin/customers';
import { adminRoute, noContent, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { customerIdentifier } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string };

// setCustomerPasswordHash: an imported hash (or the external flag), for migrations.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    PUT: withAdminKey(
      async (_request, { principal, params, body }) => {
        await setCustomerPasswordHash(principal, customerIdentifier(params.customerIdentifier), { hash: body.hash, hashingType: body.hashingType });
        return noContent();
      },
      { body: true },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier'],
);
