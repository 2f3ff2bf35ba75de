import { glueMessage } from '@/app/_transport/glue/messages';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError, isDomainError } from '../shared/errors';
import { fieldErrors, parseInput } from '../shared/validation';
import { registrationFormSchema, registrationSchema } from './schema';

const valid = {
  salutation: 'Ms',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  password: 'analytical-engine',
  confirmPassword: 'analytical-engine',
  acceptedTerms: true,
};

type Field = keyof typeof valid | 'gender' | 'dateOfBirth';

/** The valid registration with `field` replaced by `value`, or left out when `value` is `absent`. */
const absent = Symbol('absent');
function withField(field: Field, value: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = { ...valid };
  if (value === absent) delete input[field];
  else input[field] = value;
  return input;
}

/** Every field's first message, as the API and forms see them. */
function errorsOf(input: unknown, schema: z.ZodType = registrationSchema): Record<string, string> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return {};
  return Object.fromEntries(fieldErrors(result.error).map((e) => [e.field, glueMessage(e)]));
}

/** The message for `field` when only that field differs from a valid registration. */
function messageFor(field: Field, value: unknown): string | undefined {
  const errors = errorsOf(withField(field, value));
  expect(Object.keys(errors).filter((f) => f !== field)).toEqual([]);
  return errors[field];
}

