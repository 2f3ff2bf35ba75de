import { describe, expect, it } from 'vitest';
import { formatBirthDate, formatPhone } from './display-format';

describe('formatPhone: as the address’s country writes it', () => {
  it.each([
    ['030 1234567', 'DE', '030 1234567'],
    ['+49 (30) 765-4321', 'DE', '030 7654321'],
    ['+493012345678', 'DE', '030 12345678'],
    ['2025550125', 'US', '(202) 555-0125'],
    ['020 7946 0018', 'GB', '020 7946 0018'],
    ['0612345678', 'NL', '06 12345678'],
  ])('prints %s on a %s address in national format: %s', (phone, country, shown) => {
    expect(formatPhone(phone, country)).toBe(shown);
  });

  it.each([
    ['+44 20 7946 0018', 'DE', '+44 20 7946 0018'],
    ['+4930 1234567', 'AT', '+49 30 1234567'],
    // +1 is shared: a Canadian number on a US address is another country's number.
    ['+1 416 555 0199', 'US', '+1 416 555 0199'],
  ])('prints another country’s number %s on a %s address in international format: %s', (phone, country, shown) => {
    expect(formatPhone(phone, country)).toBe(shown);
  });

  it('keeps what it cannot read as stored', () => {
    expect(formatPhone('12', 'DE')).toBe('12');
    expect(formatPhone('call the front desk', 'GB')).toBe('call the front desk');
    expect(formatPhone('030 1234567', 'not a country')).toBe('030 1234567');
  });
});

describe('formatBirthDate: one reading only', () => {
  it('writes the month as a word', () => {
    expect(formatBirthDate('1990-05-17')).toBe('17 May 1990');
    expect(formatBirthDate('2001-12-05')).toBe('5 December 2001');
    expect(formatBirthDate('1904-02-29')).toBe('29 February 1904');
  });

  it('keeps anything that is not a date as given', () => {
    expect(formatBirthDate('17.05.1990')).toBe('17.05.1990');
  });
});
