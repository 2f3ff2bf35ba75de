import { resetPassword } from '@/app/_domain/passwords/reset';
import { noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

/** PATCH /customer-restore-password and /customer-restore-password/{anyId} (the id is ignored). */
export const restorePasswordHandler = withOptionalCustomer(
  async (_request, { attributes }) => {
    await resetPassword(attributes);
    return noContent();
  },
  { body: 'customer-restore-password' },
);
