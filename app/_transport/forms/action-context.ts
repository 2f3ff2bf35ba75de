import 'server-only';
import { headers } from 'next/headers';
import type { RequestContext } from '@/app/_domain/shared/context';
import { clientIpFrom } from '@/app/_transport/http/client-ip';

/** The request context of a server action or server component. */
export async function actionContext(): Promise<RequestContext> {
  const all = await headers();
  return { clientIp: clientIpFrom(all), userAgent: all.get('user-agent') ?? undefined };
}
