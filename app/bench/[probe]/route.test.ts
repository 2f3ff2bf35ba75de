import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertCustomer } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { GET as empty } from '../empty/route';
import { GET as oneQuery } from '../one-query/route';
import { GET, POST } from './route';

setupTestDatabase();

/** What Next.js passes a dynamic route handler. */
const call = (handler: typeof GET, url: string, probe: string, method = 'GET') =>
  handler(new Request(`http://localhost${url}`, { method }), { params: Promise.resolve({ probe }) });

afterEach(() => vi.unstubAllEnvs());

describe('the benchmark probes', () => {
  it('answer 404 unless the benchmark started the app', async () => {
    expect((await call(GET, '/bench/event-loop', 'event-loop')).status).toBe(404);
    expect((await oneQuery(new Request('http://localhost/bench/one-query?id=1'))).status).toBe(404);
    expect(empty().status).toBe(404);
    expect((await call(POST, '/bench/hash', 'hash', 'POST')).status).toBe(404);
  });

  it('with BENCH_ROUTES=1: the empty floor, one select by primary key, one timed hash, the event loop delay', async () => {
    vi.stubEnv('BENCH_ROUTES', '1');
    const customer = await insertCustomer(getDb(), { publicKey: 'BENCHPROBE', email: 'probe@example.com' });
    expect(await empty().text()).toBe('ok');
    expect(await (await oneQuery(new Request(`http://localhost/bench/one-query?id=${customer!.id}`))).json()).toEqual({ found: 1 });
    expect(await (await oneQuery(new Request('http://localhost/bench/one-query?id=999999'))).json()).toEqual({ found: 0 });
    const { ms } = (await (await call(POST, '/bench/hash', 'hash', 'POST')).json()) as { ms: number };
    expect(ms).toBeGreaterThan(0);
    const loop = (await (await call(GET, '/bench/event-loop', 'event-loop')).json()) as Record<string, number>;
    expect(Object.keys(loop).sort()).toEqual(['max', 'p50', 'p99', 'samples']);
    expect((await call(GET, '/bench/nothing', 'nothing')).status).toBe(404);
    expect((await call(POST, '/bench/event-loop', 'event-loop', 'POST')).status).toBe(404);
    expect((await call(GET, '/bench/one-query', 'one-query')).status).toBe(404);
  });
});
