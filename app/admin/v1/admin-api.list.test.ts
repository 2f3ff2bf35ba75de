import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { R, readJson, setupAdminClient, type AdminError } from '@/test/support/admin-client';
import { setupTestDatabase } from '@/test/support/database';
import { uniqueEmail } from '@/test/support/jsonapi-client';

/**
 * getCustomers through its route handler: the answer's shape, every filter, every sort in both
 * directions (ties broken by id, missing values first ascending), keyset paging that stays exact
 * while customers are added between pages, and the checks of limit, sort, filters and cursor.
 * Each test tags its own customers with a group and filters by it, so the tests do not see each
 * other's customers.
 */

setupTestDatabase();

type Entity = Record<string, unknown> & { id: number; addresses?: { id: number }[] };
type Page = { entities: Entity[]; cursor: { next: string | null } };

const { send } = setupAdminClient();

/** The list's requests name the country by its alpha-3 code. */
const DEU = { countryCode: 'DEU' };

/** GET /customers with these query parameters (as the seed's examples pass them). */
function getCustomers(query: Record<string, string | number> = {}): Promise<Response> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return send(R.customers, 'GET', {}, { ...DEU, query: search ? `?${search}` : '' });
}

async function page(query: Record<string, string | number>): Promise<Page> {
  const body = await readJson<Page>(await getCustomers(query), 200);
  expect(Object.keys(body).sort()).toEqual(['cursor', 'entities']);
  expect(Object.keys(body.cursor)).toEqual(['next']);
  return body;
}

/** The one INVALID_PARAMETER error of a 400 (its `context.field`). */
async function invalidParameter(query: Record<string, string | number>): Promise<string> {
  const body = await readJson<{ errors: AdminError[] }>(await getCustomers(query), 400);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.errorKey).toBe('INVALID_PARAMETER');
  expect(body.errors[0]!.message).toMatch(/\S/);
  return String(body.errors[0]!.context.field);
}

/**
 * Every page of a listing, following `cursor.next`; `between` runs after each page but the last
 * (to add customers meanwhile). Fails on a customer seen twice.
 */
async function pageThrough(query: Record<string, string | number>, between?: () => Promise<void>): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; ; pages += 1) {
    expect(pages, 'too many pages').toBeLessThan(100);
    const body = await page({ ...query, ...(cursor ? { cursor } : {}) });
    if (query.limit !== undefined) expect(body.entities.length).toBeLessThanOrEqual(Number(query.limit));
    seen.push(...body.entities.map((e) => e.id));
    cursor = body.cursor.next;
    if (cursor === null) break;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    await between?.();
  }
  expect(new Set(seen).size, `a customer was listed twice: ${seen.join(',')}`).toBe(seen.length);
  return seen;
}

/** A group name of its own for one test. */
function newGroup(name: string): string {
  return `${name}-${randomBytes(3).toString('hex')}`;
}

type Columns = {
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  isActive?: boolean;
  /** Timestamps as Postgres text, so microseconds can be set. */
  createdAt?: string;
  updatedAt?: string;
  lastLoginAt?: string | null;
  passwordResetRequestedAt?: string | null;
};

/** Creates a customer through the API (tagged with `groups`), then sets columns the API does not write directly. */
async function customer(groups: string[], columns: Columns = {}, body: Record<string, unknown> = {}): Promise<number> {
  const created = await readJson<Entity>(
    await send(R.customers, 'POST', {}, { ...DEU, body: { email: uniqueEmail('list'), firstName: 'Kim', lastName: 'Lee', groups, ...body } }),
    201,
  );
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(columns)) {
    const isTimestamp = ['createdAt', 'updatedAt', 'lastLoginAt', 'passwordResetRequestedAt'].includes(name);
    set[name] = isTimestamp && typeof value === 'string' ? sql`${value}::timestamptz` : value;
  }
  if (Object.keys(set).length > 0) await getDb().update(customers).set(set).where(eq(customers.id, created.id));
  return created.id;
}

