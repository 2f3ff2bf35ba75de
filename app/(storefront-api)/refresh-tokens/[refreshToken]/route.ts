import { revokeRefreshToken } from '@/app/_domain/auth/tokens';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withCustomer } from '@/app/_transport/glue/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  DELETE: withCustomer(async (_request, { actor, params }) => {
    await revokeRefreshToken(actor, String(params.refreshToken));
    return noContent();
  }),
});
