import { createAccessTokens } from '@/app/_domain/auth/tokens';
import { documentResponse, jsonApiRoute } from '@/app/_lib/jsonapi';
import { contextFromRequest } from '@/app/_lib/request-context';
import { tokenResource } from '@/app/_lib/resources';
import { withOptionalCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      const tokens = await createAccessTokens(attributes, contextFromRequest(request));
      return documentResponse(request, tokenResource('access-tokens', tokens), { status: 201 });
    },
    { body: 'access-tokens' },
  ),
});
