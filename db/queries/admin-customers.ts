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
 * A filter "narrows" the list when the planner expects at most this many customers to pass it: the
 * page is then read from the filter's own index and sorted (a few milliseconds), instead of walking
 * the sort's index past rows that do not pass — which the planner itself may choose when the
 * passing rows lie far along the sort order (the customers of the last days with the default id
 * sort) or a group is rare. Broader filters keep the sort's index, where a page finds its rows
 * quickly. `isActive` has an (is_active, id) index and the countries a semi-join on the default
 * addresses' index: both are left to the planner. The estimate is an EXPLAIN (nothing is read).
 */
export const NARROW_FILTER_ROWS = 10_000;

/** The filters whose own index can drive a page (the sort's own column drives itself). */
function drivingFilters(f: CustomerListFilters, sort: SortColumn): SQL[] {
  const range = (column: typeof customers.createdAt | typeof customers.updatedAt, min?: Date, max?: Date) =>
    and(min ? gte(column, min) : undefined, max ? lte(column, max) : undefined)!;
  const filters: SQL[] = [];
  if (f.groups) filters.push(sql`${customers.groups} && ${sql.param(f.groups)}::text[]`);
  if ((f.minCreatedAt || f.maxCreatedAt) && sort !== 'createdAt') filters.push(range(customers.createdAt, f.minCreatedAt, f.maxCreatedAt));
  if ((f.minUpdatedAt || f.maxUpdatedAt) && sort !== 'updatedAt') filters.push(range(customers.updatedAt, f.minUpdatedAt, f.maxUpdatedAt));
  return filters;
}

async function estimatedRows(db: Executor, condition: SQL): Promise<number> {
  const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(await db.execute(sql`explain (format json) select 1 from ${customers} where ${condition}`));
  const json = row?.['QUERY PLAN'];
  const [plan] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: { 'Plan Rows': number } }];
  return plan.Plan['Plan Rows'];
}

/** Whether the planner expects one of the page's filters to let at most NARROW_FILTER_ROWS customers through. */
export async function hasNarrowFilter(db: Executor, page: CustomerListPage): Promise<boolean> {
  for (const condition of drivingFilters(page.filters, page.sort)) {
    if ((await estimatedRows(db, condition)) <= NARROW_FILTER_ROWS) return true;
  }
  return false;
}

/** One page (`limit` + 1 rows, so the caller knows whether another page follows), with each row's sort value as text. */
export async function selectCustomerPage(db: Executor, page: CustomerListPage) {
  return await customerPageQuery(db, page, { filterFirst: await hasNarrowFilter(db, page) });
}

/**
 * The query of `selectCustomerPage`, not yet run (its plans are checked by
 * admin-customers.plans.test.ts). `filterFirst`: the filtered rows are read first (an `OFFSET 0`
 * fence keeps the sort's index out of that step), then sorted and cut to the page.
 */
export function customerPageQuery(db: Executor, page: CustomerListPage, options: { filterFirst?: boolean } = {}) {
  const { expr, cast } = sortExpression[page.sort];
  const conditions = filterConditions(page.filters);
  if (page.after) {
    const after = sql`(${expr}, ${customers.id}) ${page.descending ? sql`<` : sql`>`} (${page.after.value}::${cast}, ${page.after.id}::bigint)`;
    conditions.push(page.sort === 'id' ? (page.descending ? sql`${customers.id} < ${page.after.id}` : sql`${customers.id} > ${page.after.id}`) : after);
  }
  const order = page.descending ? desc : asc;
  if (options.filterFirst) {
    const filtered = db
      .select({ ...getTableColumns(customers), sortKey: sql`${expr}`.as('sort_key') })
      .from(customers)
      .where(and(...conditions))
      // Drizzle leaves out a numeric `offset 0`; as SQL it stays, and fences the subquery.
      .offset(sql`0` as unknown as number)
      .as('filtered');
    const sortKey = sql`"filtered"."sort_key"`;
    const { sortKey: _sortKey, ...columns } = filtered._.selectedFields;
    return db
      .select({ customer: columns, sortValue: sql<string>`(${sortKey})::text`.as('sort_value') })
      .from(filtered)
      .orderBy(order(sortKey), order(sql`"filtered"."id"`))
      .limit(page.limit + 1);
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