async function address(customerId: number, body: Record<string, unknown>): Promise<void> {
  await readJson(await send(R.addresses, 'POST', { c: customerId }, { ...DEU, body }), 201);
}

// ---------------------------------------------------------------- shape, limit, parameters

describe('getCustomers: the answer and its parameters', () => {
  it('answers {entities, cursor} with whole Customer entities; cursor.next is null on the last page', async () => {
    const group = newGroup('shape');
    const ids = [await customer([group]), await customer([group]), await customer([group])];
    const first = await page({ 'filters[group]': group, limit: 2 });
    expect(first.entities.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(first.cursor.next).toEqual(expect.any(String));
    expect(Object.keys(first.entities[0]!)).toContain('customerReference');
    expect(first.entities[0]).toMatchObject({ id: ids[0], customerReference: `DE--${ids[0]}`, groups: [group], type: 'personal' });
    expect(first.entities[0]).not.toHaveProperty('addresses');
    const second = await page({ 'filters[group]': group, limit: 2, cursor: first.cursor.next! });
    expect(second.entities.map((e) => e.id)).toEqual(ids.slice(2));
    expect(second.cursor.next).toBeNull();
    // Exactly `limit` left: no further (empty) page.
    expect((await page({ 'filters[group]': group, limit: 3 })).cursor.next).toBeNull();
    expect(await page({ 'filters[group]': newGroup('nobody') })).toEqual({ entities: [], cursor: { next: null } });
  });

  it('lists 100 customers per page by default and at most 1000', async () => {
    const group = newGroup('many');
    await getDb()
      .insert(customers)
      .values(Array.from({ length: 101 }, (_, i) => ({ publicKey: `pk-${group}-${i}`, email: `${group}-${i}@example.com`, firstName: 'M', lastName: 'N', groups: [group] })));
    const first = await page({ 'filters[group]': group });
    expect(first.entities).toHaveLength(100);
    expect(first.cursor.next).not.toBeNull();
    expect((await page({ 'filters[group]': group, limit: 1000 })).entities).toHaveLength(101);
    expect(await pageThrough({ 'filters[group]': group, limit: 7 })).toHaveLength(101);
  });

  it('refuses limits outside 1–1000', async () => {
    for (const limit of ['1001', '0', '-1', '1.5', 'abc', '', '10000000', ' 5']) {
      expect(await invalidParameter({ limit }), `limit ${limit}`).toBe('limit');
    }
  });

  it('refuses unknown filters, sorts and sort directions; accepts SCAYLE’s appId, lastInvoiceDate and lockedUntilDate (by id)', async () => {
    expect(await invalidParameter({ 'filters[foo]': '1' })).toBe('filters[foo]');
    expect(await invalidParameter({ 'filters[ID]': '1' })).toBe('filters[ID]');
    expect(await invalidParameter({ filters: '1' })).toBe('filters');
    expect(await invalidParameter({ 'filters[id': '1' })).toBe('filters[id');
    for (const sort of ['foo', 'email', 'ID', 'id desc', '']) expect(await invalidParameter({ sort }), `sort ${sort}`).toBe('sort');
    for (const sortDir of ['up', 'DESC', '']) expect(await invalidParameter({ sortDir })).toBe('sortDir');

    const group = newGroup('scayle-sorts');
    const ids = [await customer([group]), await customer([group]), await customer([group])];
    for (const sort of ['appId', 'lastInvoiceDate', 'lockedUntilDate']) {
      expect(await pageThrough({ 'filters[group]': group, sort, limit: 2 })).toEqual(ids);
      expect(await pageThrough({ 'filters[group]': group, sort, sortDir: 'desc', limit: 2 })).toEqual([...ids].reverse());
    }
  });

  it('refuses malformed filter values, naming the filter', async () => {
    const cases: [string, string][] = [
      ['filters[id]', 'abc'], ['filters[id]', '1,x'], ['filters[id]', ','], ['filters[id]', '0'], ['filters[minId]', '-1'], ['filters[maxId]', '1.5'],
      ['filters[minCreatedAt]', 'yesterday'], ['filters[maxCreatedAt]', '2024-13-45'], ['filters[minUpdatedAt]', '1700000000'],
      ['filters[billingAddressCountryCode]', 'XX'], ['filters[shippingAddressCountryCode]', 'Germany'], ['filters[isActive]', 'yes'],
      ['filters[referenceKey]', ''], ['filters[group]', ' , '], ['filters[minCreatedAt]', '0000-01-01'], ['filters[minCreatedAt]', '0001-01-01T00:00:00+01:00'], ['filters[maxCreatedAt]', '2023-02-29'], ['filters[maxUpdatedAt]', '2024-01-01T10:00:00+99:99'],
    ];
    for (const [name, value] of cases) expect(await invalidParameter({ [name]: value }), `${name}=${value}`).toBe(name);
  });

  it('with=addresses includes each customer’s addresses; other with values are refused', async () => {
    const group = newGroup('with');
    const [a, b] = [await customer([group]), await customer([group])];
    await address(a, { street: 'Domstraße', houseNumber: '1', zipCode: '20095', city: 'Hamburg', countryCode: 'DEU' });
    await address(a, { street: 'Ring', houseNumber: '2', zipCode: '1010', city: 'Wien', countryCode: 'AUT' });
    const body = await page({ 'filters[group]': group, with: 'addresses' });
    expect(body.entities.map((e) => [e.id, e.addresses?.length])).toEqual([
      [a, 2],
      [b, 0],
    ]);
    expect(body.entities[0]!.addresses![0]).toMatchObject({ street: 'Domstraße', countryCode: 'DEU', isDefault: { billing: true, shipping: true } });
    expect(await invalidParameter({ with: 'legacyCustomData' })).toBe('with');
    expect(await invalidParameter({ with: 'nonUniqueAddresses' })).toBe('with');
    expect(await invalidParameter({ with: 'foo' })).toBe('with');
  });
});

// ---------------------------------------------------------------- filters

describe('getCustomers: filters', () => {
  it('filters by id and referenceKey lists, by group, and by minId/maxId (inclusive)', async () => {
    const group = newGroup('ids');
    const g2 = newGroup('second');
    const ids = [
      await customer([group], {}, { referenceKey: `${group}-a` }),
      await customer([group, g2], {}, { referenceKey: `${group}-b` }),
      await customer([group]),
      await customer([group, g2]),
      await customer([group]),
    ];
    const other = await customer([newGroup('other')]);
    const list = (filters: Record<string, string | number>) => pageThrough({ 'filters[group]': group, ...filters, limit: 2 });

    expect(await pageThrough({ 'filters[id]': `${ids[3]},${ids[0]},${other}` })).toEqual([ids[0], ids[3], other]);
    expect(await pageThrough({ 'filters[id]': ` ${ids[2]} ` })).toEqual([ids[2]]);
    expect(await pageThrough({ 'filters[referenceKey]': `${group}-b,${group}-a,nobody` })).toEqual([ids[0], ids[1]]);
    expect(await pageThrough({ 'filters[group]': g2 })).toEqual([ids[1], ids[3]]);
    expect(await pageThrough({ 'filters[group]': `${g2},nothing` })).toEqual([ids[1], ids[3]]);
    expect(await list({ 'filters[minId]': ids[1]!, 'filters[maxId]': ids[3]! })).toEqual(ids.slice(1, 4));
    expect(await list({ 'filters[minId]': ids[4]! })).toEqual([ids[4]]);
    expect(await list({ 'filters[maxId]': ids[0]! })).toEqual([ids[0]]);
    expect(await list({ 'filters[minId]': ids[3]!, 'filters[maxId]': ids[1]! })).toEqual([]);
    // Filters combine (and).
    expect(await pageThrough({ 'filters[group]': g2, 'filters[id]': `${ids[0]},${ids[1]}` })).toEqual([ids[1]]);
  });

  it('filters by created and updated time (inclusive, any ISO 8601 form)', async () => {
    const group = newGroup('times');
    const ids = [
      await customer([group], { createdAt: '2021-01-01 00:00:00+00', updatedAt: '2023-01-01 00:00:00+00' }),
      await customer([group], { createdAt: '2021-06-01 00:00:00+00', updatedAt: '2023-06-01 12:00:00+00' }),
      await customer([group], { createdAt: '2022-01-01 00:00:00+00', updatedAt: '2021-01-01 00:00:00+00' }),
    ];
    const list = (filters: Record<string, string>) => pageThrough({ 'filters[group]': group, ...filters, limit: 2 });
    expect(await list({ 'filters[minCreatedAt]': '2021-06-01T00:00:00Z' })).toEqual([ids[1], ids[2]]);
    expect(await list({ 'filters[maxCreatedAt]': '2021-06-01T00:00:00.000Z' })).toEqual([ids[0], ids[1]]);
    expect(await list({ 'filters[minCreatedAt]': '2021-06-01T02:00:00+02:00', 'filters[maxCreatedAt]': '2021-06-01' })).toEqual([ids[1]]);
    expect(await list({ 'filters[minCreatedAt]': '2021-06-01T00:00:00.001Z' })).toEqual([ids[2]]);
    expect(await list({ 'filters[minUpdatedAt]': '2023-01-01T00:00:00Z', 'filters[maxUpdatedAt]': '2023-06-01T12:00:00Z' })).toEqual([ids[0], ids[1]]);
    expect(await list({ 'filters[maxUpdatedAt]': '2022-12-31T23:59:59Z' })).toEqual([ids[2]]);
  });

  it('filters by the country of the default billing or shipping address, alpha-3 or alpha-2', async () => {
    const group = newGroup('countries');
    const hamburg = { street: 'Domstraße', houseNumber: '1', zipCode: '20095', city: 'Hamburg', countryCode: 'DEU' };
    const vienna = { street: 'Ring', houseNumber: '2', zipCode: '1010', city: 'Wien', countryCode: 'AUT' };
    const german = await customer([group]);
    await address(german, hamburg);
    const split = await customer([group]);
    await address(split, vienna);
    await address(split, { ...hamburg, isDefault: { billing: true } });
    const austrian = await customer([group]);
    await address(austrian, vienna);
    await address(austrian, hamburg); // not a default
    await customer([group]); // no address

    const list = (filters: Record<string, string>) => pageThrough({ 'filters[group]': group, ...filters, limit: 2 });
    for (const code of ['DEU', 'DE', 'deu', 'de']) expect(await list({ 'filters[billingAddressCountryCode]': code }), code).toEqual([german, split]);
    expect(await list({ 'filters[shippingAddressCountryCode]': 'DEU' })).toEqual([german]);
    expect(await list({ 'filters[shippingAddressCountryCode]': 'AT' })).toEqual([split, austrian]);
    expect(await list({ 'filters[billingAddressCountryCode]': 'AUT' })).toEqual([austrian]);
    expect(await list({ 'filters[billingAddressCountryCode]': 'DE', 'filters[shippingAddressCountryCode]': 'AUT' })).toEqual([split]);
    expect(await list({ 'filters[billingAddressCountryCode]': 'FRA' })).toEqual([]);
  });

  it('filters by isActive', async () => {
    const group = newGroup('active');
    const active = [await customer([group]), await customer([group])];
    const inactive = await customer([group], { isActive: false });
    const list = (isActive: string) => pageThrough({ 'filters[group]': group, 'filters[isActive]': isActive });
    expect(await list('true')).toEqual(active);
    expect(await list('1')).toEqual(active);
    expect(await list('false')).toEqual([inactive]);
    expect(await list('0')).toEqual([inactive]);
    expect((await page({ 'filters[id]': String(inactive) })).entities[0]!.status).toEqual({ isActive: false, isGuestCustomer: false });
  });
});

// ---------------------------------------------------------------- sorts

describe('getCustomers: sorts', () => {
  const group = newGroup('sorting');
  type Row = { id: number } & Columns;
  const rows: Row[] = [];

  // Ties and missing values in every column; timestamps that differ only in microseconds.
  const specs: Columns[] = [
    { firstName: 'Carl', lastName: 'Zeta', dateOfBirth: '1980-01-01', lastLoginAt: '2024-01-01 10:00:00.000001+00', passwordResetRequestedAt: null, createdAt: '2020-01-01 00:00:00.000002+00', updatedAt: '2024-05-01 00:00:00+00' },
    { firstName: 'Anna', lastName: 'Alpha', dateOfBirth: null, lastLoginAt: null, passwordResetRequestedAt: '2024-02-02 00:00:00+00', createdAt: '2020-01-01 00:00:00.000001+00', updatedAt: '2024-05-01 00:00:00+00' },
    { firstName: 'Bert', lastName: 'Alpha', dateOfBirth: '1975-05-05', lastLoginAt: '2024-01-01 10:00:00.000002+00', passwordResetRequestedAt: null, createdAt: '2020-01-01 00:00:00.000002+00', updatedAt: '2023-01-01 00:00:00+00' },
    { firstName: 'Bert', lastName: null, dateOfBirth: '1980-01-01', lastLoginAt: '2024-01-01 10:00:00.000001+00', passwordResetRequestedAt: '2024-02-02 00:00:00+00', createdAt: '2019-12-31 23:59:59.999999+00', updatedAt: '2024-05-01 00:00:00.000001+00' },
    { firstName: 'Anna', lastName: 'Beta', dateOfBirth: null, lastLoginAt: null, passwordResetRequestedAt: '2024-01-01 00:00:00+00', createdAt: '2020-01-01 00:00:00.000001+00', updatedAt: '2022-01-01 00:00:00+00' },
    { firstName: null, lastName: 'Beta', dateOfBirth: '1990-12-31', lastLoginAt: '2025-06-30 23:59:59.5+00', passwordResetRequestedAt: null, createdAt: '2021-01-01 00:00:00+00', updatedAt: '2024-05-01 00:00:00+00' },
    { firstName: 'Dora', lastName: 'Gamma', dateOfBirth: '1975-05-05', lastLoginAt: null, passwordResetRequestedAt: '2024-02-02 00:00:00.5+00', createdAt: '2020-01-01 00:00:00.000002+00', updatedAt: '2021-01-01 00:00:00+00' },
    { firstName: 'Bert', lastName: 'Alpha', dateOfBirth: '2000-02-29', lastLoginAt: '2024-01-01 10:00:00.000002+00', passwordResetRequestedAt: null, createdAt: '2018-01-01 00:00:00+00', updatedAt: '2024-05-01 00:00:00+00' },
    { firstName: 'Emil', lastName: 'Delta', dateOfBirth: '1980-01-01', lastLoginAt: null, passwordResetRequestedAt: '2024-01-01 00:00:00+00', createdAt: '2020-06-01 00:00:00+00', updatedAt: '2023-01-01 00:00:00+00' },
  ];

  beforeAll(async () => {
    for (const spec of specs) rows.push({ id: await customer([group], spec), ...spec });
  });

  const SORTS: { sort: string; key: (r: Row) => string | null }[] = [
    { sort: 'id', key: (r) => String(r.id).padStart(10, '0') },
    { sort: 'firstName', key: (r) => r.firstName ?? null },
    { sort: 'lastName', key: (r) => r.lastName ?? null },
    { sort: 'birthDate', key: (r) => r.dateOfBirth ?? null },
    { sort: 'lastLoginDate', key: (r) => micros(r.lastLoginAt) },
    { sort: 'passwordResetRequestedAt', key: (r) => micros(r.passwordResetRequestedAt) },
    { sort: 'createdAt', key: (r) => micros(r.createdAt) },
    { sort: 'updatedAt', key: (r) => micros(r.updatedAt) },
  ];

  /** A timestamp of the specs ('YYYY-MM-DD hh:mm:ss[.f]+00') as comparable text with six fraction digits. */
  function micros(value: string | null | undefined): string | null {
    if (!value) return null;
    const match = /^(\S+ \d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/.exec(value);
    if (!match) throw new Error(`unexpected timestamp ${value}`);
    return `${match[1]}.${(match[2] ?? '').padEnd(6, '0')}`;
  }

  /** Missing values first, ties by id: ascending; descending is the exact reverse. */
  function expected(key: (r: Row) => string | null, descending: boolean): number[] {
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return a.id - b.id;
    });
    const ids = sorted.map((r) => r.id);
    return descending ? ids.reverse() : ids;
  }

  it('has ties and missing values in every sorted column (so the tests below mean something)', () => {
    for (const { sort, key } of SORTS.slice(1)) {
      const keys = rows.map(key);
      expect(keys.filter((k) => k === null).length + (keys.length - new Set(keys).size), sort).toBeGreaterThan(1);
    }
  });

  for (const { sort, key } of SORTS) {
    for (const sortDir of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} ${sortDir}, ties by id, missing values ${sortDir === 'asc' ? 'first' : 'last'}, across pages of 2`, async () => {
        const want = expected(key, sortDir === 'desc');
        expect(await pageThrough({ 'filters[group]': group, sort, sortDir, limit: 2 })).toEqual(want);
        expect((await page({ 'filters[group]': group, sort, sortDir, limit: 1000 })).entities.map((e) => e.id)).toEqual(want);
      });
    }
  }

  it('sorts ascending by default', async () => {
    expect(await pageThrough({ 'filters[group]': group, sort: 'firstName', limit: 3 })).toEqual(expected(SORTS[1]!.key, false));
    expect(await pageThrough({ 'filters[group]': group, limit: 4 })).toEqual(rows.map((r) => r.id));
  });
});

// ---------------------------------------------------------------- paging while customers are added

describe('getCustomers: keyset paging', () => {
  it('by id ascending, visits every customer once and shows customers added meanwhile at the end', async () => {
    const group = newGroup('growing');
    const original: number[] = [];
    for (let i = 0; i < 9; i += 1) original.push(await customer([group]));
    const added: number[] = [];
    const seen = await pageThrough({ 'filters[group]': group, limit: 2 }, async () => {
      if (added.length < 4) added.push(await customer([group]));
    });
    expect(seen).toEqual([...original, ...added]);
    expect(added).toHaveLength(4);
  });

  it('by createdAt descending, visits every customer once and does not show customers added meanwhile', async () => {
    const group = newGroup('newest-first');
    const original: number[] = [];
    for (let i = 0; i < 9; i += 1) original.push(await customer([group], { createdAt: `2020-01-0${1 + (i % 3)} 00:00:00+00` }));
    let added = 0;
    const seen = await pageThrough({ 'filters[group]': group, sort: 'createdAt', sortDir: 'desc', limit: 2 }, async () => {
      await customer([group]);
      added += 1;
    });
    expect(added).toBe(4);
    const want = original.map((id, i) => ({ id, day: i % 3 })).sort((a, b) => b.day - a.day || b.id - a.id).map((r) => r.id);
    expect(seen).toEqual(want);
  });

  it('by lastName ascending, keeps its place when customers sort in before or after the cursor', async () => {
    const group = newGroup('names');
    const original: number[] = [];
    for (const lastName of ['B', 'D', 'F', 'H', 'J', 'L']) original.push(await customer([group], {}, { lastName }));
    const late: number[] = [];
    const seen = await pageThrough({ 'filters[group]': group, sort: 'lastName', limit: 2 }, async () => {
      await customer([group], {}, { lastName: 'A' }); // before the cursor: not shown
      late.push(await customer([group], {}, { lastName: 'Z' })); // after it: shown at the end
    });
    expect(seen).toEqual([...original, ...late]);
  });
});

// ---------------------------------------------------------------- cursors

describe('getCustomers: cursors', () => {
  it('refuses a tampered cursor, or one from another sort, direction or forged content (400 on cursor)', async () => {
    const group = newGroup('cursor');
    for (let i = 0; i < 3; i += 1) await customer([group], { createdAt: `2020-01-0${i + 1} 00:00:00+00` });
    const byId = (await page({ 'filters[group]': group, limit: 1 })).cursor.next!;
    const byCreatedAt = (await page({ 'filters[group]': group, sort: 'createdAt', limit: 1 })).cursor.next!;
    expect(byId).not.toBeNull();
    expect(byCreatedAt).not.toBeNull();

    const forge = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');
    const bad: [Record<string, string>, string][] = [
      [{}, randomBytes(24).toString('base64url')],
      [{}, 'not a cursor!'],
      [{}, `${byId}x`],
      [{}, byId.slice(0, -2)],
      [{}, 'a'.repeat(600)],
      [{ sort: 'createdAt' }, byId],
      [{}, byCreatedAt],
      [{ sort: 'createdAt', sortDir: 'desc' }, byCreatedAt],
      [{ sortDir: 'desc' }, byId],
      [{ sort: 'firstName' }, byId],
      [{ sort: 'createdAt' }, forge({ s: 'createdAt', d: 0, v: 'yesterday', i: 1 })],
      [{ sort: 'createdAt' }, forge({ s: 'createdAt', d: 0, v: '2020-13-45 99:99:99+00', i: 1 })],
      [{ sort: 'createdAt' }, forge({ s: 'createdAt', d: 0, v: '2020-01-01 24:00:00+00', i: 1 })],
      [{ sort: 'updatedAt' }, forge({ s: 'updatedAt', d: 1, v: '0000-01-01 00:00:00+00', i: 1 })],
      [{ sort: 'lastLoginDate' }, forge({ s: 'lastLoginDate', d: 0, v: '2020-01-01 00:00:00+99', i: 1 })],
      [{ sort: 'birthDate' }, forge({ s: 'birthDate', d: 0, v: '2020-02-30', i: 1 })],
      [{ sort: 'birthDate' }, forge({ s: 'birthDate', d: 0, v: '2021-02-29', i: 1 })],
      [{}, forge({ s: 'id', d: 0, v: 'abc', i: 1 })],
      [{}, forge({ s: 'id', d: 0, v: '1', i: 0 })],
      [{}, forge({ s: 'id', d: 0, v: '1', i: 1.5 })],
      [{}, forge({ s: 'id', d: 0, v: 1, i: 1 })],
      [{}, forge({ s: 'id', d: 0, v: '99999999999999999999', i: 1 })],
      [{}, forge([1, 2])],
      [{}, forge(null)],
      [{ sort: 'firstName' }, forge({ s: 'firstName', d: 0, v: 'a\u0000b', i: 1 })],
    ];
    for (const [query, cursor] of bad) {
      expect(await invalidParameter({ 'filters[group]': group, ...query, cursor }), `${JSON.stringify(query)} ${cursor}`).toBe('cursor');
    }
    // Forged but well-formed values are just positions.
    const all = await pageThrough({ 'filters[group]': group, sort: 'createdAt' });
    expect((await page({ 'filters[group]': group, sort: 'createdAt', cursor: forge({ s: 'createdAt', d: 0, v: '-infinity', i: 1 }) })).entities.map((e) => e.id)).toEqual(all);
    expect((await page({ 'filters[group]': group, sort: 'birthDate', cursor: forge({ s: 'birthDate', d: 0, v: '2024-02-29', i: 1 }) })).entities).toEqual([]);
    expect((await page({ 'filters[group]': group, sort: 'firstName', cursor: forge({ s: 'firstName', d: 0, v: '\ud800', i: 1 }) })).entities).toEqual([]);
    // The genuine ones still work.
    expect((await page({ 'filters[group]': group, limit: 1, cursor: byId })).entities).toHaveLength(1);
    expect((await page({ 'filters[group]': group, sort: 'createdAt', limit: 1, cursor: byCreatedAt })).entities).toHaveLength(1);
  });
});
