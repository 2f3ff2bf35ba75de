import { refreshAccessTokens } from '@/app/_domain/auth/tokens';
import { documentResponse, jsonApiRoute } from '@/app/_lib/jsonapi';
import { tokenResource } from '@/app/_lib/resources';
import { withOptionalCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      const tokens = await refreshAccessTokens(attributes, {});
      return documentResponse(request, tokenResource('refresh-tokens', tokens), { status: 201 });
    },
    { body: 'refresh-tokens' },
  ),
});
