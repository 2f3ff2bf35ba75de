import { createAccessTokens } from '@/app/_domain/auth/tokens';
import { documentResponse, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { contextFromRequest } from '@/app/_transport/http/request-context';
import { tokenResource } from '@/app/_transport/glue/resources';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  POST: withOptionalCustomer(
    async (request, { attributes }) => {
      const tokens = await createAccessTokens(attributes, contextFromRequest(request));
      return documentResponse(request, tokenResource('access-tokens', tokens), { status: 201 });
    },
    { body: 'access-tokens' },
  ),
});
