import { jsonApiRoute } from '@/app/_lib/jsonapi';
import { changePasswordHandler } from './change-password-handler';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: changePasswordHandler });
