import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError, type DomainErrorCode, type ValidationIssue } from '@/app/_domain/shared/errors';
import { emailSchema, requiredText } from '@/app/_domain/shared/validation';
import { runAction, toActionState } from './action-state';
import { formErrorMap, formMessage } from './messages';
import { everyCode } from '@/test/support/domain-errors';



// ------------------------------------------------------------------------------------- form state

describe('toActionState', () => {
  it('puts shopper-friendly validation messages next to their fields', () => {
    const state = toActionState(
      new DomainError('validation', {
        fields: [
          { field: 'email', code: 'email' },
          { field: 'firstName', code: 'blank' },
        ],
      }),
    );
    expect(state).toEqual({
      ok: false,
      fieldErrors: { email: 'Please enter a valid email address, like name@example.com.', firstName: 'This field is required.' },
    });
  });

  it.each([
    ['termsNotAccepted', 'acceptedTerms', 'Please accept the terms and conditions.'],
    ['passwordsDontMatch', 'confirmPassword', 'The passwords do not match.'],
    ['invalidGender', 'gender', 'Please choose one of the listed options.'],
    ['emailTaken', 'email', 'This email address is already registered. Sign in or reset your password.'],
  ] as const)('shows %s next to the %s field', (code, field, message) => {
    expect(toActionState(new DomainError(code))).toEqual({ ok: false, fieldErrors: { [field]: message } });
  });

  it('shows an invalid confirmation key as a form-level message', () => {
    expect(toActionState(new DomainError('confirmationKeyInvalid'))).toEqual({
      ok: false,
      message: 'This confirmation link is invalid, expired or has already been used.',
      fieldErrors: {},
    });
  });

  it.each([
    [undefined, 'a minute'],
    [1, 'a minute'],
    [60, 'a minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
  ])('tells a rate-limited user (Retry-After %s s) to wait %s', (retryAfterSeconds, wait) => {
    expect(toActionState(new DomainError('rateLimited', { retryAfterSeconds }))).toEqual({
      ok: false,
      message: `Too many attempts. Please try again in ${wait}.`,
      fieldErrors: {},
    });
  });

  it('covers every domain error code', () => {
    for (const code of Object.keys(everyCode) as DomainErrorCode[]) {
      const state = toActionState(new DomainError(code, { fields: [{ field: 'email', code: 'blank' }] }));
      expect(state.ok).toBe(false);
      if (!state.ok) expect(state.message !== undefined || Object.keys(state.fieldErrors).length > 0).toBe(true);
    }
  });

  it('logs anything that is not a DomainError without its secrets and throws a bare error instead', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = new Error('Failed query: select 1\nparams: ada@example.com');
    expect(() => toActionState(bug)).toThrow('Unexpected error in a server action');
    expect(log).toHaveBeenCalledWith('[action] unexpected error: Error Failed query');
    log.mockRestore();
  });
});

describe('runAction', () => {
  it('returns the result on success', async () => {
    await expect(runAction(async () => 7)).resolves.toEqual({ ok: true, data: 7 });
  });

  it('returns form state for a DomainError', async () => {
    await expect(
      runAction(async () => {
        throw new DomainError('emailTaken');
      }),
    ).resolves.toEqual({
      ok: false,
      fieldErrors: { email: 'This email address is already registered. Sign in or reset your password.' },
    });
  });

  it('rethrows other errors as a bare error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(
      runAction(async () => {
        throw new Error('a bug');
      }),
    ).rejects.toThrow('Unexpected error in a server action');
    log.mockRestore();
  });
});

describe('formMessage', () => {
  it.each([
    [{ code: 'missing' }, 'This field is required.'],
    [{ code: 'blank' }, 'This field is required.'],
    [{ code: 'isTrue' }, 'Please accept to continue.'],
    [{ code: 'choice' }, 'Please choose one of the options.'],
    [{ code: 'email' }, 'Please enter a valid email address, like name@example.com.'],
    [{ code: 'tooShort', params: { min: 8 } }, 'Use at least 8 characters.'],
    [{ code: 'tooLong', params: { max: 100 } }, 'Use at most 100 characters.'],
    [{ code: 'date' }, 'Please enter a valid date.'],
    [{ code: 'pastDate' }, 'The date must be in the past.'],
    [{ code: 'commonPassword' }, 'This password is too common and easy to guess. Please choose another one.'],
    [{ code: 'mismatch', params: { other: 'password' } }, 'The passwords do not match.'],
    [{ code: 'postcode', params: { country: 'DE' } }, 'This postcode is not valid for Germany. Use 5 digits, e.g. 10115.'],
    [{ code: 'postcode', params: { country: 'US' } }, 'This ZIP code is not valid for United States of America. Use 5 digits or ZIP+4, e.g. 20500 or 20500-0003.'],
    [{ code: 'postcode', params: { country: 'IE' } }, 'This Eircode is not valid for Ireland. Use 7 characters, e.g. D02 X285.'],
    // A country without a format hint of its own.
    [{ code: 'postcode', params: { country: 'AR' } }, 'This postcode is not valid for Argentina.'],
  ] satisfies [ValidationIssue, string][])('shows %j as "%s"', (issue, friendly) => {
    expect(formMessage(issue)).toBe(friendly);
  });

  it('gives the browser check (zod error map) the same texts as the server action', () => {
    const result = z.object({ email: emailSchema, firstName: requiredText(100) }).safeParse({ email: 'x', firstName: '' }, { error: formErrorMap });
    expect(result.error!.issues.map((i) => i.message)).toEqual(['Please enter a valid email address, like name@example.com.', 'This field is required.']);
  });
});
