import { z } from 'zod';
import { refreshTokenSchema, signInSchema } from '@/app/_domain/auth/schema';
import type { TokenPair } from '@/app/_domain/auth/tokens';
import { requestCodec } from '../codec';
import type { Resource } from '../jsonapi';

export const accessTokenCodec = requestCodec('access-tokens', signInSchema.shape);
export const refreshTokenCodec = requestCodec('refresh-tokens', refreshTokenSchema.shape);

export const tokenAttributesSchema = z.object({
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  accessToken: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresIn: z.number().int(),
  idCompanyUser: z.null(),
});
export type TokenAttributes = z.infer<typeof tokenAttributesSchema>;

/** `access-tokens` / `refresh-tokens` resources (id null, as in Glue). */
export function tokenResource(type: 'access-tokens' | 'refresh-tokens', tokens: TokenPair): Resource {
  const attributes: TokenAttributes = {
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresIn: tokens.refreshTokenExpiresIn,
    idCompanyUser: null,
  };
  return { type, id: null, attributes };
}
