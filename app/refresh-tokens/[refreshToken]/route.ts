import { revokeRefreshToken } from '@/app/_domain/auth/tokens';
import { jsonApiRoute, noContent } from '@/app/_lib/jsonapi';
import { withCustomer } from '@/app/_lib/with-customer';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  DELETE: withCustomer(async (_request, { actor, params }) => {
    await revokeRefreshToken(actor, String(params.refreshToken));
    return noContent();
  }),
});
