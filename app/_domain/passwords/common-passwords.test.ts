import { afterEach, describe, expect, it, vi } from 'vitest';
import { customerCreateSchema, passwordSetSchema } from '../admin/schema';
import { registrationSchema } from '../customers/schema';
import { DomainError } from '../shared/errors';
import { codePoints, isCommonPassword, newPasswordSchema, parseInput } from '../shared/validation';
import COMMON_PASSWORDS from './common-passwords.json';
import { passwordChangeSchema, passwordResetSchema } from './schema';

const COMMON = { code: 'commonPassword' };

function issuesOf(password: unknown) {
  const result = newPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((i) => (i as { params?: unknown }).params);
}

describe('the common-password list', () => {
  it('holds 10,000 distinct lower-case NFC passwords of 8 to 64 characters, most common first', () => {
    expect(COMMON_PASSWORDS).toHaveLength(10_000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(10_000);
    const unfit = COMMON_PASSWORDS.filter((p) => p !== p.normalize('NFC').toLowerCase() || codePoints(p) < 8 || codePoints(p) > 64);
    expect(unfit).toEqual([]);
    expect(COMMON_PASSWORDS.slice(0, 3)).toEqual(['password', '12345678', '123456789']);
  });

  it('leaves out the passwords of the Glue contract examples, the demo shopper and the test fixtures', () => {
    // docs/storefront-openapi.json's examples ('change123', 'change1234') must keep working.
    for (const password of ['change123', 'change1234', 'Shopper-Demo-2026', 'correct-horse-battery', 'a-new-password-1', 'a-brand-new-password-1']) {
      expect(isCommonPassword(password.normalize('NFC'))).toBe(false);
    }
  });
});

describe('isCommonPassword', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('compares case-insensitively', () => {
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('PassWord1')).toBe(true);
    expect(isCommonPassword('password1!')).toBe(false);
  });

  it('answers false in the browser, which never loads the list (the server checks)', () => {
    vi.stubGlobal('window', {});
    expect(isCommonPassword('password1')).toBe(false);
  });
});

describe('newPasswordSchema', () => {
  it('refuses a common password with the code commonPassword, in any case', () => {
    expect(issuesOf('Trustno1')).toEqual([COMMON]);
    expect(issuesOf('trustno1')).toEqual([COMMON]);
    expect(issuesOf('trustno1-but-longer')).toEqual([]);
  });

  it('keeps the length rules first', () => {
    expect(issuesOf('qwerty')).toEqual([{ code: 'tooShort', min: 8 }]);
  });
});

describe('every schema that takes a new password refuses a common one', () => {
  const expectCommon = (schema: Parameters<typeof parseInput>[0], input: unknown, field: string) => {
    try {
      parseInput(schema, input);
      expect.unreachable('a common password was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fields).toContainEqual({ field, code: 'commonPassword' });
    }
  };

  it('registration, password change, reset and both admin operations', () => {
    expectCommon(registrationSchema, { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', password: 'Sunshine1', confirmPassword: 'Sunshine1', acceptedTerms: true }, 'password');
    expectCommon(passwordChangeSchema, { password: 'current', newPassword: 'superman', confirmPassword: 'superman' }, 'newPassword');
    expectCommon(passwordResetSchema, { key: 'k', password: 'football', confirmPassword: 'football' }, 'password');
    expectCommon(passwordSetSchema, { password: 'baseball', hashingType: 'internal' }, 'password');
    expectCommon(customerCreateSchema, { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', password: 'starwars' }, 'password');
  });
});
