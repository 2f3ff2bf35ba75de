import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where a process spent its time, as shares (0–1) of the profile's samples, by who runs. */
export type ProfileShares = Record<string, number>;

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
};

/** Who a frame belongs to, from its script's path (Turbopack names a package's chunk after it). */
function ownerOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return 'idle (waiting: database, hash threads, network)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (/drizzle-orm/.test(url)) return 'drizzle-orm';
  if (/node_modules\/postgres\/|node_modules_postgres_/.test(url)) return 'postgres.js';
  if (/jose/.test(url)) return 'jose';
  if (/zod/.test(url)) return 'zod';
  if (/next-auth|@auth/.test(url)) return 'Auth.js';
  if (/node_modules\/next\/|\[turbopack\]_runtime|node_modules_next_/.test(url)) return 'Next.js';
  if (/react/.test(url)) return 'React';
  if (/\.next\/server\//.test(url)) return 'the app (its own code and small modules)';
  if (/server\.mjs$/.test(url)) return 'the app (its own code and small modules)';
  if (url.startsWith('node:') || url === '') return 'Node.js (HTTP, streams, crypto, timers)';
  return 'other packages';
}

/** The shares of the newest `.cpuprofile` in `folder`. */
export function profileShares(folder: string): ProfileShares {
  const [newest] = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .reverse();
  if (!newest) throw new Error(`No CPU profile in ${folder}`);
  const profile = JSON.parse(readFileSync(path.join(folder, newest), 'utf8')) as CpuProfile;
  const owners = new Map(profile.nodes.map((node) => [node.id, ownerOf(node.callFrame.functionName, node.callFrame.url)]));
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const owner = owners.get(id) ?? 'other packages';
    totals.set(owner, (totals.get(owner) ?? 0) + delta);
    total += delta;
  });
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([owner, time]) => [owner, Math.round((time / total) * 1000) / 1000]));
}
