import { changePassword } from '@/app/_domain/passwords/change';
import { noContent } from '@/app/_transport/glue/jsonapi';
import { withCustomer } from '@/app/_transport/glue/with-customer';

/** PATCH /customer-password and /customer-password/{customerReference}. */
export const changePasswordHandler = withCustomer(
  async (_request, { actor, params, attributes }) => {
    const reference = typeof params.customerReference === 'string' ? params.customerReference : null;
    await changePassword(actor, reference, attributes);
    return noContent();
  },
  { body: 'customer-password' },
);
