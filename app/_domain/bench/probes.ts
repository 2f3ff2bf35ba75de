import 'server-only';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { hashPassword } from '../passwords/hashing';

/**
 * What the benchmark's probe route measures (`npm run bench`, app/bench/[probe]): one select by
 * primary key through `getDb()` — the one-query floor every database-backed route is compared
 * to — and one argon2id hash at the configured cost.
 */
export async function oneQuery(id: number): Promise<number> {
  const rows = await getDb().select({ id: customers.id }).from(customers).where(eq(customers.id, id));
  return rows.length;
}

/** Milliseconds of one argon2id hash at the configured cost, in this process. */
export async function timeOneHash(): Promise<number> {
  const started = performance.now();
  await hashPassword('bench-password-1');
  return performance.now() - started;
}
