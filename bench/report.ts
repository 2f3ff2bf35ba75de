import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Measured = { requests: number; rps: number; p50: number; p90: number; p99: number; errors: number; non2xx: number };
type Latency = { p50: number; p95: number; status: number };
/** An admin list page in the database: the plan chosen, EXPLAIN's index scans, planning + execution ms. */
export type ListPlan = { plan: string; scans: string[]; seqScans: number; p50: number; p95: number };

export type BenchResult = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  versions: Record<string, string>;
  database: 'postgres' | 'pglite';
  settings: { duration: number; connections: number; customers: number };
  firstAnswerMs: number;
  /** The embedded default's first answer (a fresh folder), whatever database the run used. */
  firstAnswerEmbeddedMs: number | null;
  /** … and when started again on that (now existing) folder, as every later `npm start` is (median of 3). */
  firstAnswerEmbeddedAgainMs: number | null;
  http: Record<string, { floor: string | null; rounds: Measured[] }>;
  hashMs: number;
  burst: {
    signIns: number;
    ok: number;
    burstMs: number;
    eventLoopP99: number;
    eventLoopMax: number;
    readP99: number;
    readRps: number;
    /** The event loop's longest delay while 50 requests at once reach the empty route (the framework's own). */
    floorEventLoopMax: number;
  } | null;
  admin: {
    /** The framework floor (the empty route) at one client, sequential like the admin requests. */
    floor: Latency | null;
    getCustomer: Latency | null;
    lists: { label: string; first: Latency; thousandth: Latency | null; explained: { first: ListPlan; thousandth: ListPlan | null } | null }[];
  };
  weights: { route: string; gzipKiB: number; brotliKiB: number }[];
  /** Per page the median of three runs by performance score; `runs`: the three scores. */
  lighthouse: { page: string; finalUrl: string; performance: number; accessibility: number; lcp: string; tbt: string; runs: number[] }[];
  /** CPU profiles of the app under one target each: who the process's time went to. */
  profiles: { target: string; connections: number; shares: Record<string, number> }[];
  notes: string[];
  durationSeconds?: number;
};

/** What was changed for speed, and what the benchmark showed (kept by hand, newest last). */
const CHANGES = [
  'Own-account read in one round trip: the token check already joins the token family to the customer; the request principal carries that row to `getOwnCustomer` (API tokens only, revocation still checked on every request). `GET /customers/{ref}`: 30–40 % of the one-query floor (the issue, main) → 105–134 % (with the proxy still in front of the floors, see below) and 103 % since.',
  'Sign-in in 4 round trips instead of 9: the two attempt counters and the customer read together, the three writes after a good password together, the token family and its first refresh token in one statement. `POST /access-tokens` at one client: p50 24–25 ms → 20 ms (the hash itself measured 12–15 ms in those runs, so the ratio stayed about 1.7 ×).',
  'The per-request token check is a prepared drizzle statement (the SQL is built once). Not measurable apart from the change above within the run-to-run noise.',
  'Forms: zod, the country tables and the country combobox load after first paint; react-hook-form removed. First-load JavaScript of the form pages 227–232 KiB → 139.2–140.0 KiB gzip (issue 14).',
  'The floors made honest: the benchmark’s probes ran behind `proxy.ts` (a CSP nonce per request and Auth.js’s cookie check), which the APIs skip; now they skip it too. The framework floor 658 → 1,207 req/s at 32 connections; with it the API reads’ ratios fell to what they are (`GET /customers/{ref}` 127 % → 103 % of the one-query floor, addresses 91 % → 71 %) — and the reads “faster than the empty route” of earlier runs are explained.',
  'Sign-in in 2 round trips besides the hash: the IP’s lock check and both counters in one statement (a locked IP still counts nothing), in parallel with the customer read; after the hash, the counters’ reset, the last-login time and the token family (or browser session) together. In-process `createAccessTokens` p50 19.8 → 19.3 ms at a 11.8 ms hash: within the noise — the round trips were not where the time went (see the profiles and “Goals not met”).',
  'At most one password hash per core at a time (p-limit), never on every thread of libuv’s pool: during a burst the access-token HMACs of other requests (WebCrypto runs on that pool) no longer queue behind the hashes. In-process, an HMAC started after 50 queued hashes: 437 ms → 4 ms.',
  'Admin lists: a broad filter walks at most 2,000 rows of the sort’s index, then reads filter-first; filter-first reads only ids (sorted by id, a date range from its (date, id) index alone) and joins the page’s 100 customers. In the database, at 1,000,000 customers: `filters[minCreatedAt]` (a third of the table, at the far end of the id order) 170–250 ms → 36–40 ms; `minUpdatedAt`/`maxUpdatedAt` (1 %) 15–25 ms → 1.5–2.3 ms.',
  '`GET …/addresses` in one statement: the token check reads the address book along (a prepared left join; the principal carries it, as it carries the customer row; revocation is still checked by that statement). 57–71 % of the one-query floor (the two runs before) → 82–90 % (the two runs since), p99 109–156 ms → 73–95 ms.',
  'Pool size measured, not guessed: `GET /customers/{ref}/addresses` at 32 connections, 8 s each, two alternating rounds, with `DATABASE_POOL_SIZE` 4 / 10 / 20: 571–612 / 648–652 / 591–607 req/s (p99 97–104 / 92–93 / 96–103 ms). 10, the default, is kept.',
];

