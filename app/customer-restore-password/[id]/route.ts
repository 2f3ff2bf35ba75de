import { jsonApiRoute } from '@/app/_lib/jsonapi';
import { restorePasswordHandler } from '../restore-password-handler';

// Glue clients send /customer-restore-password/mine or /1; the id is ignored.
export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: restorePasswordHandler });
