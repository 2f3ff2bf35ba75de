import { requestPasswordReset } from '@/app/_domain/passwords/reset';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { contextFromRequest } from '@/app/_transport/http/request-context';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      await requestPasswordReset(attributes, contextFromRequest(request));
      return noContent();
    },
    { body: 'customer-forgotten-password' },
  ),
});
