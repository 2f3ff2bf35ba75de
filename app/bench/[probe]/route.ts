import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { timeOneHash } from '@/app/_domain/bench/probes';

/**
 * Probes for `npm run bench` (the floors are the static `../empty` and `../one-query`), which starts the app with BENCH_ROUTES=1; in every other run each
 * answers 404, as an unknown path does.
 * - `POST /bench/hash`: one argon2id hash at the configured cost, timed in this process.
 * - `GET /bench/event-loop`: the event loop's delay (p50/p99/max, ms) since the last call, which resets it.
 */

const enabled = () => process.env.BENCH_ROUTES === '1';
const notFound = () => new Response('Not found', { status: 404 });

let histogram: IntervalHistogram | null = null;

function eventLoop(): Response {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
  }
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const body = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), samples: histogram.count };
  histogram.reset();
  return Response.json(body);
}

type Context = { params: Promise<{ probe: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  if (!enabled()) return notFound();
  const { probe } = await params;
  if (probe === 'event-loop') return eventLoop();
  return notFound();
}

export async function POST(_request: Request, { params }: Context): Promise<Response> {
  if (!enabled()) return notFound();
  const { probe } = await params;
  if (probe !== 'hash') return notFound();
  return Response.json({ ms: await timeOneHash() });
}
