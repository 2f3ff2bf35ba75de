import { jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { changePasswordHandler } from '../change-password-handler';

type Params = { customerReference: string };

// Glue clients send /customer-password/{customerReference}; another customer's reference is 403/411.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<Params>(
  { PATCH: changePasswordHandler<Params>((params) => params.customerReference) },
  { params: ['customerReference'] },
);
