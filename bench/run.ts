// npm run bench [-- --customers 1000000 --duration 8 --connections 32 --no-build --out docs | --render]
//
// Builds and starts the app (with the benchmark's probes, BENCH_ROUTES=1) on a database of its own
// — embedded PGlite in a temporary folder by default, a fresh database on the server of
// DATABASE_URL when set — seeds what it needs, measures every target against its floor in one run
// (two rounds, targets alternating), and writes docs/benchmarks.md and docs/benchmarks.json.
// Loopback only; bounded in time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import postgres from 'postgres';
import { scratchDatabase } from '../scratch-database.mjs';
import { explainListPage } from './explain';
import { profileShares } from './profile';
import { writeReport, type BenchResult } from './report';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs' },
    // Writes benchmarks.md again from <out>/benchmarks.json (after editing the report's texts).
    render: { type: 'boolean', default: false },
  },
});
if (args.render) {
  writeReport(JSON.parse(readFileSync(path.join(args.out!, 'benchmarks.json'), 'utf8')) as BenchResult, args.out!);
  console.log(`wrote ${args.out}/benchmarks.md from ${args.out}/benchmarks.json`);
  process.exit(0);
}
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, argv, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------- set-up

type Database = Awaited<ReturnType<typeof scratchDatabase>>;

/** Filter values that select realistic slices of the seeded customers (read before the app opens the database). */
async function filterValues(db: Database): Promise<Record<string, string>> {
  if (db.kind !== 'postgres') return {};
  const sql = postgres(db.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [stats] = await sql`
      select
        (select created_at from customers order by created_at offset (select count(*) * 2 / 3 from customers) limit 1) as third_newest,
        (select created_at from customers order by created_at offset (select count(*) / 100 from customers) limit 1) as oldest_percent,
        (select updated_at from customers order by updated_at desc offset (select count(*) / 100 from customers) limit 1) as recent_update,
        (select updated_at from customers order by updated_at offset (select count(*) / 100 from customers) limit 1) as old_update,
        (select g from (select unnest(groups) as g from customers where groups <> '{}' limit 1000) x group by g order by count(*) desc limit 1) as group_name,
        (select max(id) from customers) as max_id,
        (select reference_key from customers where reference_key is not null order by id limit 1) as reference_key`;
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');
    return {
      minCreatedAt: iso(stats!.third_newest),
      maxCreatedAt: iso(stats!.oldest_percent),
      minUpdatedAt: iso(stats!.recent_update),
      maxUpdatedAt: iso(stats!.old_update),
      group: String(stats!.group_name ?? 'vip'),
      minId: String(Math.floor(Number(stats!.max_id) / 2)),
      maxId: String(Math.floor(Number(stats!.max_id) / 100)),
      id: [1, 2, 3, 1000, 500000].join(','),
      referenceKey: String(stats!.reference_key ?? 'none'),
      billingAddressCountryCode: 'LU',
      shippingAddressCountryCode: 'DE',
      isActive: 'false',
    };
  } finally {
    await sql.end();
  }
}

async function startApp(env: NodeJS.ProcessEnv, port: number, nodeArgs: string[] = []): Promise<{ child: ChildProcess; firstAnswerMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'server.mjs'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error('The app stopped while starting');
    if (performance.now() - t0 > 120_000) {
      child.kill('SIGTERM');
      throw new Error('The app did not answer within 2 minutes');
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.arrayBuffer();
      if (response.status < 500) return { child, firstAnswerMs: performance.now() - t0 };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ------------------------------------------------------------------------------------ measuring

type Target = { name: string; floor?: string; method?: string; path: string; headers?: Record<string, string>; body?: string; connections?: number };
export type Measured = { requests: number; rps: number; p50: number; p90: number; p99: number; errors: number; non2xx: number };

async function cannon(base: string, target: Target, duration: number, connections = CONNECTIONS): Promise<Measured> {
  const result = await autocannon({
    url: base + target.path,
    method: (target.method ?? 'GET') as 'GET',
    headers: target.headers,
    body: target.body,
    connections,
    duration,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Sequential requests (one connection): latency percentiles in ms. */
async function sequential(url: string, headers: Record<string, string>, count: number): Promise<{ p50: number; p95: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - t0);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), status };
}

const round = (n: number) => Math.round(n * 100) / 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A browser session cookie for the shopper (Auth.js's credentials sign-in, as the sign-in form does). */
async function browserSession(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar },
    body: new URLSearchParams({ csrfToken, username: email, password }),
  });
  const session = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.includes('session-token'));
  if (!session) throw new Error(`No session cookie after signing in (HTTP ${signedIn.status})`);
  return session;
}