/**
 * Why each goal not met is limited by its floor, with the evidence, and what was tried (kept by
 * hand; the figures are in the tables above, from the same run).
 */
const NOT_MET: [GoalKey, string][] = [
  [
    'readP99',
    '**GET reads: p99 < 50 ms at 32 connections.** Two cores run the load generator, Node and Postgres; 32 connections queue. The framework floor (an empty route) has a p99 of its own in the same order (the HTTP table), and the reads’ p99 follows it. The CPU profile of `GET /customers/{ref}` (above) shows where the process’s time goes: most of it in Node’s HTTP and stream machinery and in Next.js, little in the app’s own code or the driver.',
  ],
  [
    'readRatio',
    '**GET reads: ≥ 85 % of the one-query floor.** Each read is now one statement, as the floor is (the token check reads the customer, or the address book, along). What remains is per-request work the floor does not have: verifying the access token (HS256 in WebCrypto, a hop to libuv’s pool), the JSON:API document and the larger row; between runs the ratio moves by ±10–20 % on this machine.',
  ],
  [
    'signIn',
    '**POST /access-tokens p50 ≤ 1.5 × one hash.** A sign-in is one framework request, two database round trips, the hash and an HS256 signature. In-process phase timings on this machine (Postgres): counting + customer read ~3 ms, the hash ~11–14 ms (one hash alone: 10–12 ms), writes ~2.6 ms, signature ~1 ms; a round trip costs ~1 ms here even for one row (the database process has to be woken on a 2-vCPU VM; `select 1` in a loop: 0.2 ms). 1.5 × leaves about half a hash for everything else. The CPU profile of sign-ins at one client (above) shows the process idle most of the time: it waits on the hash thread and the database, it does not compute. Tried: 9 → 4 → 2 round trips; one statement for the counters; the token written with the bookkeeping.',
  ],
  [
    'eventLoop',
    '**Event loop p99 < 20 ms during 50 sign-ins at once.** Fifty requests that arrive together are read, routed and parsed in the same turn of the loop; the same burst against the empty route shows the framework’s own delay (the goals table). The hashes run off the loop (and at most one per core).',
  ],
  [
    'adminDb',
    '**Admin lists in the database.** `filters[minCreatedAt]` sorted by id selects a third of the table whose ids all lie at the far end: no index orders one column while ranging over another, so a page either walks 2/3 of the id index (170–250 ms) or reads the 333,000 matching entries from the (created_at, id) index alone and keeps the lowest 100 ids (36–40 ms, what it does now). Sorted by `createdAt` the same filter is ~0.2 ms. Not done: an id-ordered summary of creation times (extra writes on every registration for one back-office filter).',
  ],
  [
    'adminHttp',
    '**Admin lists over HTTP at one client.** The route handler itself, called in-process as Next calls it, takes 2.0–2.3 ms for 100 customers (drizzle’s row mapping ~1 ms, postgres.js parsing ~0.6 ms); the database part is in the table. Served by `next start`, the process spends ~5 ms of CPU per page: Next.js’s response piping through web streams, its tracer and async hooks for a 49 KB body (a CPU profile of the list: `webstreams/readablestream`, `trace`, `async_hooks` among the largest inclusive entries). The single-client framework floor of the same run is in the admin section.',
  ],
  [
    'lighthouse',
    '**Lighthouse.** Its performance score simulates a 4× slower CPU from what it measures on this machine, so Total Blocking Time — the hydration of the form pages — moves with whatever else the two cores do: the same page scores 90–99 across runs of this benchmark (the three runs per page are in the table). The pages’ first-load JavaScript is at the budget already (139–140 KiB gzip): React and Next.js alone are 136 KiB of it.',
  ],
  [
    'embeddedFresh',
    '**Embedded first start on a fresh folder.** PGlite creates the database (its initdb, in WebAssembly) on the first open: 2.5 s of it (opening an existing folder: 0.23 s; the migrations: 0.14 s). Tried: loading a dumped, migrated data folder instead (PGlite’s `loadDataDir`): 0.85 s — still over the goal with the app’s own start, for a 4.7 MB artifact in the build; not adopted. Every later `npm start` opens the folder as it is (the goal row above).',
  ],
];

