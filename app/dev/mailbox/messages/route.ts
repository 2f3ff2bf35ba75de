import { readDevMailbox } from '@/app/_domain/email/mailbox';

/** JSON view of the development mailbox, for scripts and end-to-end tests. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const messages = await readDevMailbox({ to: url.searchParams.get('to') ?? undefined });
  if (!messages) return new Response('Not found', { status: 404 });
  return Response.json({ messages }, { headers: { 'Cache-Control': 'no-store' } });
}
