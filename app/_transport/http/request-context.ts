import type { RequestContext } from '@/app/_domain/shared/context';
import { clientIpFrom } from './client-ip';

export function contextFromRequest(request: Request): RequestContext {
  return { clientIp: clientIpFrom(request.headers), userAgent: request.headers.get('user-agent') ?? undefined };
}
