import { getCustomerForAdmin } from '@/app/_domain/admin/customers';
import { customerEntity } from '@/app/_transport/admin/codecs/customers';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { customerIdentifier, withParameter } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string };

// getCustomer: by id or `key=<referenceKey>`, with=addresses,legacyCustomData,nonUniqueAddresses.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    GET: withAdminKey(async (request, { principal, params }) => {
      const identifier = customerIdentifier(params.customerIdentifier);
      const include = withParameter(request, undefined, 'id' in identifier);
      return json(customerEntity(await getCustomerForAdmin(principal, identifier, include)));
    }),
  },
  ['shopKey', 'countryCode', 'customerIdentifier'],
);
