import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../client';
import { customerAddresses, customers } from '../schema';

/**
 * The admin API's customer list: filters and a keyset over (sort value, id). Every sort
 * expression matches an index of `customers` (see db/schema/customers.ts), so each page is one
 * index range scan from the cursor: the 1,000th page costs what the first does. A missing value
 * sorts as the smallest one (coalesce), so the keyset is a plain row comparison. The cursor keeps
 * the sort value as Postgres prints it (`::text`), so timestamps keep their microseconds.
 */

export const SORT_COLUMNS = ['id', 'birthDate', 'firstName', 'lastName', 'lastLoginDate', 'passwordResetRequestedAt', 'createdAt', 'updatedAt'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const sortExpression: Record<SortColumn, { expr: SQL; cast: SQL }> = {
  id: { expr: sql`${customers.id}`, cast: sql`bigint` },
  birthDate: { expr: sql`coalesce(${customers.dateOfBirth}, '-infinity'::date)`, cast: sql`date` },
  firstName: { expr: sql`coalesce(${customers.firstName}, '')`, cast: sql`text` },
  lastName: { expr: sql`coalesce(${customers.lastName}, '')`, cast: sql`text` },
  lastLoginDate: { expr: sql`coalesce(${customers.lastLoginAt}, '-infinity'::timestamptz)`, cast: sql`timestamptz` },
  passwordResetRequestedAt: { expr: sql`coalesce(${customers.passwordResetRequestedAt}, '-infinity'::timestamptz)`, cast: sql`timestamptz` },
  createdAt: { expr: sql`${customers.createdAt}`, cast: sql`timestamptz` },
  updatedAt: { expr: sql`${customers.updatedAt}`, cast: sql`timestamptz` },
};

export type CustomerListFilters = {
  ids?: number[];
  referenceKeys?: string[];
  groups?: string[];
  minId?: number;
  maxId?: number;
  minCreatedAt?: Date;
  maxCreatedAt?: Date;
  minUpdatedAt?: Date;
  maxUpdatedAt?: Date;
  billingCountryCode?: string;
  shippingCountryCode?: string;
  isActive?: boolean;
};

export type CustomerListPage = {
  filters: CustomerListFilters;
  sort: SortColumn;
  descending: boolean;
  limit: number;
  /** The last row of the previous page: its sort value (as text) and id. */
  after: { value: string; id: number } | null;
};

function defaultAddressCountry(kind: 'billing' | 'shipping', countryCode: string): SQL {
  const flag = kind === 'billing' ? customerAddresses.isDefaultBilling : customerAddresses.isDefaultShipping;
  return sql`exists (select 1 from ${customerAddresses} where ${customerAddresses.customerId} = ${customers.id} and ${flag} and ${customerAddresses.countryCode} = ${countryCode})`;
}

function filterConditions(f: CustomerListFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    f.ids && inArray(customers.id, f.ids),
    f.referenceKeys && inArray(customers.referenceKey, f.referenceKeys),
    f.groups && sql`${customers.groups} && ${sql.param(f.groups)}::text[]`,
    f.minId !== undefined ? gte(customers.id, f.minId) : undefined,
    f.maxId !== undefined ? lte(customers.id, f.maxId) : undefined,
    f.minCreatedAt && gte(customers.createdAt, f.minCreatedAt),
    f.maxCreatedAt && lte(customers.createdAt, f.maxCreatedAt),
    f.minUpdatedAt && gte(customers.updatedAt, f.minUpdatedAt),
    f.maxUpdatedAt && lte(customers.updatedAt, f.maxUpdatedAt),
    f.billingCountryCode ? defaultAddressCountry('billing', f.billingCountryCode) : undefined,
    f.shippingCountryCode ? defaultAddressCountry('shipping', f.shippingCountryCode) : undefined,
    f.isActive !== undefined ? eq(customers.isActive, f.isActive) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/**
 * How a filtered page is read. A sort's index finds a page quickly when the rows passing the
 * filters are spread along it; it walks far when they lie far along it (the customers of the last
 * months with the default id sort: the first two thirds of the id order fail) or are rare. So a
 * filter with an index of its own ("driving": a group, a date range not sorted by) decides:
 * - narrow (the planner's estimate, an EXPLAIN that reads nothing, is at most NARROW_FILTER_ROWS;
 *   or NARROW_INDEX_ONLY_ROWS when the page is sorted by id and the date range's (date, id) index
 *   alone answers it): the passing rows are read from the filter's index, sorted, and the page
 *   joined to its customers (`filterFirst`);
 * - broad: the sort's index is walked for at most WALK_ROWS rows (`walk`); when that holds a full
 *   page, the page is done — else the passing rows lie far along the sort (or this is the last
 *   page) and the page is read filter-first after all.
 * `isActive` has an (is_active, id) index and the countries a semi-join on the default addresses'
 * index: both are left to the planner.
 */
export const NARROW_FILTER_ROWS = 10_000;
export const NARROW_INDEX_ONLY_ROWS = 100_000;
export const WALK_ROWS = 2_000;

type DrivingFilter = { condition: SQL; indexOnly: boolean };

/** The filters whose own index can drive a page (the sort's own column drives itself). */
function drivingFilters(f: CustomerListFilters, sort: SortColumn): DrivingFilter[] {
  const range = (column: typeof customers.createdAt | typeof customers.updatedAt, min?: Date, max?: Date) =>
    and(min ? gte(column, min) : undefined, max ? lte(column, max) : undefined)!;
  // Besides the range, only conditions on id (which the (date, id) index holds) may be set.
  const set = Object.entries(f).filter(([, value]) => value !== undefined).map(([key]) => key);
  const onlyIdAnd = (...keys: string[]) => sort === 'id' && set.every((key) => keys.includes(key) || key === 'ids' || key === 'minId' || key === 'maxId');
  const filters: DrivingFilter[] = [];
  if (f.groups) filters.push({ condition: sql`${customers.groups} && ${sql.param(f.groups)}::text[]`, indexOnly: false });
  if ((f.minCreatedAt || f.maxCreatedAt) && sort !== 'createdAt') {
    filters.push({ condition: range(customers.createdAt, f.minCreatedAt, f.maxCreatedAt), indexOnly: onlyIdAnd('minCreatedAt', 'maxCreatedAt') });
  }
  if ((f.minUpdatedAt || f.maxUpdatedAt) && sort !== 'updatedAt') {
    filters.push({ condition: range(customers.updatedAt, f.minUpdatedAt, f.maxUpdatedAt), indexOnly: onlyIdAnd('minUpdatedAt', 'maxUpdatedAt') });
  }
  return filters;
}

async function estimatedRows(db: Executor, condition: SQL): Promise<number> {
  const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(await db.execute(sql`explain (format json) select 1 from ${customers} where ${condition}`));
  const json = row?.['QUERY PLAN'];
  const [plan] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: { 'Plan Rows': number } }];
  return plan.Plan['Plan Rows'];
}

