import { resetPassword } from '@/app/_domain/passwords/reset';
import { restorePasswordCodec } from '@/app/_transport/glue/codecs/passwords';
import { noContent } from '@/app/_transport/glue/jsonapi';
import { withOptionalCustomer } from '@/app/_transport/glue/with-customer';

/** PATCH /customer-restore-password and /customer-restore-password/{anyId} (the id is ignored). */
export const restorePasswordHandler = withOptionalCustomer(
  async (_request, { input }) => {
    await resetPassword(input);
    return noContent();
  },
  { codec: restorePasswordCodec },
);
