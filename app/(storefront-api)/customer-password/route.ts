import { jsonApiRoute } from '@/app/_transport/glue/jsonapi';
import { changePasswordHandler } from './change-password-handler';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: changePasswordHandler(() => null) });
