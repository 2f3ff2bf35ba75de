import { requestPasswordReset } from '@/app/_domain/passwords/reset';
import { forgottenPasswordCodec } from '@/app/_transport/glue/codecs/passwords';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';
import { contextFromRequest } from '@/app/_transport/http/request-context';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { input }) => {
      await requestPasswordReset(input, contextFromRequest(request));
      return noContent();
    },
    { codec: forgottenPasswordCodec },
  ),
});
