import { unsubscribe } from '@/app/_domain/notifications/service';
import { DomainError, isDomainError } from '@/app/_domain/shared/errors';
import { jsonApiRoute, noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

type Params = { subscriptionKey: string };

/** The key is the secret: no token is needed. One that could never have been issued (blank, too long, control characters) is unknown like any other. */
async function unsubscribeByKey(key: string): Promise<void> {
  try {
    await unsubscribe({ key });
  } catch (error) {
    if (isDomainError(error, 'validation')) throw new DomainError('subscriptionNotFound');
    throw error;
  }
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    DELETE: withOptionalCustomer(async (_request, { params }) => {
      await unsubscribeByKey(params.subscriptionKey);
      return noContent();
    }),
  },
  { params: ['subscriptionKey'] },
);
