import { exportCustomerData } from '@/app/_domain/customers/export';
import { documentResponse, jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { absoluteUrl } from '@/app/_transport/glue/jsonapi';
import { parseCustomerReference } from '@/app/_transport/glue/reference';
import { withCustomer } from '@/app/_transport/glue/with-customer';

type Params = { customerReference: string };

/** GET /customers/{ref}/export: the customer's data export (GDPR Art. 15/20) as a `customer-exports` resource. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  {
    GET: withCustomer(async (request, { principal, params }) => {
      const data = await exportCustomerData(principal, parseCustomerReference(params.customerReference));
      return documentResponse(request, {
        type: 'customer-exports',
        id: params.customerReference,
        attributes: data,
        links: { self: absoluteUrl(`/customers/${encodeURIComponent(params.customerReference)}/export`) },
      });
    }),
  },
  { params: ['customerReference'] },
);
