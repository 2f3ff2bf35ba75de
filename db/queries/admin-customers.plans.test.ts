import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/test/support/database';
import { getDb } from '../client';
import { customerPageQuery, planCustomerPage, selectCustomerPage, SORT_COLUMNS, walkQuery, WALK_ROWS, type CustomerListFilters, type CustomerListPage, type SortColumn } from './admin-customers';

/**
 * The admin customer list stays one index range scan per page at any size: every sort walks its
 * index (no Sort node, no Seq Scan) with the cursor as the index condition, and every filter has an
 * index. Checked with EXPLAIN of the exact SQL `selectCustomerPage` sends, on 50,000 customers
 * (100,000 addresses) generated in SQL and ANALYZEd — on PGlite and on Postgres (DATABASE_URL).
 * `npm run db:seed-large` fills a Postgres database with a million to look at real timings.
 */

setupTestDatabase();

const CUSTOMERS = 50_000;
const PAGE = 25;

const SORT_INDEX: Record<SortColumn, string> = {
  id: 'customers_pkey',
  birthDate: 'customers_birth_date_idx',
  firstName: 'customers_first_name_idx',
  lastName: 'customers_last_name_idx',
  lastLoginDate: 'customers_last_login_at_idx',
  passwordResetRequestedAt: 'customers_password_reset_requested_at_idx',
  createdAt: 'customers_created_at_idx',
  updatedAt: 'customers_updated_at_idx',
};

/** The Postgres type of each sort value (the cursor's `value` is its text). */
const SORT_TYPE: Record<SortColumn, string> = {
  id: 'bigint',
  birthDate: 'date',
  firstName: 'text',
  lastName: 'text',
  lastLoginDate: 'timestamptz',
  passwordResetRequestedAt: 'timestamptz',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
};

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Scan Direction'?: string;
  Filter?: string;
  Plans?: PlanNode[];
};

