import type { FormValues } from './form-values';

/**
 * The profile form asks the birth date in three fields (day, a month chosen by name, a four-digit
 * year), so nothing typed can be read two ways; the schemas take one `YYYY-MM-DD` date. All three
 * empty is "not given"; anything else that is not a calendar date is refused by the schema as
 * such ("Please enter a valid date."), never guessed.
 */
export function birthDate(day: unknown, month: unknown, year: unknown): string {
  const text = (part: unknown) => (typeof part === 'string' ? part.trim() : '');
  const [d, m, y] = [text(day), text(month), text(year)];
  if (d === '' && m === '' && y === '') return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}`;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A stored `YYYY-MM-DD` date as the three fields show it ("1990-05-07" → 7, 5, 1990). */
export function birthDateFields(date: string | null | undefined): { birthDay: string; birthMonth: string; birthYear: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return { birthDay: '', birthMonth: '', birthYear: '' };
  return { birthDay: String(Number(match[3])), birthMonth: String(Number(match[2])), birthYear: match[1]! };
}

/** The profile form's fields as `updateCustomer` reads them (the server action and the browser's check). */
export function profileInput(values: FormValues): Record<string, unknown> {
  const { birthDay, birthMonth, birthYear, ...rest } = values;
  return { ...rest, dateOfBirth: birthDate(birthDay, birthMonth, birthYear) };
}
