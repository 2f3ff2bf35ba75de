import { jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { restorePasswordHandler } from './restore-password-handler';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: restorePasswordHandler });
