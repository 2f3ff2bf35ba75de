import { refreshAccessTokens } from '@/app/_domain/auth/tokens';
import { refreshTokenCodec, tokenResource } from '@/app/_transport/glue/codecs/tokens';
import { absoluteUrl, created, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { input }) => {
      const tokens = await refreshAccessTokens(input, {});
      return created(request, tokenResource('refresh-tokens', tokens), absoluteUrl('/refresh-tokens'));
    },
    { codec: refreshTokenCodec },
  ),
});
