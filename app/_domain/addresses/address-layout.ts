import type { AddressFormat } from './address-formats';
import { joinStreet } from './street-line';
import type { Subdivision } from './subdivisions';

export { joinStreet };

/**
 * The address rules the form needs in the browser, without the country tables (those stay on the
 * server; the form gets the formats of its countries as data): matching a state to a list entry,
 * writing a street line, adapting the fields when the country changes.
 */

/**
 * The list entry a stored state stands for: matched by value or name, ignoring case and dots
 * ("ca", "California", "D.C."); null for free text the list does not know.
 */
export function findSubdivision(list: readonly Subdivision[], state: string): Subdivision | null {
  const key = state.trim().replace(/\./g, '').toLowerCase();
  if (key === '') return null;
  return list.find((s) => s.value.toLowerCase() === key || s.name.replace(/\./g, '').toLowerCase() === key) ?? null;
}


type Adaptable = { street?: unknown; houseNumber?: unknown; state?: unknown };
export type CountryChanges = { street?: string; houseNumber?: string; state?: string };

/**
 * What changes in the form when the shopper picks another country (`from` and `to` are the two
 * countries' formats): a house number typed into its own field joins the street line where the
 * new country writes it there ("77" + "Main Street" → "77 Main Street" in the US); a state stays
 * only where it still means something (free text between free-text countries, or free text that
 * names an entry of the new country's list).
 */
export function adaptToFormat(values: Adaptable, from: AddressFormat, to: AddressFormat): CountryChanges {
  const changes: CountryChanges = {};
  const number = typeof values.houseNumber === 'string' ? values.houseNumber.trim() : '';
  if (to.houseNumber === 'inStreet' && number !== '') {
    const street = typeof values.street === 'string' ? values.street.trim() : '';
    changes.street = joinStreet(to, street, number).trim();
    changes.houseNumber = '';
  }
  const state = typeof values.state === 'string' ? values.state.trim() : '';
  if (state !== '') {
    const list = to.state?.options;
    // Another country's list entry ("WA": Washington) means nothing here (Western Australia).
    if (!to.state || from.state?.options) changes.state = '';
    else if (list) changes.state = findSubdivision(list, state)?.value ?? '';
  }
  return changes;
}
