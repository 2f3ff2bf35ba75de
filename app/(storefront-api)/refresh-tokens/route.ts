import { refreshAccessTokens } from '@/app/_domain/auth/tokens';
import { documentResponse, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { tokenResource } from '@/app/_transport/glue/resources';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      const tokens = await refreshAccessTokens(attributes, {});
      return documentResponse(request, tokenResource('refresh-tokens', tokens), { status: 201 });
    },
    { body: 'refresh-tokens' },
  ),
});