async function rows<T>(query: SQL): Promise<T[]> {
  const result: unknown = await getDb().execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** EXPLAIN of the exact statement and parameters `selectCustomerPage` runs, through the same driver. */
async function explain(page: CustomerListPage, options: { filterFirst?: boolean } = {}): Promise<PlanNode> {
  return await explainQuery(customerPageQuery(getDb(), page, options).toSQL());
}

async function explainQuery(query: { sql: string; params: unknown[] }): Promise<PlanNode> {
  const parts = query.sql.split(/\$(\d+)/);
  const statement = sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(query.params[Number(part) - 1]))));
  const [row] = await rows<{ 'QUERY PLAN': unknown }>(sql`explain (format json) ${statement}`);
  const json = row!['QUERY PLAN'];
  const [plan] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
  return plan.Plan;
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** A plan as one line per node, for failure messages (and the report of what the planner did). */
function describePlan(node: PlanNode, depth = 0): string {
  const label = [node['Node Type'], node['Scan Direction'] === 'Backward' ? '(backward)' : '', node['Index Name'] ?? node['Relation Name'] ?? ''];
  if (node['Index Cond']) label.push(`cond ${node['Index Cond']}`);
  if (node.Filter) label.push(`filter ${node.Filter}`);
  return [`${'  '.repeat(depth)}${label.filter(Boolean).join(' ')}`, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

const indexesOf = (plan: PlanNode) => nodesOf(plan).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
const seqScansOf = (plan: PlanNode) => nodesOf(plan).filter((n) => n['Node Type'] === 'Seq Scan');
const sortsOf = (plan: PlanNode) => nodesOf(plan).filter((n) => /Sort$/.test(n['Node Type']) && n['Node Type'] !== 'Merge Join');

beforeAll(async () => {
  const db = getDb();
  // Realistic shapes: NULLs in every nullable sort column (40% never signed in, 95% never asked
  // for a reset), registrations in id order over three years, few inactive, a rare group (0.05%).
  await db.execute(sql`
    insert into customers (reference_key, public_key, salutation, first_name, last_name, email, date_of_birth, groups, is_active,
                           last_login_at, password_reset_requested_at, created_at, updated_at)
    select
      case when g % 10 < 3 then 'ref-' || g end,
      'PLAN' || g,
      case when g % 2 = 0 then 'Ms' else 'Mr' end,
      case when g % 50 = 0 then null else (array['Anna','Paul','Mia','Jonas','Lena','Felix','Sophie','Lukas','Emma','Max','Zoë','Jürgen'])[1 + (g * 7) % 12] end,
      case when g % 50 = 0 then null else (array['Müller','Schmidt','Weber','Meyer','Wagner','Becker','Huber','Gruber','Dubois','de Jong','Jansen','Rossi','Nowak','Koch','Richter','Wolf'])[1 + (g * 13) % 16] end,
      case when g % 50 = 0 then null else 'plan-' || g || '@example.com' end,
      case when g % 7 = 0 then null else date '1950-01-01' + (g * 7919) % 20000 end,
      case when g % 2000 = 0 then '{rare}'::text[] when g % 10 = 1 then '{vip}'::text[] when g % 10 = 2 then '{b2b}'::text[] else '{}'::text[] end,
      g % 40 <> 0,
      case when g % 5 < 2 then null else timestamptz '2024-01-01 00:00:00+00' + ((g::bigint * 104729) % 94608000) * interval '1 second' end,
      case when g % 20 = 0 then timestamptz '2024-01-01 00:00:00+00' + ((g::bigint * 15485863) % 94608000) * interval '1 second' end,
      timestamptz '2023-01-01 00:00:00+00' + g * interval '30 minutes' + (g % 997) * interval '1 microsecond',
      timestamptz '2023-01-01 00:00:00+00' + g * interval '30 minutes' + ((g * 7919) % 500000) * interval '1 minute'
    from generate_series(1, ${CUSTOMERS}::int) as g`);
  // Two addresses each (the first is the default shipping and billing one), 1% in Luxembourg.
  await db.execute(sql`
    insert into customer_addresses (customer_id, first_name, last_name, street, house_number, zip_code, city, country_code, is_default_shipping, is_default_billing)
    select c.id, c.first_name, c.last_name, 'Hauptstraße', (1 + c.id % 120)::text, p.zip, p.city, p.country, k = 1, k = 1
    from customers c
    cross join generate_series(1, 2) as k
    cross join lateral (
      select * from (values
        ('DE', 'Berlin', lpad((10115 + c.id % 4000)::text, 5, '0')),
        ('AT', 'Wien', (1010 + c.id % 220)::text),
        ('FR', 'Paris', (75001 + c.id % 20)::text),
        ('NL', 'Amsterdam', (1011 + c.id % 90)::text || ' AB'),
        ('LU', 'Luxembourg', (1009 + c.id % 900)::text)
      ) as v(country, city, zip)
      where v.country = case when (c.id * 31 + k) % 100 = 0 then 'LU' when (c.id * 31 + k) % 100 < 60 then 'DE' when (c.id * 31 + k) % 100 < 80 then 'AT'
                             when (c.id * 31 + k) % 100 < 90 then 'FR' else 'NL' end
    ) as p
    where c.first_name is not null`);
  await db.execute(sql`analyze customers`);
  await db.execute(sql`analyze customer_addresses`);
});

/** The cursor of customer `id` in `sort` (its sort value as the list prints it). */
async function cursorAt(id: number, sort: SortColumn): Promise<{ value: string; id: number }> {
  const [row] = await selectCustomerPage(getDb(), { filters: { ids: [id] }, sort, descending: false, limit: 1, after: null });
  return { value: row!.sortValue, id };
}

describe('the admin customer list at scale: one index range scan per page', () => {
  const cases = SORT_COLUMNS.flatMap((sort) => [false, true].map((descending) => ({ sort, descending, direction: descending ? 'desc' : 'asc' })));

  it.each(cases)('sort $sort $direction walks $sort’s index, with and without a cursor', async ({ sort, descending }) => {
    const first = await selectCustomerPage(getDb(), { filters: {}, sort, descending, limit: PAGE, after: null });
    const last = first.at(-2)!; // the last row shown (the page holds one more)
    const cursors = [null, { value: last.sortValue, id: last.customer.id }, await cursorAt(CUSTOMERS / 2 + 3, sort), await cursorAt(CUSTOMERS / 2 + 5, sort)];
    for (const after of cursors) {
      const plan = await explain({ filters: {}, sort, descending, limit: PAGE, after });
      const shown = `${sort} ${descending ? 'desc' : 'asc'} after ${JSON.stringify(after)}:\n${describePlan(plan)}`;
      expect(plan['Node Type'], shown).toBe('Limit');
      const scan = plan.Plans![0]!;
      expect(scan['Node Type'], shown).toBe('Index Scan');
      expect(scan['Index Name'], shown).toBe(SORT_INDEX[sort]);
      expect(scan['Scan Direction'], shown).toBe(descending ? 'Backward' : 'Forward');
      expect(sortsOf(plan), shown).toEqual([]);
      expect(seqScansOf(plan), shown).toEqual([]);
      if (after) {
        // The cursor starts the range scan: the 1,000th page costs what the first does.
        expect(scan['Index Cond'], shown).toBeDefined();
        expect(scan.Filter, shown).toBeUndefined();
      }
    }
  });

  const filterCases: { name: string; filters: () => CustomerListFilters; sort?: SortColumn; indexes: string[]; nodeType?: string }[] = [
    { name: 'id list', filters: () => ({ ids: [17, 4_711, 31_337] }), indexes: ['customers_pkey'] },
    { name: 'referenceKey list', filters: () => ({ referenceKeys: ['ref-10', 'ref-4712', 'ref-31330'] }), indexes: ['customers_reference_key_key'] },
    { name: 'a rare group', filters: () => ({ groups: ['rare'] }), indexes: ['customers_groups_idx'], nodeType: 'Bitmap Index Scan' },
    { name: 'minId', filters: () => ({ minId: 40_000 }), indexes: ['customers_pkey'] },
    { name: 'maxId', filters: () => ({ maxId: 100 }), indexes: ['customers_pkey'] },
    { name: 'minId and maxId', filters: () => ({ minId: 20_000, maxId: 20_100 }), indexes: ['customers_pkey'] },
    // Sorted by id, the planner may walk the primary key and filter (see the report on created_at).
    { name: 'minCreatedAt', filters: () => ({ minCreatedAt: new Date('2025-11-01T00:00:00Z') }), indexes: ['customers_created_at_idx', 'customers_pkey'] },
    { name: 'minCreatedAt, sorted by createdAt', sort: 'createdAt', filters: () => ({ minCreatedAt: new Date('2025-11-01T00:00:00Z') }), indexes: ['customers_created_at_idx'] },
    { name: 'minUpdatedAt', filters: () => ({ minUpdatedAt: new Date('2026-06-01T00:00:00Z') }), indexes: ['customers_updated_at_idx', 'customers_pkey'] },
    { name: 'minUpdatedAt, sorted by updatedAt', sort: 'updatedAt', filters: () => ({ minUpdatedAt: new Date('2026-06-01T00:00:00Z') }), indexes: ['customers_updated_at_idx'] },
    { name: 'a rare billing country', filters: () => ({ billingCountryCode: 'LU' }), indexes: ['customer_addresses_default_billing_country_idx'] },
    { name: 'a rare shipping country', filters: () => ({ shippingCountryCode: 'LU' }), indexes: ['customer_addresses_default_shipping_country_idx'] },
    {
      name: 'a common billing country',
      filters: () => ({ billingCountryCode: 'DE' }),
      indexes: ['customer_addresses_default_billing_country_idx', 'customer_addresses_default_billing_key'],
    },
    { name: 'isActive=false', filters: () => ({ isActive: false }), indexes: ['customers_is_active_idx'] },
  ];

  it.each(filterCases)('filter by $name uses its index', async ({ filters, sort = 'id', indexes, nodeType }) => {
    for (const after of sort === 'id' ? [null, { value: '1000', id: 1000 }] : [null]) {
      const page: CustomerListPage = { filters: filters(), sort, descending: false, limit: PAGE, after };
      const plan = await explain(page);
      const shown = `${JSON.stringify(page)}:\n${describePlan(plan)}`;
      expect(seqScansOf(plan), shown).toEqual([]);
      const used = nodesOf(plan).filter((n) => n['Index Name'] && indexes.includes(n['Index Name']));
      expect(used, shown).not.toEqual([]);
      if (nodeType) expect(used.map((n) => n['Node Type']), shown).toContain(nodeType);
      // Something on customers is read through an index (no scan of the whole table).
      expect(indexesOf(plan).some((name) => name.startsWith('customers_')), shown).toBe(true);
    }
  });

  /** Checks in SQL that consecutive (value, id) pairs strictly increase (or decrease). */
  async function strictlyOrdered(sort: SortColumn, descending: boolean, pairs: { value: string; id: number }[]): Promise<number> {
    const values = sql.param(pairs.map((p) => p.value));
    const ids = sql.param(pairs.map((p) => p.id));
    const type = sql.raw(SORT_TYPE[sort]);
    const [row] = await rows<{ bad: number | string }>(sql`
      with s as (select v::${type} as v, id, ord from unnest(${values}::text[], ${ids}::bigint[]) with ordinality as u(v, id, ord))
      select count(*) as bad from s a join s b on b.ord = a.ord + 1
      where not ${descending ? sql`(a.v, a.id) > (b.v, b.id)` : sql`(a.v, a.id) < (b.v, b.id)`}`);
    return Number(row!.bad);
  }

  it.each(cases)('paging by $sort $direction visits rows in strict (value, id) order, without repeats or gaps', async ({ sort, descending }) => {
    const db = getDb();
    for (const start of [null, await cursorAt(CUSTOMERS / 2 + 3, sort)]) {
      const seen: { value: string; id: number }[] = [];
      let after = start;
      for (let i = 0; i < 3; i++) {
        const page = await selectCustomerPage(db, { filters: {}, sort, descending, limit: 100, after });
        const shown = page.slice(0, 100);
        seen.push(...shown.map((r) => ({ value: r.sortValue, id: r.customer.id })));
        after = seen.at(-1)!;
      }
      expect(seen).toHaveLength(300);
      expect(new Set(seen.map((r) => r.id)).size).toBe(300);
      expect(await strictlyOrdered(sort, descending, start ? [start, ...seen] : seen)).toBe(0);
      // The same rows as one page of 300 from the same start: nothing skipped between pages.
      const whole = await selectCustomerPage(db, { filters: {}, sort, descending, limit: 300, after: start });
      expect(whole.slice(0, 300).map((r) => r.customer.id)).toEqual(seen.map((r) => r.id));
    }
  });
});

describe('a narrow filter drives the page from its own index, whatever the sort', () => {
  const narrow: { name: string; filters: CustomerListFilters; index: string }[] = [
    { name: 'a rare group', filters: { groups: ['rare'] }, index: 'customers_groups_idx' },
    { name: 'recent minCreatedAt', filters: { minCreatedAt: new Date('2025-11-01T00:00:00Z') }, index: 'customers_created_at_idx' },
    { name: 'a maxUpdatedAt long ago', filters: { maxUpdatedAt: new Date('2023-01-10T00:00:00Z') }, index: 'customers_updated_at_idx' },
  ];
  const sorts: SortColumn[] = ['id', 'lastName', 'lastLoginDate'];

  it.each(narrow)('$name: read first from $index, then sorted; the same rows as the sort-index plan', async ({ filters, index }) => {
    for (const sort of sorts) {
      for (const descending of [false, true]) {
        const page: CustomerListPage = { filters, sort, descending, limit: PAGE, after: null };
        expect(await planCustomerPage(getDb(), page), `${sort}`).toBe('filterFirst');
        const plan = await explain(page, { filterFirst: true });
        const shown = `${JSON.stringify(page)}:\n${describePlan(plan)}`;
        expect(indexesOf(plan), shown).toContain(index);
        expect(seqScansOf(plan).filter((n) => n['Relation Name'] === 'customers'), shown).toEqual([]);
        // Never the sort's own index: the filtered rows are few, the sort index would walk past many.
        if (sort !== 'id') expect(indexesOf(plan), shown).not.toContain(SORT_INDEX[sort]);
        const first = await selectCustomerPage(getDb(), page);
        const plain = await customerPageQuery(getDb(), page);
        expect(first.map((r) => r.customer.id), shown).toEqual(plain.map((r) => r.customer.id));
        expect(first.map((r) => r.sortValue)).toEqual(plain.map((r) => r.sortValue));
        // The next page from the cursor, too.
        const last = first[PAGE - 1];
        if (last) {
          const next = { ...page, after: { value: last.sortValue, id: last.customer.id } };
          expect((await selectCustomerPage(getDb(), next)).map((r) => r.customer.id)).toEqual((await customerPageQuery(getDb(), next)).map((r) => r.customer.id));
        }
      }
    }
  });

  it('a broad filter walks the sort’s index first; a country or isActive is left to the planner', async () => {
    const plan = (filters: CustomerListFilters, sort: SortColumn) => planCustomerPage(getDb(), { filters, sort, descending: false, limit: PAGE, after: null });
    expect(await plan({ billingCountryCode: 'LU' }, 'id')).toBe('sortIndex');
    expect(await plan({ isActive: false }, 'lastName')).toBe('sortIndex');
    expect(await plan({ minCreatedAt: new Date('2023-02-01T00:00:00Z') }, 'lastName')).toBe('walk');
    // Sorted by id, a date range is answered by its (date, id) index alone: up to 100,000 rows are narrow.
    expect(await plan({ minCreatedAt: new Date('2023-02-01T00:00:00Z') }, 'id')).toBe('filterFirst');
    // Sorted by its own column, a range filter is the sort's own index range.
    expect(await plan({ minCreatedAt: new Date('2025-11-01T00:00:00Z') }, 'createdAt')).toBe('sortIndex');
  });

  it('the walk reads at most WALK_ROWS rows along the sort’s index and stops at a full page', async () => {
    const page: CustomerListPage = { filters: { groups: ['vip'] }, sort: 'lastName', descending: false, limit: PAGE, after: null };
    const plan = await explainQuery(walkQuery(getDb(), page).toSQL());
    const shown = describePlan(plan);
    expect(indexesOf(plan), shown).toEqual([SORT_INDEX.lastName]);
    expect(seqScansOf(plan), shown).toEqual([]);
    expect(sortsOf(plan), shown).toEqual([]);
    expect(nodesOf(plan).filter((n) => n['Node Type'] === 'Limit').length, shown).toBe(2);
    expect(WALK_ROWS).toBeGreaterThan(PAGE);
  });

  it.each([
    { name: 'rows near the start of the sort (a common group)', filters: { groups: ['vip'] }, sort: 'lastName' as SortColumn },
    { name: 'rows far along the sort (the newest half, sorted by last login)', filters: { minCreatedAt: new Date('2024-06-01T00:00:00Z') }, sort: 'lastName' as SortColumn },
    { name: 'rows at the end of the id order', filters: { minCreatedAt: new Date('2025-09-01T00:00:00Z'), isActive: true }, sort: 'id' as SortColumn },
  ])('a broad filter, $name: the same pages as the sort-index plan', async ({ filters, sort }) => {
    for (const descending of [false, true]) {
      let after: CustomerListPage['after'] = null;
      for (let i = 0; i < 3; i++) {
        const page: CustomerListPage = { filters, sort, descending, limit: PAGE, after };
        const chosen = await selectCustomerPage(getDb(), page);
        const plain = await customerPageQuery(getDb(), page);
        expect(chosen.map((r) => r.customer.id)).toEqual(plain.map((r) => r.customer.id));
        expect(chosen.map((r) => r.sortValue)).toEqual(plain.map((r) => r.sortValue));
        const last = chosen[PAGE - 1]!;
        after = { value: last.sortValue, id: last.customer.id };
      }
    }
  });
});
