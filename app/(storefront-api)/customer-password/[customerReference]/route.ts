import { jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { changePasswordHandler } from '../change-password-handler';

// Glue clients send /customer-password/{customerReference}; another customer's reference is 403/411.
export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: changePasswordHandler });
