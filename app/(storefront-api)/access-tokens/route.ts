import { createAccessTokens } from '@/app/_domain/auth/tokens';
import { accessTokenCodec, tokenResource } from '@/app/_transport/glue/codecs/tokens';
import { absoluteUrl, created, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';
import { contextFromRequest } from '@/app/_transport/http/request-context';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { input }) => {
      const tokens = await createAccessTokens(input, contextFromRequest(request));
      return created(request, tokenResource('access-tokens', tokens), absoluteUrl('/access-tokens'));
    },
    { codec: accessTokenCodec },
  ),
});
