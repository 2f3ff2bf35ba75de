import { countryName, postcodeFormat } from '@/app/_domain/addresses/countries';
import type { ValidationCode, ValidationIssue } from '@/app/_domain/shared/errors';
import { classify } from '@/app/_domain/shared/validation';

/**
 * What a form shows next to a field: shopper-friendly texts for the domain's validation codes.
 * The same texts for the browser's own check (zod, `formErrorMap` through `validatorFor`) and
 * for the server action's answer (`toActionState`).
 */
const texts: Record<ValidationCode, (params: NonNullable<ValidationIssue['params']>) => string> = {
  missing: () => 'This field is required.',
  blank: () => 'This field is required.',
  type: () => 'Please enter a valid value.',
  choice: () => 'Please choose one of the options.',
  email: () => 'Please enter a valid email address, like name@example.com.',
  isTrue: () => 'Please accept to continue.',
  date: () => 'Please enter a valid date.',
  pastDate: () => 'The date must be in the past.',
  tooShort: ({ min }) => `Use at least ${min} characters.`,
  tooLong: ({ max }) => `Use at most ${max} characters.`,
  commonPassword: () => 'This password is too common and easy to guess. Please choose another one.',
  country: () => 'Please choose a country from the list.',
  postcode: ({ country }) => postcodeText(country),
  phone: () => 'Please enter a valid phone number.',
  mismatch: () => 'The passwords do not match.',
  mustConfirm: () => 'Please confirm that you want to delete your account.',
  controlCharacters: () => 'Please remove the special characters.',
  link: () => 'Please enter just the name, without links or email addresses.',
  invalid: () => 'Please check this value.',
};

/** "This ZIP code is not valid for United States of America. Use 5 digits or ZIP+4, e.g. 20500 or 20500-0003." */
function postcodeText(country: string | undefined): string {
  if (!country) return 'This postal code is not valid for this country.';
  const { term, hint } = postcodeFormat(country);
  return `This ${term} is not valid for ${countryName(country)}.${hint ? ` Use ${hint}.` : ''}`;
}

export function formMessage(issue: ValidationIssue): string {
  return texts[issue.code](issue.params ?? {});
}

/** zod's per-parse error map for the browser's check of the shared schema. */
export function formErrorMap(issue: Parameters<typeof classify>[0]): string {
  return formMessage(classify(issue));
}