const FRAMEWORK = 'framework floor (empty route handler)';
const ONE_QUERY = 'one-query floor (select by primary key through getDb())';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
const fixed = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (n: number) => `${fixed(n * 100)} %`;
type GoalKey = 'readRatio' | 'readP99' | 'signIn' | 'eventLoop' | 'burstRead' | 'adminDb' | 'adminHttp' | 'embeddedFresh' | 'lighthouse';

/** The summary figures of one target: mean req/s over the rounds, worst p50/p99. */
function summary(rounds: Measured[]) {
  return { rps: mean(rounds.map((r) => r.rps)), p50: Math.max(...rounds.map((r) => r.p50)), p99: Math.max(...rounds.map((r) => r.p99)), errors: rounds.reduce((a, r) => a + r.errors + r.non2xx, 0) };
}

export function writeReport(result: BenchResult, folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'benchmarks.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(folder, 'benchmarks.md'), markdown(result));
}

function markdown(r: BenchResult): string {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  const floor = r.http[FRAMEWORK] ? summary(r.http[FRAMEWORK].rounds) : null;
  const oneQuery = r.http[ONE_QUERY] ? summary(r.http[ONE_QUERY].rounds) : null;
  // The goals this run did not meet, for the explanations below the tables.
  const unmet = new Set<GoalKey | 'other'>();
  const verdict = (ok: boolean, ...keys: GoalKey[]) => {
    if (!ok) for (const key of keys.length > 0 ? keys : (['other'] as const)) unmet.add(key);
    return ok ? 'met' : '**not met**';
  };

  out('# Benchmarks');
  out();
  out('Written by `npm run bench` (bench/run.ts). Every figure is measured in the same run as its floor and');
  out('the claims are the **ratios**; absolute numbers depend on the machine. The load generator (autocannon)');
  out('runs on the same machine as the app and the database, over loopback.');
  out();
  out(`- Date: ${r.date}; run took ${r.durationSeconds ?? '?'} s`);
  out(`- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, ${r.machine.platform}, Node ${r.machine.node}`);
  out(`- Versions: ${Object.entries(r.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  out(`- Database: ${r.database === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; ${fixed(r.settings.customers)} seeded customers`);
  out(`- Load: ${r.settings.connections} connections, ${r.settings.duration} s per target, two rounds with the targets alternating; the worse p50/p99 of the two rounds`);
  out();

  out('## Goals');
  out();
  out('| goal | measured | |');
  out('|---|---|---|');
  for (const name of ['GET /customers/{ref} (Bearer)', 'GET /customers/{ref}/addresses (Bearer)']) {
    const target = r.http[name];
    if (!target || !oneQuery) continue;
    const s = summary(target.rounds);
    const ratio = s.rps / oneQuery.rps;
    const floorP99 = floor ? ` (the framework floor's own p99: ${fixed(floor.p99)} ms)` : '';
    if (ratio < 0.85) unmet.add('readRatio');
    if (s.p99 >= 50) unmet.add('readP99');
    out(`| ${name}: ≥ 85 % of the one-query floor's req/s, p99 < 50 ms | ${percent(ratio)}, p99 ${fixed(s.p99)} ms${floorP99}${s.errors ? `, ${s.errors} failed requests` : ''} | ${verdict(ratio >= 0.85 && s.p99 < 50 && s.errors === 0)} |`);
  }
  const tokens = r.http['POST /access-tokens (argon2id verify)'];
  if (tokens) {
    const s = summary(tokens.rounds);
    out(`| POST /access-tokens p50 ≤ 1.5 × one argon2id hash (${fixed(r.hashMs, 1)} ms), one client | ${fixed(s.p50 / r.hashMs, 1)} ×${s.errors ? `, ${s.errors} failed requests` : ''} | ${verdict(s.p50 <= 1.5 * r.hashMs && s.errors === 0, 'signIn')} |`);
  }
  if (r.burst) {
    out(`| 50 concurrent sign-ins: event loop p99 < 20 ms | ${fixed(r.burst.eventLoopP99, 1)} ms (max ${fixed(r.burst.eventLoopMax, 1)} ms; 50 requests at once to the empty route: max ${fixed(r.burst.floorEventLoopMax, 1)} ms); ${r.burst.ok} of ${r.burst.signIns} signed in | ${verdict(r.burst.eventLoopP99 < 20 && r.burst.ok === r.burst.signIns, 'eventLoop')} |`);
    out(`| … and a concurrent GET /customers/{ref} p99 < 100 ms | ${fixed(r.burst.readP99)} ms | ${verdict(r.burst.readP99 < 100, 'burstRead')} |`);
  }
  if (r.admin.lists.length > 0) {
    const explained = r.admin.lists.flatMap((l) => (l.explained ? [l.explained.first, ...(l.explained.thousandth ? [l.explained.thousandth] : [])] : []));
    if (explained.length > 0) {
      const worstDb = Math.max(...explained.map((e) => e.p95));
      const overDb = explained.filter((e) => e.p95 >= 10).length;
      const seqScans = explained.reduce((a, e) => a + e.seqScans, 0);
      out(`| admin lists at ${fixed(r.settings.customers)} customers, in the database: p95 < 10 ms per page, every filter and sort, first and 1,000th page; EXPLAIN shows index scans | worst ${fixed(worstDb, 1)} ms; ${overDb} of ${explained.length} pages over; ${seqScans === 0 ? 'index scans only' : `${seqScans} sequential scans`} | ${verdict(overDb === 0 && seqScans === 0, 'adminDb')} |`);
    }
    const worst = Math.max(...r.admin.lists.flatMap((l) => [l.first.p95, l.thousandth?.p95 ?? 0]));
    const over = r.admin.lists.filter((l) => l.first.p95 >= 10 || (l.thousandth?.p95 ?? 0) >= 10).length;
    const floorP95 = r.admin.floor ? ` (the framework floor's own p95 at one client: ${fixed(r.admin.floor.p95, 1)} ms)` : '';
    out(`| … over HTTP at one client: p95 < 10 ms per page | worst ${fixed(worst, 1)} ms; ${over} of ${r.admin.lists.length} cases over${floorP95} | ${verdict(over === 0, 'adminHttp')} |`);
  }
  if (r.firstAnswerEmbeddedAgainMs !== null) {
    out(`| embedded default: first request after \`npm start\` < 1.5 s | ${fixed(r.firstAnswerEmbeddedAgainMs)} ms (median of 3 starts) | ${verdict(r.firstAnswerEmbeddedAgainMs < 1500)} |`);
  }
  if (r.firstAnswerEmbeddedMs !== null) {
    out(`| … the very first start, on a fresh folder (PGlite's initdb and the migrations included) < 1.5 s | ${fixed(r.firstAnswerEmbeddedMs)} ms | ${verdict(r.firstAnswerEmbeddedMs < 1500, 'embeddedFresh')} |`);
  }
  if (r.weights.length > 0) {
    const heaviest = r.weights.reduce((a, b) => (b.gzipKiB > a.gzipKiB ? b : a));
    out(`| first-load JavaScript ≤ 140 KiB gzip on every page | heaviest ${heaviest.route}: ${fixed(heaviest.gzipKiB, 1)} KiB | ${verdict(heaviest.gzipKiB <= 140)} |`);
  }
  if (r.lighthouse.length > 0) {
    const ok = r.lighthouse.every((l) => l.performance >= 95 && l.accessibility === 100);
    out(`| Lighthouse performance ≥ 95 and accessibility 100 on ${r.lighthouse.map((l) => l.page).join(', ')} (median of 3 runs) | ${r.lighthouse.map((l) => `${l.page} ${l.performance}/${l.accessibility}`).join('; ')} | ${verdict(ok, 'lighthouse')} |`);
  } else {
    out('| Lighthouse performance ≥ 95 and accessibility 100 on /register, /login, /account, /account/addresses | not run (see the notes) | **not measured** |');
  }
  out();

  out('## HTTP targets');
  out();
  out('| target | req/s | vs. its floor | vs. framework floor | p50 ms | p99 ms | errors |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, target] of Object.entries(r.http)) {
    const s = summary(target.rounds);
    const own = target.floor && r.http[target.floor] ? summary(r.http[target.floor]!.rounds) : null;
    const vsOwn = own ? percent(s.rps / own.rps) : target.floor === 'one argon2id hash' ? `p50 = ${fixed(s.p50 / r.hashMs, 1)} × hash` : '—';
    out(`| ${name} | ${fixed(s.rps)} | ${vsOwn} | ${floor ? percent(s.rps / floor.rps) : '—'} | ${fixed(s.p50)} | ${fixed(s.p99)} | ${s.errors} |`);
  }
  out();
  if (r.burst) {
    out(`Burst: ${r.burst.signIns} sign-ins at once (${r.burst.ok} answered 201) took ${fixed(r.burst.burstMs)} ms; meanwhile 4 connections reading the customer got ${fixed(r.burst.readRps)} req/s, p99 ${fixed(r.burst.readP99)} ms; event loop delay p99 ${fixed(r.burst.eventLoopP99, 1)} ms.`);
    out();
  }

  if (r.admin.getCustomer || r.admin.lists.length > 0) {
    out('## Admin API (one client, sequential)');
    out();
    if (r.admin.floor) out(`Framework floor (the empty route) at one client: p50 ${fixed(r.admin.floor.p50, 1)} ms, p95 ${fixed(r.admin.floor.p95, 1)} ms.`);
    if (r.admin.getCustomer) out(`getCustomer: p50 ${fixed(r.admin.getCustomer.p50, 1)} ms, p95 ${fixed(r.admin.getCustomer.p95, 1)} ms.`);
    out();
    if (r.admin.lists.length > 0) {
      out('Each page over HTTP, and in the database (EXPLAIN ANALYZE of the statements the page runs: planning + execution); the plan is the one `selectCustomerPage` chose (db/queries/admin-customers.ts).');
      out();
      out('| list (limit 100) | plan (first page) | scans | first page HTTP p50 / p95 ms | in the database | 1,000th page HTTP p50 / p95 ms | in the database |');
      out('|---|---|---|---:|---:|---:|---:|');
      for (const list of r.admin.lists) {
        const page = (l: Latency | null) => (l ? `${fixed(l.p50, 1)} / ${fixed(l.p95, 1)}${l.status !== 200 ? ` (HTTP ${l.status})` : ''}` : 'fewer than 1,000 pages');
        const inDb = (e: ListPlan | null | undefined) => (e ? `${fixed(e.p50, 1)} / ${fixed(e.p95, 1)}` : '—');
        const e = list.explained;
        const scans = e ? [...new Set([...e.first.scans, ...(e.thousandth?.scans ?? [])])].join(', ') + (e.first.seqScans + (e.thousandth?.seqScans ?? 0) > 0 ? ', **Seq Scan**' : '') : '—';
        out(`| ${list.label} | ${e ? e.first.plan : '—'} | ${scans} | ${page(list.first)} | ${inDb(e?.first)} | ${page(list.thousandth)} | ${inDb(e?.thousandth)} |`);
      }
      out();
    }
  }

  if (r.weights.length > 0) {
    out('## First-load JavaScript per page');
    out();
    out('KiB of the scripts a page loads before it is interactive (`.next/diagnostics/route-bundle-stats.json`), gzip as `next start` sends them and brotli as a CDN would.');
    out();
    out('| page | gzip KiB | brotli KiB |');
    out('|---|---:|---:|');
    for (const w of r.weights) out(`| ${w.route} | ${fixed(w.gzipKiB, 1)} | ${fixed(w.brotliKiB, 1)} |`);
    out();
  }

  if (r.lighthouse.length > 0) {
    out('## Lighthouse');
    out();
    out("Lighthouse's default run (a mid-range phone, slow 4G and a 4× slower CPU, simulated), Debian's Chromium; the account pages with the shopper's session cookie. Three runs per page; the median run is shown, with the three performance scores.");
    out();
    out('| page | performance | runs | accessibility | LCP | TBT |');
    out('|---|---:|---:|---:|---:|---:|');
    for (const l of r.lighthouse) out(`| ${l.page}${l.finalUrl.endsWith(l.page) ? '' : ` (ended at ${new URL(l.finalUrl).pathname})`} | ${l.performance} | ${l.runs.join(', ')} | ${l.accessibility} | ${l.lcp} | ${l.tbt} |`);
    out();
  }

  if (r.profiles.length > 0) {
    out('## Where the time goes (CPU profiles)');
    out();
    out('The app once more under `node --cpu-prof` for one target at a time (start-up included); the share of the process\'s time by who ran. "Idle" is the event loop waiting: for the database, the hash threads or the network.');
    out();
    for (const profile of r.profiles) {
      out(`- **${profile.target}**, ${profile.connections} connection${profile.connections === 1 ? '' : 's'}: ${Object.entries(profile.shares).filter(([, share]) => share >= 0.005).map(([owner, share]) => `${owner} ${percent(share)}`).join(', ')}`);
    }
    out();
  }

  const explained = NOT_MET.filter(([key]) => unmet.has(key));
  if (explained.length > 0) {
    out('## Goals not met on this machine: the floor, the evidence, what was tried');
    out();
    for (const [, text] of explained) out(`- ${text}`);
    out();
  }

  out('## Changes and their effect');
  out();
  out('Measured with this benchmark on this machine (PostgreSQL, 1,000,000 customers) before and after each change; the figures of one run vary by ±10–20 % on a 2-core machine shared with the load generator.');
  out();
  for (const change of CHANGES) out(`- ${change}`);
  out();

  if (r.notes.length > 0) {
    out('## Notes');
    out();
    for (const note of r.notes) out(`- ${note}`);
    out();
  }
  return `${lines.join('\n')}\n`;
}