// ------------------------------------------------------------------------------------------- main

const result: BenchResult = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
  versions: {},
  database: 'pglite',
  settings: { duration: DURATION, connections: CONNECTIONS, customers: 0 },
  firstAnswerMs: 0,
  firstAnswerEmbeddedMs: null,
  firstAnswerEmbeddedAgainMs: null,
  http: {},
  hashMs: 0,
  burst: null,
  admin: { floor: null, getCustomer: null, lists: [] },
  weights: [],
  lighthouse: [],
  profiles: [],
  notes: [],
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
for (const name of ['next', 'react', 'drizzle-orm', 'postgres', '@electric-sql/pglite', 'next-auth', '@node-rs/argon2']) {
  result.versions[name] = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version ?? pkg.dependencies[name];
}

if (!args['no-build']) {
  log('next build');
  run('npx', ['next', 'build']);
}

const db = await scratchDatabase('bench');
result.database = db.kind;
let app: ChildProcess | null = null;
const stopApp = async () => {
  const running = app;
  app = null;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
};
const stop = async () => {
  await stopApp();
  await db.cleanup().catch(() => undefined);
};
process.on('SIGINT', () => void stop().then(() => process.exit(130)));

try {
  const env: NodeJS.ProcessEnv = {
    ...db.env,
    NODE_ENV: 'production',
    BENCH_ROUTES: '1',
    DEV_MAILBOX: '1',
    AUTH_SECRET: randomBytes(32).toString('base64'),
    SHOP_KEY: 'shop',
    APP_URL: 'http://127.0.0.1',
    RATE_LIMIT_SIGNUPS_PER_IP: '1000000',
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: '1000000',
    // Every sign-in is counted before its hash is checked: 50 at once for one account would hit the account's limit.
    RATE_LIMIT_LOGIN_FAILURES: '1000000',
    RATE_LIMIT_EMAILS_PER_IP: '1000000',
  };
  log(`database: ${db.kind}; migrating`);
  run('npm', ['run', '-s', 'db:migrate'], env);

  // The embedded default's first answer after start, in a folder of its own (whatever database the
  // run measures), before the seeding so the machine is as quiet as after a plain `npm start`.
  {
    const embedded = await scratchDatabase('bench', { embedded: true });
    const embeddedEnv = { ...env, ...embedded.env };
    delete embeddedEnv.DATABASE_URL;
    // The very first start creates the folder (PGlite's initdb) and migrates it; every later
    // `npm start` opens the folder as it is.
    // Three starts after the first: their median.
    const again: number[] = [];
    for (let start = 0; start < 4; start++) {
      const port = await freePort();
      const started = await startApp({ ...embeddedEnv, APP_URL: `http://127.0.0.1:${port}` }, port);
      if (start === 0) result.firstAnswerEmbeddedMs = round(started.firstAnswerMs);
      else again.push(started.firstAnswerMs);
      started.child.kill('SIGTERM');
      await new Promise((resolve) => (started.child.exitCode !== null ? resolve(null) : started.child.once('exit', resolve)));
    }
    result.firstAnswerEmbeddedAgainMs = round(median(again));
    await embedded.cleanup();
    log(`embedded: first answer after ${result.firstAnswerEmbeddedMs} ms (fresh folder), ${result.firstAnswerEmbeddedAgainMs} ms (started again)`);
  }

  const customers = Number(args.customers);
  let filters: Record<string, string> = {};
  if (db.kind === 'postgres' && customers > 0) {
    log(`seeding ${customers.toLocaleString('en')} customers (COPY)`);
    run('npm', ['run', '-s', 'db:seed-large', '--', '--customers', String(customers), '--addresses-per-customer', '2'], env);
    result.settings.customers = customers;
    // Fresh statistics and visibility map, as a database that has lived a while has them.
    const sql = postgres(db.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await sql`vacuum analyze`;
    await sql.end();
    filters = await filterValues(db);
  } else if (customers > 0) {
    result.notes.push('The admin lists at 1,000,000 customers need PostgreSQL (DATABASE_URL): the embedded database has no COPY to seed them in time.');
  }
  const adminKey = run('npm', ['run', '-s', 'admin-key', '--', 'create', 'bench'], env).trim().split('\n').at(-1)!;


  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log('starting the app');
  const startedApp = await startApp({ ...env, APP_URL: base }, port);
  app = startedApp.child;
  result.firstAnswerMs = round(startedApp.firstAnswerMs);
  log(`first answer after ${result.firstAnswerMs} ms`);

  // A shopper with an access token (through the API and the development mailbox).
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'bench-password-1234';
  const api = { 'Content-Type': 'application/vnd.api+json' };
  const created = await fetch(`${base}/customers`, {
    method: 'POST',
    headers: api,
    body: JSON.stringify({ data: { type: 'customers', attributes: { salutation: 'Ms', firstName: 'Bench', lastName: 'Mark', email, password, confirmPassword: password, acceptedTerms: true } } }),
  });
  if (created.status !== 201) throw new Error(`registration answered ${created.status}: ${await created.text()}`);
  const reference = ((await created.json()) as { data: { id: string } }).data.id;
  let key: string | null = null;
  for (let i = 0; i < 100 && !key; i++) {
    const mail = (await (await fetch(`${base}/dev/mailbox/messages?to=${encodeURIComponent(email)}`)).json()) as { messages: { text: string }[] };
    key = mail.messages[0]?.text.match(/key=([A-Za-z0-9_-]+)/)?.[1] ?? null;
    if (!key) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await fetch(`${base}/customer-confirmation`, { method: 'POST', headers: api, body: JSON.stringify({ data: { type: 'customer-confirmation', attributes: { registrationKey: key } } }) });
  const signInBody = JSON.stringify({ data: { type: 'access-tokens', attributes: { username: email, password } } });
  const tokenResponse = await fetch(`${base}/access-tokens`, { method: 'POST', headers: api, body: signInBody });
  const token = ((await tokenResponse.json()) as { data: { attributes: { accessToken: string } } }).data.attributes.accessToken;
  const bearer = { Authorization: `Bearer ${token}` };
  await fetch(`${base}/customers/${reference}/addresses`, {
    method: 'POST',
    headers: { ...api, ...bearer },
    body: JSON.stringify({ data: { type: 'addresses', attributes: { salutation: 'Ms', firstName: 'Bench', lastName: 'Mark', address1: 'Unter den Linden', address2: '77', zipCode: '10117', city: 'Berlin', iso2Code: 'DE' } } }),
  });
  const adminBase = `${base}/admin/v1/shops/shop/countries/DE`;
  const adminHeaders = { 'X-Access-Token': adminKey };
  const shopperId = reference.split('--')[1];

  // The cost of one hash at the configured parameters, in the app's process.
  const hashes: number[] = [];
  for (let i = 0; i < 7; i++) hashes.push(((await (await fetch(`${base}/bench/hash`, { method: 'POST' })).json()) as { ms: number }).ms);
  result.hashMs = round(median(hashes));

  const targets: Target[] = [
    { name: 'framework floor (empty route handler)', path: '/bench/empty' },
    { name: 'one-query floor (select by primary key through getDb())', path: `/bench/one-query?id=${shopperId}` },
    { name: 'GET /customers/{ref} (Bearer)', floor: 'one-query floor (select by primary key through getDb())', path: `/customers/${reference}`, headers: bearer },
    { name: 'GET /customers/{ref}/addresses (Bearer)', floor: 'one-query floor (select by primary key through getDb())', path: `/customers/${reference}/addresses`, headers: bearer },
    {
      name: 'PATCH /customers/{ref} (Bearer)',
      floor: 'one-query floor (select by primary key through getDb())',
      method: 'PATCH',
      path: `/customers/${reference}`,
      headers: { ...api, ...bearer },
      body: JSON.stringify({ data: { type: 'customers', id: reference, attributes: { firstName: 'Benchmarked' } } }),
    },
    { name: 'admin getCustomer', floor: 'one-query floor (select by primary key through getDb())', path: `/admin/v1/shops/shop/countries/DE/customers/${shopperId}`, headers: adminHeaders },
    // One client: a sign-in's latency against one hash (at 32 connections it is a queue for 2 cores).
    { name: 'POST /access-tokens (argon2id verify)', floor: 'one argon2id hash', method: 'POST', path: '/access-tokens', headers: api, body: signInBody, connections: 1 },
  ];

  log('warming up');
  for (const target of targets) await cannon(base, target, 1);
  for (let roundNo = 1; roundNo <= 2; roundNo++) {
    for (const target of targets) {
      log(`round ${roundNo}: ${target.name}`);
      const measured = await cannon(base, target, DURATION, target.connections);
      (result.http[target.name] ??= { floor: target.floor ?? null, rounds: [] }).rounds.push(measured);
    }
  }

  // 50 sign-ins at once, while a shopper reads: the event loop's delay and the reader's latency.
  log('burst: 50 concurrent sign-ins during reads');
  const reads = cannon(base, targets[2]!, 4, 4);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // The delay is measured from here: the burst and the reads, not the idle time before.
  await fetch(`${base}/bench/event-loop`);
  const burstStarted = performance.now();
  const signIns = await Promise.all(
    Array.from({ length: 50 }, async () => {
      const response = await fetch(`${base}/access-tokens`, { method: 'POST', headers: api, body: signInBody });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  const burstMs = performance.now() - burstStarted;
  const loop = (await (await fetch(`${base}/bench/event-loop`)).json()) as { p50: number; p99: number; max: number };
  const during = await reads;
  // The same burst shape against the framework floor: 50 requests at once to the empty route.
  await fetch(`${base}/bench/event-loop`);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      const response = await fetch(`${base}/bench/empty`);
      await response.arrayBuffer();
    }),
  );
  const floorLoop = (await (await fetch(`${base}/bench/event-loop`)).json()) as { p50: number; p99: number; max: number };
  result.burst = {
    signIns: signIns.length,
    ok: signIns.filter((s) => s === 201).length,
    burstMs: round(burstMs),
    eventLoopP99: loop.p99,
    eventLoopMax: loop.max,
    readP99: during.p99,
    readRps: during.rps,
    floorEventLoopMax: floorLoop.max,
  };

  // The admin API at scale: one client, p95 of 20 requests per page.
  log('admin: getCustomer and list pages');
  // The framework floor at one client: what any admin request costs before its own work.
  result.admin.floor = await sequential(`${base}/bench/empty`, {}, 50);
  const getCustomer = await sequential(`${adminBase}/customers/${result.settings.customers > 0 ? Math.floor(result.settings.customers / 2) : shopperId}`, adminHeaders, 50);
  result.admin.getCustomer = getCustomer;
  const sorts = ['id', 'birthDate', 'firstName', 'lastName', 'lastLoginDate', 'passwordResetRequestedAt', 'createdAt', 'updatedAt'];
  const cases: { label: string; query: string }[] = [];
  for (const sort of sorts) for (const dir of ['asc', 'desc']) cases.push({ label: `sort=${sort} ${dir}`, query: `sort=${sort}&sortDir=${dir}` });
  for (const [name, value] of Object.entries(filters)) cases.push({ label: `filters[${name}]`, query: `filters[${name}]=${encodeURIComponent(value)}` });
  for (const testCase of cases) {
    const first = await sequential(`${adminBase}/customers?${testCase.query}`, adminHeaders, 20);
    // The 1,000th page of 100: walk 100 pages of 1,000, then ask for the next 100 with that cursor.
    let cursor: string | null = null;
    let pages = 0;
    if (result.settings.customers >= 100_000) {
      for (; pages < 100; pages++) {
        const page = (await (await fetch(`${adminBase}/customers?${testCase.query}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: adminHeaders })).json()) as { cursor?: { next: string | null } };
        cursor = page.cursor?.next ?? null;
        if (!cursor) break;
      }
    }
    const thousandth = cursor && pages === 100 ? await sequential(`${adminBase}/customers?${testCase.query}&cursor=${cursor}`, adminHeaders, 20) : null;
    const explained = db.kind === 'postgres' && result.settings.customers > 0
      ? {
          first: await explainListPage(db.env.DATABASE_URL!, `${adminBase}/customers?${testCase.query}`),
          thousandth: cursor && pages === 100 ? await explainListPage(db.env.DATABASE_URL!, `${adminBase}/customers?${testCase.query}&cursor=${cursor}`) : null,
        }
      : null;
    result.admin.lists.push({ label: testCase.label, first, thousandth, explained });
  }

  // Lighthouse (its default: a mid-range phone on a slow 4G connection, simulated) on the main form
  // pages; the account pages with the shopper's browser session.
  const chromePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROME_PATH ?? ''].find((candidate) => candidate && spawnSync('test', ['-x', candidate]).status === 0);
  if (!chromePath) {
    result.notes.push('Lighthouse did not run: no Chromium found (install Debian\'s `chromium`, or set CHROME_PATH).');
    log('lighthouse: no Chromium found, skipped');
  } else {
    log('lighthouse');
    const cookie = await browserSession(base, email, password);
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      // Three runs per page, the median by performance score (Lighthouse's own advice: one run
      // varies with what else the machine does).
      for (const page of ['/register', '/login', '/account', '/account/addresses']) {
        const headers = page.startsWith('/account') ? { Cookie: cookie } : undefined;
        const runs: BenchResult['lighthouse'] = [];
        for (let i = 0; i < 3; i++) {
          const audit = await lighthouse(base + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: headers });
          const categories = audit!.lhr.categories;
          runs.push({
            page,
            finalUrl: audit!.lhr.finalDisplayedUrl,
            performance: Math.round((categories.performance?.score ?? 0) * 100),
            accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
            lcp: audit!.lhr.audits['largest-contentful-paint']?.displayValue ?? '',
            tbt: audit!.lhr.audits['total-blocking-time']?.displayValue ?? '',
            runs: [],
          });
        }
        const sorted = [...runs].sort((a, b) => a.performance - b.performance);
        result.lighthouse.push({ ...sorted[1]!, runs: runs.map((run) => run.performance) });
      }
    } finally {
      await chrome.kill();
    }
  }

  // First-load JavaScript per page, as `next start` sends it (gzip) and as a CDN would (brotli).
  const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  for (const route of stats) {
    if (route.firstLoadChunkPaths.length === 0) continue;
    let gzip = 0;
    let brotli = 0;
    for (const file of route.firstLoadChunkPaths) {
      const bytes = readFileSync(file);
      gzip += zlib.gzipSync(bytes).length;
      brotli += zlib.brotliCompressSync(bytes).length;
    }
    result.weights.push({ route: route.route, gzipKiB: round(gzip / 1024), brotliKiB: round(brotli / 1024) });
  }
  result.weights.sort((a, b) => a.route.localeCompare(b.route));

  // CPU profiles of the hot paths, the evidence for goals their floors limit: the app once more
  // under `--cpu-prof` (same port, so its tokens stay valid; same database) for each target.
  const profiled = [targets.find((t) => t.name === 'GET /customers/{ref} (Bearer)')!, targets.find((t) => t.name.startsWith('POST /access-tokens'))!];
  for (const target of profiled) {
    log(`cpu profile: ${target.name}`);
    await stopApp();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'shop-bench-profile-'));
    try {
      app = (await startApp({ ...env, APP_URL: base }, port, ['--cpu-prof', `--cpu-prof-dir=${folder}`])).child;
      await cannon(base, target, 1, target.connections);
      await cannon(base, target, DURATION, target.connections);
      await stopApp();
      result.profiles.push({ target: target.name, connections: target.connections ?? CONNECTIONS, shares: profileShares(folder) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
} finally {
  await stop();
}

result.durationSeconds = Math.round((Date.now() - started) / 1000);
writeReport(result, args.out!);
log(`wrote ${args.out}/benchmarks.md and ${args.out}/benchmarks.json`);
