/**
 * The framework floor of `npm run bench`: a static route handler that does nothing (the probes
 * with a dynamic segment are in `../[probe]`). 404 unless the benchmark started the app (BENCH_ROUTES=1).
 */
export function GET(): Response {
  return process.env.BENCH_ROUTES === '1' ? new Response('ok') : new Response('Not found', { status: 404 });
}
