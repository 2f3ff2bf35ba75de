import { toAlpha2 } from '@/app/_domain/addresses/countries';
import type { CustomerIdentifier, CustomerInclude, CustomerListFilters, CustomerListPage, SortColumn } from '@/app/_domain/admin/customers';
import { SORT_COLUMNS } from '@/app/_domain/admin/schema';
import type { AddressKey } from '@/app/_domain/addresses/service';
import { AdminApiError } from './errors';

/**
 * The admin API's path identifiers and query parameters: `{customerIdentifier}` is an id or
 * `key=<referenceKey>`; `with`; the list's filters, sort, limit and opaque keyset cursor. Every
 * malformed value is a 400 naming the parameter in `context.field`.
 */

const invalid = (field: string, message: string) => AdminApiError.of(400, 'INVALID_PARAMETER', message, { field });
const ID = /^[1-9]\d{0,15}$/;

function identifier(value: string): { id: number } | { referenceKey: string } | null {
  if (ID.test(value)) return { id: Number(value) };
  if (value.startsWith('key=') && value.length > 4 && value.length <= 259) return { referenceKey: value.slice(4) };
  return null;
}

/** A customer named by id or `key=…`; anything else names no customer (404). */
export function customerIdentifier(value: string): CustomerIdentifier {
  const parsed = identifier(value);
  if (!parsed) throw AdminApiError.of(404, 'CUSTOMER_NOT_FOUND', 'The customer was not found.');
  return parsed;
}

/** A customer named by its numeric id only (updateCustomerReferenceKey). */
export function customerId(value: string): number {
  if (!ID.test(value)) throw invalid('customerId', 'customerId must be the numeric id of a customer.');
  return Number(value);
}

export function addressKey(value: string): AddressKey {
  const parsed = identifier(value);
  if (!parsed) throw AdminApiError.of(404, 'ADDRESS_NOT_FOUND', 'The address was not found.');
  return parsed;
}

const WITH_VALUES = ['addresses', 'legacyCustomData', 'nonUniqueAddresses'] as const;

/** `with=addresses,legacyCustomData,nonUniqueAddresses` (`allowed` narrows it per endpoint). */
export function withParameter(request: Request, allowed: readonly string[] = WITH_VALUES, byId = true): CustomerInclude {
  const raw = new URL(request.url).searchParams.get('with');
  const values = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length > 0) throw invalid('with', `with may name ${allowed.join(', ')}; not ${unknown.join(', ')}.`);
  if (values.includes('nonUniqueAddresses') && !byId) throw invalid('with', 'nonUniqueAddresses is only available when the customer is named by its id.');
  return {
    ...(values.includes('nonUniqueAddresses') ? { addresses: 'all' as const } : values.includes('addresses') ? { addresses: 'unique' as const } : {}),
    ...(values.includes('legacyCustomData') ? { legacyCustomData: true } : {}),
  };
}

// ---------------------------------------------------------------- lists

const FILTERS = [
  'referenceKey', 'id', 'group', 'minId', 'maxId', 'minCreatedAt', 'maxCreatedAt', 'minUpdatedAt', 'maxUpdatedAt',
  'billingAddressCountryCode', 'shippingAddressCountryCode', 'isActive',
] as const;
type FilterName = (typeof FILTERS)[number];

/** SCAYLE's sorts we have no column for; accepted, and sorted by id (documented). */
const SORT_BY_ID = ['appId', 'lastInvoiceDate', 'lockedUntilDate'];
export const SORTS = [...SORT_COLUMNS, ...SORT_BY_ID] as const;

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

function list(field: string, value: string, max = 1000): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw invalid(field, `${field} must list at least one value.`);
  if (items.length > max) throw invalid(field, `${field} lists at most ${max} values.`);
  if (items.some((s) => s.length > 255 || /\p{Cc}/u.test(s))) throw invalid(field, `${field} has a value that is not valid.`);
  return items;
}

function id(field: string, value: string): number {
  if (!ID.test(value.trim())) throw invalid(field, `${field} must be a positive integer.`);
  return Number(value.trim());
}

function instant(field: string, value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  // A date-time without a zone is UTC (never the server's local time).
  const text = match?.[4] && !match[5] ? `${value.trim()}Z` : value.trim();
  const date = match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? new Date(text) : new Date(NaN);
  // Postgres has no year 0: an instant before 0001-01-01 UTC would fail in the query.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1) throw invalid(field, `${field} must be an ISO 8601 date or date-time.`);
  return date;
}

function country(field: string, value: string): string {
  const code = toAlpha2(value);
  if (!code) throw invalid(field, `${field} must be an ISO 3166-1 alpha-2 or alpha-3 code.`);
  return code;
}

