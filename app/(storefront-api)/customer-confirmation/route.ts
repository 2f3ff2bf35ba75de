import { confirmCustomer } from '@/app/_domain/customers/registration';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (_request, { attributes }) => {
      await confirmCustomer(attributes, {});
      return noContent();
    },
    { body: 'customer-confirmation' },
  ),
});
