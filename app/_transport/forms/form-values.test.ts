import { describe, expect, it } from 'vitest';
import { registrationFormSchema } from '@/app/_domain/customers/schema';
import { formData } from '@/test/support/form-data';
import { answerForm, success } from './action-state';
import { echoValues, formValues, initialFormState } from './form-values';
import { birthDate, birthDateFields, profileInput } from './profile-input';
import { validatorFor } from './validator';

describe('formValues (the one reading of a posted form, in the browser and in the action)', () => {
  it('reads text as typed and the named checkboxes as booleans; React’s own fields and files are left out', () => {
    const data = formData({ email: ' a@example.com ', acceptedTerms: true, $ACTION_ID_abc: 'x' });
    data.append('$ACTION_REF_1', '');
    data.append('upload', new Blob(['x']), 'x.txt');
    expect(formValues(data, ['acceptedTerms', 'newsletter'])).toEqual({ email: ' a@example.com ', acceptedTerms: true, newsletter: false });
  });

  it('keeps the first of repeated fields and cuts texts at 1,000 characters', () => {
    const data = new FormData();
    data.append('city', 'Berlin');
    data.append('city', 'Hamburg');
    data.append('street', 'x'.repeat(5000));
    expect(formValues(data)).toEqual({ city: 'Berlin', street: 'x'.repeat(1000) });
  });

  it.each([[null], [undefined], ['email=a'], [{ email: 'forged@example.com' }], [42]])('reads a forged argument %j as an empty form', (forged) => {
    expect(formValues(forged, ['confirm'])).toEqual({ confirm: false });
  });
});

describe('answerForm', () => {
  it('never sends a password back, and numbers its answers', () => {
    const first = answerForm(initialFormState(), success(null), { email: 'a@example.com', password: 'secret-1', newPassword: 'secret-2', confirmPassword: 'secret-2' });
    expect(first).toEqual({ result: { ok: true, data: null }, values: { email: 'a@example.com' }, version: 1 });
    expect(answerForm(first, success(null), {}).version).toBe(2);
  });

  it.each([[null], ['x'], [{ version: -1 }], [{ version: 1.5 }], [{ version: 1e12 }]])('restarts the count after a forged previous state %j', (previous) => {
    expect(answerForm(previous, success(null), {}).version).toBe(1);
  });

  it('echoValues keeps everything but passwords', () => {
    expect(echoValues({ username: 'u', password: 'p', currentPassword: 'c', acceptedTerms: true })).toEqual({ username: 'u', acceptedTerms: true });
  });
});

describe('the birth date in three fields', () => {
  it.each([
    ['17', '5', '1990', '1990-05-17'],
    ['1', '12', '2001', '2001-12-01'],
    ['', '', '', ''],
    [' 7 ', '05', '1990', '1990-05-07'],
  ])('%s / %s / %s is %j', (day, month, year, date) => {
    expect(birthDate(day, month, year)).toBe(date);
  });

  it.each([
    ['17051990', '', ''],
    ['17', '', '1990'],
    ['x', '5', '1990'],
    ['17', '5', '90'],
  ])('%s / %s / %s is no date the schema could take', (day, month, year) => {
    expect(birthDate(day, month, year)).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('31 February reaches the schema as it is and is refused, never moved to March', () => {
    const check = validatorFor(registrationFormSchema.pick({ dateOfBirth: true }), profileInput);
    expect(check({ birthDay: '31', birthMonth: '2', birthYear: '1990' })).toEqual({ dateOfBirth: 'Please enter a valid date.' });
    expect(check({ birthDay: '28', birthMonth: '2', birthYear: '1990' })).toEqual({});
  });

  it('shows a stored date in its three fields', () => {
    expect(birthDateFields('1990-05-07')).toEqual({ birthDay: '7', birthMonth: '5', birthYear: '1990' });
    expect(birthDateFields(null)).toEqual({ birthDay: '', birthMonth: '', birthYear: '' });
  });
});

describe('validatorFor (the browser’s check)', () => {
  it('gives the first message per field, in the texts the server action would answer with', () => {
    const check = validatorFor(registrationFormSchema);
    const errors = check({ salutation: '', firstName: 'Ada', lastName: '', email: 'nope', password: 'short', acceptedTerms: false });
    expect(errors).toEqual({
      salutation: 'This field is required.',
      lastName: 'This field is required.',
      email: 'Please enter a valid email address, like name@example.com.',
      password: 'Use at least 8 characters.',
      acceptedTerms: 'Please accept to continue.',
    });
  });
});
