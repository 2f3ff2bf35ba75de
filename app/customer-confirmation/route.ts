import { confirmCustomer } from '@/app/_domain/customers/registration';
import { jsonApiRoute, noContent } from '@/app/_lib/jsonapi';
import { withOptionalCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (_request, { attributes }) => {
      await confirmCustomer(attributes, {});
      return noContent();
    },
    { body: 'customer-confirmation' },
  ),
});
