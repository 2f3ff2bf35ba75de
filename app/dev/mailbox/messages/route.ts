import { readDevMailbox } from '@/app/_domain/email/mailbox';

/** JSON view of the development mailbox, for scripts and end-to-end tests. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to') ?? undefined;
  // A filter with a control character matches no address (and must not reach the database).
  const messages = await readDevMailbox({ to: to && !/\p{Cc}/u.test(to) ? to : to ? 'no-such-address' : undefined });
  if (!messages) return new Response('Not found', { status: 404 });
  return Response.json({ messages }, { headers: { 'Cache-Control': 'no-store' } });
}
