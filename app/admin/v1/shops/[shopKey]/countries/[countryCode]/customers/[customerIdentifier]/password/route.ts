import { setCustomerPassword } from '@/app/_domain/admin/customers';
import { adminRoute, noContent, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { customerIdentifier } from '@/app/_transport/admin/query';

type Params = ShopParams & { customerIdentifier: string };

// setCustomerPassword: argon2id of the plain password; ends the customer's sessions and tokens.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    PUT: withAdminKey(
      async (_request, { principal, params, body }) => {
        await setCustomerPassword(principal, customerIdentifier(params.customerIdentifier), { password: body.password, hashingType: body.hashingType });
        return noContent();
      },
      { body: true },
    ),
  },
  ['shopKey', 'countryCode', 'customerIdentifier'],
);
