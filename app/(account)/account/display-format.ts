import 'server-only';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * How the account pages print what the shopper stored. Server-only: the formatting data never ships
 * to the browser.
 */

/**
 * A phone number as the address's country writes it: national format when the number belongs to
 * that country ("030 1234567" for Germany, "(202) 555-0125" for the US), international otherwise
 * ("+44 20 7946 0018" on a German address); as stored when it cannot be read.
 */
export function formatPhone(phone: string, countryCode: string): string {
  const region = /^[A-Z]{2}$/.test(countryCode) ? (countryCode as CountryCode) : undefined;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(phone, region);
  } catch {
    return phone;
  }
  if (!parsed?.isValid()) return phone;
  return parsed.country === countryCode ? parsed.formatNational() : parsed.formatInternational();
}

const BIRTH_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date of birth (`1990-05-17`) with the month as a word, so it reads one way only: "17 May 1990". */
export function formatBirthDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? isoDate : BIRTH_DATE.format(date);
}
