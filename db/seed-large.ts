import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';

/**
 * Fills a Postgres database with many realistic customers and their address books, to measure
 * the admin API's list at scale (`npm run db:seed-large`). Customers arrive by COPY FROM STDIN in
 * batches; each batch's addresses are then derived from its rows in one set-based INSERT … SELECT.
 * Every run has its own prefix (emails `seed-<run>-<n>@example.com`, reference keys
 * `ext-<run>-<n>`), so runs add to existing rows without colliding. Seeded customers with a
 * password share the demo shopper's ('Shopper-Demo-2026').
 */

export type SeedLargeOptions = {
  customers: number;
  addressesPerCustomer: number;
  /** Customers per COPY (each batch and its addresses is one transaction). */
  batchSize?: number;
  onProgress?: (msg: string) => void;
};

export type SeedLargeResult = { run: string; customers: number; addresses: number; elapsedMs: number };

/** Per run: `n` of a customer fits in 24 bits (the public key packs the run and `n` into 48 bits). */
export const MAX_SEED_CUSTOMERS = 2 ** 24 - 1;
export const MAX_ADDRESSES_PER_CUSTOMER = 20;

// argon2id (m=19456, t=2, p=1) of 'Shopper-Demo-2026' (the demo shopper's, see db/seed.ts).
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Fr1kmN+8RAWEY83xzA+bcA$Rf3Ae/Z8xmsNK2VL+7xlR3bzJG1D7/Vmk4gwefW3KlM';

const FEMALE_NAMES = ['Anna', 'Emma', 'Mia', 'Sophie', 'Lena', 'Marie', 'Laura', 'Julia', 'Sarah', 'Lea', 'Hannah', 'Clara', 'Chloé', 'Inès', 'Fleur', 'Sanne', 'Katharina', 'Zoë'];
const MALE_NAMES = ['Paul', 'Jonas', 'Lukas', 'Leon', 'Finn', 'Elias', 'Felix', 'Max', 'Noah', 'Ben', 'Tobias', 'Stefan', 'Louis', 'Hugo', 'Daan', 'Sem', 'Matthias', 'Jürgen'];
const DIVERSE_NAMES = ['Alex', 'Kim', 'Robin', 'Charlie', 'Sascha', 'Luca'];
const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter',
  'Bauer', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Gruber', 'Huber', 'Pichler', 'Martin', 'Bernard', 'Dubois',
  'Lefèvre', 'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Peeters', 'Rossi', 'Nowak', 'Jensen', "O'Brien",
];
const COMPANIES = ['Muster GmbH', 'Nordlicht AG', 'Alpenblick KG', 'Atelier Dupont SARL', 'Van Dijk B.V.', 'Weber & Söhne OHG', 'Hansa Handel GmbH', 'Lumière SAS'];

