import { confirmCustomer } from '@/app/_domain/customers/registration';
import { confirmationCodec } from '@/app/_transport/glue/codecs/customers';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (_request, { input }) => {
      await confirmCustomer(input, {});
      return noContent();
    },
    { codec: confirmationCodec },
  ),
});
