import { jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { restorePasswordHandler } from '../restore-password-handler';

// Glue clients send /customer-restore-password/mine or /1; the id is ignored.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute<{ id: string }>({ PATCH: restorePasswordHandler }, { params: ['id'] });