function readFilters(params: URLSearchParams): CustomerListFilters {
  const filters: CustomerListFilters = {};
  for (const [name, value] of params) {
    const match = /^filters\[(.*)\]$/.exec(name);
    if (!match && !name.startsWith('filters')) continue;
    const filter = match?.[1] as FilterName | undefined;
    if (!filter || !(FILTERS as readonly string[]).includes(filter)) throw invalid(name, `Unknown filter ${name}. Filters: ${FILTERS.join(', ')}.`);
    switch (filter) {
      case 'referenceKey': filters.referenceKeys = list(name, value); break;
      case 'id': filters.ids = list(name, value).map((v) => id(name, v)); break;
      case 'group': filters.groups = list(name, value); break;
      case 'minId': filters.minId = id(name, value); break;
      case 'maxId': filters.maxId = id(name, value); break;
      case 'minCreatedAt': filters.minCreatedAt = instant(name, value); break;
      case 'maxCreatedAt': filters.maxCreatedAt = instant(name, value); break;
      case 'minUpdatedAt': filters.minUpdatedAt = instant(name, value); break;
      case 'maxUpdatedAt': filters.maxUpdatedAt = instant(name, value); break;
      case 'billingAddressCountryCode': filters.billingCountryCode = country(name, value); break;
      case 'shippingAddressCountryCode': filters.shippingCountryCode = country(name, value); break;
      case 'isActive':
        if (value !== 'true' && value !== 'false' && value !== '1' && value !== '0') throw invalid(name, `${name} must be true or false.`);
        filters.isActive = value === 'true' || value === '1';
        break;
    }
  }
  return filters;
}

type CursorContent = { s: string; d: 0 | 1; v: string; i: number };

/** An opaque cursor: the sort, its direction and the last row's sort value and id, as base64url JSON. */
export function encodeCursor(sort: SortColumn, descending: boolean, after: { value: string; id: number }): string {
  const content: CursorContent = { s: sort, d: descending ? 1 : 0, v: after.value, i: after.id };
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

function decodeCursor(value: string, sort: SortColumn, descending: boolean): { value: string; id: number } {
  const bad = () => invalid('cursor', 'The cursor is not valid for this sort; start again without it.');
  if (value.length > 512 || !/^[A-Za-z0-9_-]+$/.test(value)) throw bad();
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    throw bad();
  }
  if (content?.s !== sort || content.d !== (descending ? 1 : 0) || typeof content.v !== 'string' || !Number.isSafeInteger(content.i) || content.i! < 1) throw bad();
  if (!cursorValueFits(sort, content.v)) throw bad();
  return { value: content.v, id: content.i! };
}

/** A real calendar day of year 1 or later (Postgres has no year 0; a date like 2020-02-30 is refused by its cast). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CURSOR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(:(\d{2}))?$/;

/**
 * Whether a cursor's sort value can be cast to its column's type (so a forged one is a 400, not a
 * database error): the form Postgres prints, with every field in range.
 */
function cursorValueFits(sort: SortColumn, value: string): boolean {
  if (/\p{Cc}/u.test(value) || value.length > 300) return false;
  switch (sort) {
    case 'id': return ID.test(value);
    case 'birthDate': {
      const m = CURSOR_DATE.exec(value);
      return value === '-infinity' || (m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])));
    }
    case 'firstName':
    case 'lastName': return true;
    default: {
      const m = CURSOR_TIMESTAMP.exec(value);
      if (value === '-infinity') return true;
      if (!m) return false;
      const [hour, minute, second, offsetHours, offsetMinutes] = [m[4], m[5], m[6], m[8], m[10] ?? '0'].map(Number) as [number, number, number, number, number];
      return isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 15 && offsetMinutes <= 59;
    }
  }
}

/** The list query of getCustomers. */
export function listQuery(request: Request): { page: CustomerListPage; include: CustomerInclude } {
  const params = new URL(request.url).searchParams;
  const rawSort = params.get('sort') ?? 'id';
  if (!(SORTS as readonly string[]).includes(rawSort)) throw invalid('sort', `Unknown sort ${rawSort}. Sorts: ${SORTS.join(', ')}.`);
  const sort = (SORT_BY_ID.includes(rawSort) ? 'id' : rawSort) as SortColumn;
  const sortDir = params.get('sortDir') ?? 'asc';
  if (sortDir !== 'asc' && sortDir !== 'desc') throw invalid('sortDir', 'sortDir must be asc or desc.');
  const rawLimit = params.get('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d{1,7}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT) throw invalid('limit', `limit must be an integer from 1 to ${MAX_LIMIT}.`);
    limit = Number(rawLimit);
  }
  const descending = sortDir === 'desc';
  const cursor = params.get('cursor');
  const after = cursor ? decodeCursor(cursor, sort, descending) : null;
  return {
    page: { filters: readFilters(params), sort, descending, limit, after },
    include: withParameter(request, ['addresses']),
  };
}