export type PagePlan = 'sortIndex' | 'filterFirst' | 'walk';

/** How `selectCustomerPage` reads `page` (see above): at most one EXPLAIN per driving filter. */
export async function planCustomerPage(db: Executor, page: CustomerListPage): Promise<PagePlan> {
  const driving = drivingFilters(page.filters, page.sort);
  if (driving.length === 0) return 'sortIndex';
  for (const { condition, indexOnly } of driving) {
    if ((await estimatedRows(db, condition)) <= (indexOnly ? NARROW_INDEX_ONLY_ROWS : NARROW_FILTER_ROWS)) return 'filterFirst';
  }
  return 'walk';
}

type PageRow = { customer: typeof customers.$inferSelect; sortValue: string };

/** One page (`limit` + 1 rows, so the caller knows whether another page follows), with each row's sort value as text. */
export async function selectCustomerPage(db: Executor, page: CustomerListPage): Promise<PageRow[]> {
  const plan = await planCustomerPage(db, page);
  if (plan !== 'walk') return await customerPageQuery(db, page, { filterFirst: plan === 'filterFirst' });
  const walked = await walkQuery(db, page);
  // A full page (and one more row): the passing rows are near. Else they are far or few (or this
  // is the last page), and the filter's index finds them.
  return walked.length > page.limit ? walked : await customerPageQuery(db, page, { filterFirst: true });
}

