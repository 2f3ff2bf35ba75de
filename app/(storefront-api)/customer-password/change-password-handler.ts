import { changePassword } from '@/app/_domain/passwords/change';
import { passwordChangeCodec } from '@/app/_transport/glue/codecs/passwords';
import { noContent, type Handler } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';

/**
 * PATCH /customer-password (the caller's own password) and /customer-password/{customerReference}
 * (another customer's reference is 403/411). `referenceOf` reads the route's reference, if any.
 */
export function changePasswordHandler<P extends Record<string, string> = Record<never, string>>(referenceOf: (params: P) => string | null): Handler<P> {
  return withCustomer<P>(
    async (_request, { principal, params, input }) => {
      const reference = referenceOf(params);
      await changePassword(principal, reference === null ? principal.customerId : parseCustomerReference(reference), input);
      return noContent();
    },
    { codec: passwordChangeCodec },
  );
}
