import { forgottenPasswordSchema, passwordChangeSchema, passwordResetSchema } from '@/app/_domain/passwords/schema';
import { requestCodec } from '../codec';

export const passwordChangeCodec = requestCodec('customer-password', passwordChangeSchema.shape);
export const forgottenPasswordCodec = requestCodec('customer-forgotten-password', forgottenPasswordSchema.shape);
export const restorePasswordCodec = requestCodec('customer-restore-password', passwordResetSchema.shape, { restorePasswordKey: 'key' });