/** Where addresses are: weight, country, a city, its postcode range and format, streets. */
type Place = { weight: number; country: string; city: string; zipFrom: number; zipTo: number; zipFormat: 'digits4' | 'digits5' | 'nl' | 'pl'; streets: string[] };
const DE_STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Gartenstraße', 'Schulstraße', 'Lindenweg', 'Bergstraße', 'Am Markt', 'Kirchplatz'];
const AT_STREETS = ['Mariahilfer Straße', 'Landstraße', 'Hauptplatz', 'Herrengasse', 'Kärntner Straße'];
const FR_STREETS = ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Voltaire', "Place de l'Église"];
const NL_STREETS = ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Prinsengracht', 'Stationsplein'];
const PLACES: Place[] = [
  { weight: 9, country: 'DE', city: 'Berlin', zipFrom: 10115, zipTo: 14199, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 7, country: 'DE', city: 'Hamburg', zipFrom: 20095, zipTo: 22769, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 6, country: 'DE', city: 'München', zipFrom: 80331, zipTo: 81929, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 5, country: 'DE', city: 'Köln', zipFrom: 50667, zipTo: 51149, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 4, country: 'DE', city: 'Leipzig', zipFrom: 4103, zipTo: 4357, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 4, country: 'DE', city: 'Frankfurt am Main', zipFrom: 60306, zipTo: 65936, zipFormat: 'digits5', streets: DE_STREETS },
  { weight: 6, country: 'AT', city: 'Wien', zipFrom: 1010, zipTo: 1230, zipFormat: 'digits4', streets: AT_STREETS },
  { weight: 3, country: 'AT', city: 'Graz', zipFrom: 8010, zipTo: 8055, zipFormat: 'digits4', streets: AT_STREETS },
  { weight: 2, country: 'AT', city: 'Salzburg', zipFrom: 5020, zipTo: 5026, zipFormat: 'digits4', streets: AT_STREETS },
  { weight: 3, country: 'CH', city: 'Zürich', zipFrom: 8001, zipTo: 8099, zipFormat: 'digits4', streets: ['Bahnhofstrasse', 'Seestrasse', 'Dorfstrasse', 'Langstrasse'] },
  { weight: 4, country: 'FR', city: 'Paris', zipFrom: 75001, zipTo: 75020, zipFormat: 'digits5', streets: FR_STREETS },
  { weight: 2, country: 'FR', city: 'Lyon', zipFrom: 69001, zipTo: 69009, zipFormat: 'digits5', streets: FR_STREETS },
  { weight: 1, country: 'FR', city: 'Strasbourg', zipFrom: 67000, zipTo: 67200, zipFormat: 'digits5', streets: FR_STREETS },
  { weight: 3, country: 'NL', city: 'Amsterdam', zipFrom: 1011, zipTo: 1109, zipFormat: 'nl', streets: NL_STREETS },
  { weight: 2, country: 'NL', city: 'Rotterdam', zipFrom: 3011, zipTo: 3089, zipFormat: 'nl', streets: NL_STREETS },
  { weight: 2, country: 'BE', city: 'Bruxelles', zipFrom: 1000, zipTo: 1210, zipFormat: 'digits4', streets: ['Rue Neuve', 'Avenue Louise', 'Chaussée de Waterloo'] },
  { weight: 1, country: 'LU', city: 'Luxembourg', zipFrom: 1009, zipTo: 2999, zipFormat: 'digits4', streets: ['Grand-Rue', 'Avenue de la Liberté', 'Rue de Hollerich'] },
  { weight: 1, country: 'DK', city: 'København', zipFrom: 1050, zipTo: 2450, zipFormat: 'digits4', streets: ['Strøget', 'Nørregade', 'Vesterbrogade'] },
  { weight: 1, country: 'PL', city: 'Warszawa', zipFrom: 1, zipTo: 4999, zipFormat: 'pl', streets: ['ul. Marszałkowska', 'ul. Nowy Świat', 'ul. Puławska'] },
  { weight: 1, country: 'IT', city: 'Milano', zipFrom: 20121, zipTo: 20162, zipFormat: 'digits5', streets: ['Via Roma', 'Corso Buenos Aires', 'Via Dante'] },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const SPAN_MS = 3 * 365 * DAY_MS;

/** mulberry32: a small seeded PRNG, so one run's rows do not depend on Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10 upper-case letters/digits like `newPublicKey()`: a bijection of (run, n) in 48 bits, so unique within a run. */
function publicKeyOf(runBits: bigint, n: number): string {
  const mask = (1n << 48n) - 1n;
  let x = (runBits << 24n) | BigInt(n);
  x = (x * 0x9e3779b97f4an + 0x5bd1e995n) & mask; // odd multiplier: a permutation mod 2^48
  x ^= x >> 21n;
  x = (x * 0xc2b2ae3d27d5n) & mask; // odd as well
  x ^= x >> 19n;
  return x.toString(36).toUpperCase().padStart(10, '0');
}

/** A timestamp with microseconds, as Postgres reads it. */
function timestamp(ms: number, random: () => number): string {
  const iso = new Date(Math.floor(ms)).toISOString(); // 2024-05-01T12:34:56.789Z
  return `${iso.slice(0, 23)}${String(Math.floor(random() * 1000)).padStart(3, '0')}Z`;
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

const NULL = '\\N';
const CUSTOMER_COLUMNS = [
  'reference_key', 'public_key', 'salutation', 'title', 'first_name', 'last_name', 'email', 'gender', 'date_of_birth', 'phone', 'company',
  'groups', 'password_hash', 'password_hash_type', 'is_active', 'confirmed_at', 'anonymized_at', 'last_login_at', 'password_reset_requested_at',
  'created_at', 'updated_at',
] as const;

type RunContext = { run: string; runBits: bigint; total: number; startMs: number; nowMs: number; random: () => number };

/** One customer as a line of COPY's text format (no value contains a tab, newline or backslash). */
function customerLine(ctx: RunContext, n: number): string {
  const { random, run } = ctx;
  // Registrations spread over three years, in id order (with a little jitter), as in a real shop.
  const createdMs = ctx.startMs + ((n + random()) / ctx.total) * (ctx.nowMs - ctx.startMs);
  const sinceCreated = ctx.nowMs - createdMs;
  const createdAt = timestamp(createdMs, random);
  const updatedAt = random() < 0.4 ? createdAt : timestamp(createdMs + random() * sinceCreated, random);
  const referenceKey = random() < 0.3 ? `ext-${run}-${n}` : NULL;
  const publicKey = publicKeyOf(ctx.runBits, n);
  const groupsRoll = random();
  const groups = groupsRoll < 0.02 ? '{vip,b2b}' : groupsRoll < 0.1 ? '{vip}' : groupsRoll < 0.2 ? '{b2b}' : '{}';

  if (random() < 0.005) {
    // Anonymized (account deleted): every personal column cleared, no address book.
    const anonymizedAt = timestamp(createdMs + random() * sinceCreated, random);
    return [referenceKey, publicKey, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, groups, NULL, NULL, 'f', createdAt, anonymizedAt, NULL, NULL, createdAt, anonymizedAt].join('\t');
  }

  const genderRoll = random();
  const gender = genderRoll < 0.48 ? 'Female' : genderRoll < 0.96 ? 'Male' : genderRoll < 0.98 ? 'Diverse' : NULL;
  const firstName = pick(gender === 'Female' ? FEMALE_NAMES : gender === 'Male' ? MALE_NAMES : DIVERSE_NAMES, random);
  const salutation = gender === 'Female' ? (random() < 0.7 ? 'Ms' : 'Mrs') : gender === 'Male' ? 'Mr' : NULL;
  const title = random() < 0.03 ? 'Dr.' : NULL;
  const birthDate = random() < 0.15 ? NULL : new Date(Date.UTC(1945, 0, 1) + Math.floor(random() * 63 * 365) * DAY_MS).toISOString().slice(0, 10);
  const phone = random() < 0.45 ? `+49${random() < 0.5 ? '151' : '170'}${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : NULL;
  const company = groups.includes('b2b') ? pick(COMPANIES, random) : NULL;
  const external = random() < 0.1;
  const confirmedAt = random() < 0.92 ? timestamp(createdMs + random() * 30 * 60_000, random) : NULL;
  const lastLoginAt = random() < 0.4 ? NULL : timestamp(createdMs + random() * sinceCreated, random);
  const resetAt = random() < 0.95 ? NULL : timestamp(createdMs + random() * sinceCreated, random);
  return [
    referenceKey, publicKey, salutation, title, firstName, pick(LAST_NAMES, random), `seed-${run}-${n}@example.com`, gender, birthDate, phone, company,
    groups, external ? NULL : PASSWORD_HASH, external ? 'external' : 'argon2id', random() < 0.97 ? 't' : 'f', confirmedAt, NULL, lastLoginAt, resetAt,
    createdAt, updatedAt,
  ].join('\t');
}

/** The lines of customers `from` … `to - 1`, a few hundred per chunk (COPY's stream respects backpressure). */
function* customerChunks(ctx: RunContext, from: number, to: number): Generator<string> {
  const perChunk = 500;
  for (let start = from; start < to; start += perChunk) {
    const lines: string[] = [];
    for (let n = start; n < Math.min(to, start + perChunk); n++) lines.push(customerLine(ctx, n));
    yield `${lines.join('\n')}\n`;
  }
}

/** Each customer's addresses, derived from the customer's row in SQL (set-based), in the places above. */
async function insertAddresses(tx: postgres.TransactionSql, run: string, afterId: number, perCustomer: number): Promise<number> {
  // Defaults (shipping and billing) are the first address; further ones are a second home, work, a parcel shop.
  const result = await tx`
    insert into customer_addresses (
      customer_id, salutation, gender, title, first_name, last_name, street, house_number, additional,
      zip_code, city, country_code, phone, company, is_default_shipping, is_default_billing, created_at, updated_at
    )
    select
      c.id, c.salutation, c.gender, c.title, c.first_name, c.last_name,
      p.streets[1 + (h.v / 7) % cardinality(p.streets)],
      (1 + (h.v / 131) % 180)::text || case when h.v % 11 = 0 then 'a' else '' end,
      case when h.v % 13 = 0 then 'c/o ' || c.last_name when h.v % 17 = 0 then '2. OG' end,
      case p.zip_format
        when 'nl' then (p.zip_from + z.v % (p.zip_to - p.zip_from + 1))::text || ' ' || chr(65 + (h.v / 3) % 17) || chr(65 + (h.v / 5) % 26)
        when 'pl' then left(lpad((p.zip_from + z.v % (p.zip_to - p.zip_from + 1))::text, 5, '0'), 2) || '-' || right(lpad((p.zip_from + z.v % (p.zip_to - p.zip_from + 1))::text, 5, '0'), 3)
        when 'digits4' then lpad((p.zip_from + z.v % (p.zip_to - p.zip_from + 1))::text, 4, '0')
        else lpad((p.zip_from + z.v % (p.zip_to - p.zip_from + 1))::text, 5, '0')
      end,
      p.city, p.country_code, c.phone, c.company, k = 1, k = 1,
      c.created_at + (now() - c.created_at) * (case when k = 1 then 0 else (h.v % 1000) / 1000.0 end),
      c.created_at + (now() - c.created_at) * (case when k = 1 then 0 else (h.v % 1000) / 1000.0 end)
    from customers c
    cross join generate_series(1, ${perCustomer}::int) as k
    cross join lateral (select ((c.id * 2654435761 + k * 40503) % 1000003)::int as v) h
    cross join lateral (select ((c.id * 40503 + k * 69069) % 99991)::int as v) z
    join seed_places p on p.slot = h.v % ${PLACE_SLOTS}
    where c.id > ${afterId} and c.email like ${`seed-${run}-%`}`;
  return result.count;
}

/** Places repeated by their weight: `slot` 0 … PLACE_SLOTS - 1. */
const PLACE_SLOTS = PLACES.reduce((sum, p) => sum + p.weight, 0);

async function createPlacesTable(sql: postgres.Sql): Promise<void> {
  await sql`
    create temporary table seed_places (
      slot int primary key, country_code text not null, city text not null, zip_from int not null, zip_to int not null, zip_format text not null, streets text[] not null
    ) on commit preserve rows`;
  let slot = 0;
  for (const p of PLACES) {
    for (let i = 0; i < p.weight; i++, slot++) {
      await sql`insert into seed_places values (${slot}, ${p.country}, ${p.city}, ${p.zipFrom}, ${p.zipTo}, ${p.zipFormat}, ${p.streets})`;
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export async function seedLarge(url: string, options: SeedLargeOptions): Promise<SeedLargeResult> {
  if (!url) throw new Error('seedLarge needs a PostgreSQL database (DATABASE_URL); PGlite is not supported.');
  const { customers: total, addressesPerCustomer, onProgress = () => {} } = options;
  if (!Number.isSafeInteger(total) || total < 1 || total > MAX_SEED_CUSTOMERS) throw new Error(`customers must be an integer from 1 to ${MAX_SEED_CUSTOMERS}`);
  if (!Number.isSafeInteger(addressesPerCustomer) || addressesPerCustomer < 0 || addressesPerCustomer > MAX_ADDRESSES_PER_CUSTOMER) {
    throw new Error(`addressesPerCustomer must be an integer from 0 to ${MAX_ADDRESSES_PER_CUSTOMER}`);
  }
  const batchSize = options.batchSize ?? 50_000;
  const started = performance.now();
  const elapsed = () => seconds(performance.now() - started);

  const handle = openDatabase({ url });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  onProgress(`Migrated (${elapsed()}).`);

  const runBytes = randomBytes(3);
  const run = runBytes.toString('hex');
  const nowMs = Date.now();
  const ctx: RunContext = { run, runBits: BigInt(runBytes.readUIntBE(0, 3)), total, startMs: nowMs - SPAN_MS, nowMs, random: prng(runBytes.readUIntBE(0, 3)) };

  // One session: the temporary places table and the settings live in it.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let addresses = 0;
  try {
    // A lost last commit on a crash is harmless for seed data, and saves a WAL flush per batch.
    await sql`set synchronous_commit = off`;
    await createPlacesTable(sql);
    for (let from = 0; from < total; from += batchSize) {
      const to = Math.min(total, from + batchSize);
      addresses += await sql.begin(async (tx) => {
        const [{ max }] = (await tx`select coalesce(max(id), 0)::bigint as max from customers`) as unknown as [{ max: string }];
        const copy = await tx.unsafe(`copy customers (${CUSTOMER_COLUMNS.join(', ')}) from stdin`).writable();
        await pipeline(Readable.from(customerChunks(ctx, from, to)), copy);
        // This batch's rows: past the largest id before the COPY, with this run's emails (anonymized ones have none, and no addresses).
        return addressesPerCustomer > 0 ? insertAddresses(tx, run, Number(max), addressesPerCustomer) : 0;
      });
      onProgress(`customers ${to.toLocaleString('en')}/${total.toLocaleString('en')}, addresses ${addresses.toLocaleString('en')} (${elapsed()})`);
    }
    onProgress(`Analyzing (${elapsed()}) …`);
    await sql`analyze customers`;
    await sql`analyze customer_addresses`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  const elapsedMs = performance.now() - started;
  onProgress(`Done: ${total.toLocaleString('en')} customers and ${addresses.toLocaleString('en')} addresses (run ${run}) in ${seconds(elapsedMs)}.`);
  return { run, customers: total, addresses, elapsedMs };
}
