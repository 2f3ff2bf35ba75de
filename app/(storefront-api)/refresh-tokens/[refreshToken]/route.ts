import { revokeRefreshToken } from '@/app/_domain/auth/tokens';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withCustomer } from '@/app/_transport/glue/with-customer';

type Params = { refreshToken: string };

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    DELETE: withCustomer(async (_request, { principal, params }) => {
      await revokeRefreshToken(principal, params.refreshToken);
      return noContent();
    }),
  },
  { params: ['refreshToken'] },
);
