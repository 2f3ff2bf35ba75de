import { countryName } from '@/app/_domain/addresses/countries';
import type { ValidationCode, ValidationIssue } from '@/app/_domain/shared/errors';

/**
 * Glue's (Symfony's) validation texts, so Glue clients see the messages they already know; our own
 * checks (country, postcode, phone, dates in the past) add clear texts in the same style.
 */
const texts: Record<ValidationCode, (params: NonNullable<ValidationIssue['params']>) => string> = {
  missing: () => 'This field is missing.',
  blank: () => 'This value should not be blank.',
  type: ({ expected }) => `This value should be of type ${expected ?? 'string'}.`,
  choice: () => 'The value you selected is not a valid choice.',
  email: () => 'This value is not a valid email address.',
  isTrue: () => 'This value should be true.',
  date: () => 'This value is not a valid date.',
  pastDate: () => 'The date must be in the past.',
  tooShort: ({ min }) => `This value is too short. It should have ${min} characters or more.`,
  tooLong: ({ max }) => `This value is too long. It should have ${max} characters or less.`,
  commonPassword: () => 'This password is too common. Choose a less predictable one.',
  country: () => 'This value is not a valid country.',
  postcode: ({ country }) => `This postal code is not valid for ${country ? countryName(country) : 'this country'}.`,
  phone: () => 'This value is not a valid phone number.',
  mismatch: () => 'The passwords do not match.',
  mustConfirm: () => 'This value should be true.',
  controlCharacters: () => 'This value contains characters that are not allowed.',
  link: () => 'This value should not contain a link or an email address.',
  invalid: () => 'This value is not valid.',
};

export function glueMessage(issue: ValidationIssue): string {
  return texts[issue.code](issue.params ?? {});
}
