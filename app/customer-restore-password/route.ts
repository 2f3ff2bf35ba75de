import { jsonApiRoute } from '@/app/_lib/jsonapi';
import { restorePasswordHandler } from './restore-password-handler';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({ PATCH: restorePasswordHandler });
