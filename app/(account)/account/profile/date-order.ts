import 'server-only';
import { headers } from 'next/headers';

export type DateOrder = readonly ('day' | 'month' | 'year')[];

/**
 * The order the shopper's locale writes dates in (the browser's first Accept-Language): day,
 * month, year for most; month first in the US; year first in East Asia. English (UK style) when
 * the header is missing or unknown.
 */
export async function shopperDateOrder(): Promise<DateOrder> {
  const language = (await headers()).get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  let locale = 'en-GB';
  try {
    if (language) locale = Intl.DateTimeFormat.supportedLocalesOf(language)[0] ?? locale;
  } catch {
    // A malformed tag: the default order.
  }
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.UTC(2000, 10, 22)));
  const order = parts.map((p) => p.type).filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
  return order.length === 3 ? order : ['day', 'month', 'year'];
}