function parsed(input: unknown) {
  const result = registrationSchema.safeParse(input);
  if (!result.success) throw new Error(`expected a valid registration, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

const MISSING = 'This field is missing.';
const BLANK = 'This value should not be blank.';
const NOT_STRING = 'This value should be of type string.';
const tooLong = (n: number) => `This value is too long. It should have ${n} characters or less.`;
const tooShort = (n: number) => `This value is too short. It should have ${n} characters or more.`;

describe('registrationSchema', () => {
  it('accepts a complete valid registration', () => {
    expect(errorsOf(valid)).toEqual({});
  });

  it('reports every missing required field at once with "This field is missing."', () => {
    expect(errorsOf({})).toEqual({
      salutation: MISSING,
      firstName: MISSING,
      lastName: MISSING,
      email: MISSING,
      password: MISSING,
      confirmPassword: MISSING,
      acceptedTerms: MISSING,
    });
  });

  it('strips unknown attributes instead of passing them on', () => {
    const data = parsed({ ...valid, isAdmin: true, passwordHash: 'x', customerReference: 'DE--1' });
    expect(data).not.toHaveProperty('isAdmin');
    expect(data).not.toHaveProperty('passwordHash');
    expect(data).not.toHaveProperty('customerReference');
  });

  describe('salutation', () => {
    it.each(['Mr', 'Mrs', 'Ms', 'Dr'])('accepts %s', (salutation) => {
      expect(messageFor('salutation', salutation)).toBeUndefined();
      expect(parsed(withField('salutation', salutation)).salutation).toBe(salutation);
    });

    it.each([
      ['absent', absent, MISSING],
      ['null', null, BLANK],
      ['empty', '', BLANK],
      ['not one of the choices', 'Sir', 'The value you selected is not a valid choice.'],
      ['of the wrong case', 'mr', 'The value you selected is not a valid choice.'],
      ['a number', 1, 'The value you selected is not a valid choice.'],
    ])('rejects a salutation that is %s', (_, value, message) => {
      expect(messageFor('salutation', value)).toBe(message);
    });
  });

  describe.each(['firstName', 'lastName'] as const)('%s', (field) => {
    it.each([
      ['absent', absent, MISSING],
      ['null', null, BLANK],
      ['empty', '', BLANK],
      ['only whitespace', '   \t ', BLANK],
      ['a number', 42, NOT_STRING],
      ['a boolean', true, NOT_STRING],
      ['an array', ['Ada'], NOT_STRING],
      ['101 characters', 'a'.repeat(101), tooLong(100)],
      ['101 emoji', '😀'.repeat(101), tooLong(100)],
    ])('rejects a value that is %s', (_, value, message) => {
      expect(messageFor(field, value)).toBe(message);
    });

    it('accepts 100 characters, counted as code points (100 emoji are 200 UTF-16 units)', () => {
      expect(messageFor(field, 'a'.repeat(100))).toBeUndefined();
      expect(messageFor(field, '😀'.repeat(100))).toBeUndefined();
    });

    it('trims surrounding whitespace before checking the length', () => {
      const value = ` ${'a'.repeat(100)} `;
      expect(messageFor(field, value)).toBeUndefined();
      expect(parsed(withField(field, value))[field]).toBe('a'.repeat(100));
    });
  });

  describe('email', () => {
    it.each([
      ['absent', absent, MISSING],
      ['null', null, BLANK],
      ['empty', '', BLANK],
      ['only whitespace', '  ', BLANK],
      ['a number', 7, NOT_STRING],
      ['without an @', 'ada.example.com', 'This value is not a valid email address.'],
      ['without a domain', 'ada@', 'This value is not a valid email address.'],
      ['without a top-level domain', 'ada@example', 'This value is not a valid email address.'],
      ['containing a space', 'ada lovelace@example.com', 'This value is not a valid email address.'],
      ['without a local part', '@example.com', 'This value is not a valid email address.'],
    ])('rejects an email that is %s', (_, value, message) => {
      expect(messageFor('email', value)).toBe(message);
    });

    it('accepts an address of exactly 100 characters and rejects one of 101', () => {
      const domain = '@example.com';
      expect(messageFor('email', `${'a'.repeat(100 - domain.length)}${domain}`)).toBeUndefined();
      expect(messageFor('email', `${'a'.repeat(101 - domain.length)}${domain}`)).toBe(tooLong(100));
    });

    it('reports only the length when a too-long value is also malformed (first rule wins)', () => {
      expect(messageFor('email', 'x'.repeat(101))).toBe(tooLong(100));
    });

    it('trims surrounding whitespace', () => {
      expect(parsed(withField('email', '  ada@example.com \n')).email).toBe('ada@example.com');
    });
  });

  describe('password', () => {
    it.each([
      ['absent', absent, MISSING],
      ['null', null, BLANK],
      ['empty', '', BLANK],
      ['a number', 12345678, NOT_STRING],
      ['7 characters', 'a'.repeat(7), tooShort(8)],
      ['65 characters', 'a'.repeat(65), tooLong(64)],
      ['65 emoji', '😀'.repeat(65), tooLong(64)],
    ])('rejects a password that is %s', (_, value, message) => {
      expect(messageFor('password', value)).toBe(message);
    });

    it('accepts 8 and 64 characters', () => {
      // ('aaaaaaaa' itself is one of the most common passwords.)
      expect(messageFor('password', 'abcdefgz')).toBeUndefined();
      expect(messageFor('password', 'a'.repeat(64))).toBeUndefined();
    });

    it('counts an emoji as one character (8 emoji are 16 UTF-16 units)', () => {
      expect(messageFor('password', '😀'.repeat(8))).toBeUndefined();
      expect(messageFor('password', '😀'.repeat(7))).toBe(tooShort(8));
      expect(messageFor('password', '😀'.repeat(64))).toBeUndefined();
    });

    it('counts "e" + combining acute accent as one character after NFC', () => {
      const decomposed = 'e\u0301';
      // 7 × 2 code points before NFC, 7 after: too short.
      expect(messageFor('password', decomposed.repeat(7))).toBe(tooShort(8));
      // 64 × 2 = 128 code points before NFC, 64 after: allowed.
      expect(messageFor('password', decomposed.repeat(64))).toBeUndefined();
      expect(messageFor('password', decomposed.repeat(65))).toBe(tooLong(64));
    });

    it('returns the NFC form of the password (which is what gets hashed)', () => {
      const data = parsed({ ...valid, password: 'cafe\u0301-au-lait', confirmPassword: 'cafe\u0301-au-lait' });
      expect(data.password).toBe('caf\u00e9-au-lait');
      expect(data.confirmPassword).toBe('caf\u00e9-au-lait');
    });

    it('allows any character and neither trims nor case-folds', () => {
      const password = '  Pass Wörd  ';
      expect(parsed({ ...valid, password, confirmPassword: password }).password).toBe(password);
    });

    it.each(['password1', 'Password1', 'PASSWORD1', 'iloveyou', 'qwertyuiop', '1qaz2wsx'])('refuses the common password %j', (password) => {
      expect(messageFor('password', password)).toBe('This password is too common. Choose a less predictable one.');
    });

    it('reports a short common password as too short (the first rule it breaks)', () => {
      expect(messageFor('password', 'qwerty')).toBe(tooShort(8));
    });
  });

  describe('confirmPassword', () => {
    it.each([
      ['absent', absent, MISSING],
      ['null', null, BLANK],
      ['empty', '', BLANK],
      ['a number', 12345678, NOT_STRING],
    ])('rejects a confirmation that is %s', (_, value, message) => {
      expect(messageFor('confirmPassword', value)).toBe(message);
    });

    it('does not itself report a mismatch (the domain answers it with 406)', () => {
      expect(messageFor('confirmPassword', 'something-else')).toBeUndefined();
    });
  });

  describe('acceptedTerms', () => {
    it('accepts true', () => {
      expect(parsed(valid).acceptedTerms).toBe(true);
    });

    it('rejects false with "This value should be true."', () => {
      expect(messageFor('acceptedTerms', false)).toBe('This value should be true.');
    });

    it('passes null through, so the domain can answer it with 413', () => {
      expect(messageFor('acceptedTerms', null)).toBeUndefined();
      expect(parsed(withField('acceptedTerms', null)).acceptedTerms).toBeNull();
    });

    it('rejects an absent value with "This field is missing."', () => {
      expect(messageFor('acceptedTerms', absent)).toBe(MISSING);
    });

    it.each([['yes'], ['true'], [1], [0]])('rejects the non-boolean %j with "This value should be of type bool."', (value) => {
      expect(messageFor('acceptedTerms', value)).toBe('This value should be of type bool.');
    });
  });

  describe('gender', () => {
    it.each(['Male', 'Female', 'Diverse'])('passes %s through', (gender) => {
      expect(parsed(withField('gender', gender)).gender).toBe(gender);
    });

    it('passes an unknown string through unchecked (the domain answers it with 414)', () => {
      expect(messageFor('gender', 'Unknown')).toBeUndefined();
      expect(parsed(withField('gender', 'Unknown')).gender).toBe('Unknown');
    });

    it('turns null, an empty string and an absent value into null', () => {
      expect(parsed(withField('gender', null)).gender).toBeNull();
      expect(parsed(withField('gender', '')).gender).toBeNull();
      expect(parsed(valid).gender).toBeNull();
    });

    it.each([[5], [true], [{}]])('rejects the non-string %j with "This value should be of type string."', (value) => {
      expect(messageFor('gender', value)).toBe(NOT_STRING);
    });
  });

  describe('dateOfBirth', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: new Date('2024-06-15T12:00:00Z'), toFake: ['Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it.each(['1990-05-17', '2024-02-29', '2024-06-14', '1900-01-01'])('accepts the past date %s', (date) => {
      expect(messageFor('dateOfBirth', date)).toBeUndefined();
      expect(parsed(withField('dateOfBirth', date)).dateOfBirth).toBe(date);
    });

    it.each([
      ['2023-02-30'],
      ['2023-02-29'],
      ['1990-13-01'],
      ['1990-00-10'],
      ['1990-5-17'],
      ['17.05.1990'],
      ['1990-05-17T00:00:00Z'],
      ['yesterday'],
      [19900517],
      [true],
    ])('rejects %j with "This value is not a valid date."', (value) => {
      expect(messageFor('dateOfBirth', value)).toBe('This value is not a valid date.');
    });

    it.each([['2024-06-15 (today)', '2024-06-15'], ['2024-06-16', '2024-06-16'], ['2999-01-01', '2999-01-01']])(
      'rejects %s, which is not in the past',
      (_, date) => {
        expect(messageFor('dateOfBirth', date)).toBe('The date must be in the past.');
      },
    );

    it('rejects a date before 1900', () => {
      expect(messageFor('dateOfBirth', '1899-12-31')).toBeDefined();
    });

    it('turns an empty string and null into null, and allows the field to be absent', () => {
      expect(parsed(withField('dateOfBirth', '')).dateOfBirth).toBeNull();
      expect(parsed(withField('dateOfBirth', null)).dateOfBirth).toBeNull();
      expect(errorsOf(valid)).toEqual({});
      expect(parsed(valid).dateOfBirth ?? null).toBeNull();
    });
  });
});

describe('registrationFormSchema', () => {
  const { confirmPassword: _confirmPassword, ...formValues } = valid;

  it('has one password field: no confirmation', () => {
    expect(Object.keys(registrationFormSchema.shape)).not.toContain('confirmPassword');
    expect(errorsOf(formValues, registrationFormSchema)).toEqual({});
  });

  it('checks the password as the API does', () => {
    expect(errorsOf({ ...formValues, firstName: '', password: 'short' }, registrationFormSchema)).toEqual({
      firstName: BLANK,
      password: tooShort(8),
    });
  });
});

describe('fieldErrors', () => {
  it('lists one error per field, the first violated rule, in schema field order', () => {
    const result = registrationSchema.safeParse({ ...valid, email: '', firstName: 'a'.repeat(101), salutation: 'Sir' });
    expect(result.success).toBe(false);
    // '' violates both "not blank" and "valid email"; only the first is reported.
    expect(result.error!.issues.filter((i) => i.path[0] === 'email')).toHaveLength(2);
    expect(fieldErrors(result.error!)).toEqual([
      { field: 'salutation', code: 'choice' },
      { field: 'firstName', code: 'tooLong', params: { max: 100 } },
      { field: 'email', code: 'blank' },
    ]);
    expect(fieldErrors(result.error!).map(glueMessage)).toEqual(['The value you selected is not a valid choice.', tooLong(100), BLANK]);
  });

  it('joins nested paths with dots and names a root-level issue "data"', () => {
    const schema = z.object({ address: z.object({ zipCode: z.string() }) });
    const parse = (input: unknown) => schema.safeParse(input, { reportInput: true }).error!;
    expect(fieldErrors(parse({ address: {} }))).toEqual([{ field: 'address.zipCode', code: 'missing' }]);
    expect(fieldErrors(parse('not an object'))).toEqual([{ field: 'data', code: 'type', params: { expected: 'object' } }]);
  });
});

describe('parseInput', () => {
  it('returns the parsed, transformed data', () => {
    const data = parseInput(registrationSchema, { ...valid, email: ' ada@example.com ', gender: '' });
    expect(data.email).toBe('ada@example.com');
    expect(data.gender).toBeNull();
  });

  it('throws a validation DomainError listing every bad field once', () => {
    let thrown: unknown;
    try {
      parseInput(registrationSchema, { ...valid, email: '', password: 'short', acceptedTerms: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(isDomainError(thrown, 'validation')).toBe(true);
    expect((thrown as DomainError).fields).toEqual([
      { field: 'email', code: 'blank' },
      { field: 'password', code: 'tooShort', params: { min: 8 } },
      { field: 'acceptedTerms', code: 'isTrue' },
    ]);
    expect((thrown as DomainError).fields.map(glueMessage)).toEqual([BLANK, tooShort(8), 'This value should be true.']);
  });

  it.each([[null], [undefined]])('treats %s input as an empty object (every required field missing)', (input) => {
    let thrown: unknown;
    try {
      parseInput(registrationSchema, input);
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown, 'validation')).toBe(true);
    expect((thrown as DomainError).fields.map((f) => f.field)).toEqual([
      'salutation',
      'firstName',
      'lastName',
      'email',
      'password',
      'confirmPassword',
      'acceptedTerms',
    ]);
    expect(new Set((thrown as DomainError).fields.map((f) => glueMessage(f)))).toEqual(new Set([MISSING]));
  });
});