function cursorCondition(page: CustomerListPage): SQL | undefined {
  if (!page.after) return undefined;
  const { expr, cast } = sortExpression[page.sort];
  if (page.sort === 'id') return page.descending ? sql`${customers.id} < ${page.after.id}` : sql`${customers.id} > ${page.after.id}`;
  return sql`(${expr}, ${customers.id}) ${page.descending ? sql`<` : sql`>`} (${page.after.value}::${cast}, ${page.after.id}::bigint)`;
}

/**
 * The first WALK_ROWS customers along the sort's index from the cursor (a subquery named like the
 * table, so the filters read its rows), filtered and cut to the page. In the sort's order already,
 * it stops as soon as the page is full.
 */
export function walkQuery(db: Executor, page: CustomerListPage) {
  const { expr } = sortExpression[page.sort];
  const order = page.descending ? desc : asc;
  const walked = db
    .select({ ...getTableColumns(customers), sortKey: sql`${expr}`.as('sort_key') })
    .from(customers)
    .where(cursorCondition(page))
    .orderBy(order(expr), order(customers.id))
    .limit(WALK_ROWS)
    .as('customers');
  // Ordered by the subquery's own columns, so the planner sees the rows already sorted.
  const sortKey = sql`"customers"."sort_key"`;
  return db
    .select({ customer: customers, sortValue: sql<string>`(${sortKey})::text` })
    .from(walked)
    .where(and(...filterConditions(page.filters)))
    .orderBy(order(sortKey), order(customers.id))
    .limit(page.limit + 1);
}

/**
 * The query of `selectCustomerPage`, not yet run (its plans are checked by
 * admin-customers.plans.test.ts). `filterFirst`: the ids (and sort values) of the passing rows are
 * read first — an `OFFSET 0` fence keeps the sort's index out of that step, and sorted by id a date
 * range needs its index alone — then sorted, cut to the page and joined to their customers.
 */
export function customerPageQuery(db: Executor, page: CustomerListPage, options: { filterFirst?: boolean } = {}) {
  const { expr } = sortExpression[page.sort];
  const conditions = [...filterConditions(page.filters), cursorCondition(page)];
  const order = page.descending ? desc : asc;
  if (options.filterFirst) {
    const filtered = db
      .select({ id: sql<number>`${customers.id}`.as('filtered_id'), sortKey: sql`${expr}`.as('sort_key') })
      .from(customers)
      .where(and(...conditions))
      // Drizzle leaves out a numeric `offset 0`; as SQL it stays, and fences the subquery.
      .offset(sql`0` as unknown as number)
      .as('filtered');
    const pageIds = db
      .select({ id: filtered.id, sortKey: filtered.sortKey })
      .from(filtered)
      .orderBy(order(filtered.sortKey), order(filtered.id))
      .limit(page.limit + 1)
      .as('page_ids');
    // Qualified: a bare "sort_key" in ORDER BY would name the text column of the select list.
    const sortKey = sql`"page_ids"."sort_key"`;
    const id = sql`"page_ids"."filtered_id"`;
    return db
      .select({ customer: customers, sortValue: sql<string>`(${sortKey})::text` })
      .from(pageIds)
      .innerJoin(customers, eq(customers.id, id))
      .orderBy(order(sortKey), order(id));
  }
  return db
    .select({ customer: customers, sortValue: sql<string>`(${expr})::text` })
    .from(customers)
    .where(and(...conditions))
    .orderBy(order(expr), order(customers.id))
    .limit(page.limit + 1);
}

export async function selectCustomerByReferenceKey(db: Executor, referenceKey: string) {
  const [row] = await db.select().from(customers).where(eq(customers.referenceKey, referenceKey));
  return row;
}

export async function updateCustomerReferenceKey(db: Executor, id: number, referenceKey: string, now: Date) {
  const [row] = await db.update(customers).set({ referenceKey, updatedAt: now }).where(eq(customers.id, id)).returning();
  return row;
}
