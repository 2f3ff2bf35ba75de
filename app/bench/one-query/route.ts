import { oneQuery } from '@/app/_domain/bench/probes';

/**
 * The one-query floor of `npm run bench`: one select by primary key through `getDb()` (`?id=`), in
 * a static route handler like the framework floor (`../empty`). 404 unless BENCH_ROUTES=1.
 */
export async function GET(request: Request): Promise<Response> {
  if (process.env.BENCH_ROUTES !== '1') return new Response('Not found', { status: 404 });
  const id = Number(new URL(request.url).searchParams.get('id') ?? 1);
  return Response.json({ found: await oneQuery(Number.isSafeInteger(id) ? id : 1) });
}
