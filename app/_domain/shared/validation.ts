import { z } from 'zod';
import { DomainError, type FieldError } from './errors';

/** Glue's (Symfony's) validation texts, so Glue clients see the messages they already know. */
export const messages = {
  missing: 'This field is missing.',
  blank: 'This value should not be blank.',
  email: 'This value is not a valid email address.',
  choice: 'The value you selected is not a valid choice.',
  isTrue: 'This value should be true.',
  date: 'This value is not a valid date.',
  bool: 'This value should be of type bool.',
  string: 'This value should be of type string.',
  tooShort: (n: number) => `This value is too short. It should have ${n} characters or more.`,
  tooLong: (n: number) => `This value is too long. It should have ${n} characters or less.`,
};

type Issue = { input?: unknown };

/** A type error that tells a missing field and a null apart from a wrong type, as Glue does. */
export function typeError(wrongType: string) {
  return (issue: Issue) =>
    issue.input === undefined ? messages.missing : issue.input === null ? messages.blank : wrongType;
}

/** Length in Unicode code points, the way Symfony counts characters. */
export function codePoints(value: string): number {
  return [...value].length;
}

/** A required string, trimmed, not blank, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ error: typeError(messages.string) })
    .trim()
    .min(1, messages.blank)
    .refine((v) => codePoints(v) <= max, messages.tooLong(max));
}

export const emailSchema = z
  .string({ error: typeError(messages.string) })
  .trim()
  .min(1, messages.blank)
  .refine((v) => codePoints(v) <= 100, messages.tooLong(100))
  .refine((v) => z.regexes.email.test(v), messages.email);

/** Passwords: 8–64 code points after NFC normalisation (which is also what gets hashed). */
export const newPasswordSchema = z
  .string({ error: typeError(messages.string) })
  .min(1, messages.blank)
  .transform((v) => v.normalize('NFC'))
  .refine((v) => codePoints(v) >= 8, messages.tooShort(8))
  .refine((v) => codePoints(v) <= 64, messages.tooLong(64));

/** The repeated password of a form or request: compared with the new one by the domain (Glue's 406). */
export const confirmPasswordSchema = z
  .string({ error: typeError(messages.string) })
  .min(1, messages.blank)
  .transform((v) => v.normalize('NFC'));

/** A current password as typed at sign-in: any non-empty string up to 1,024 code points after NFC. */
export const currentPasswordSchema = z
  .string({ error: typeError(messages.string) })
  .min(1, messages.blank)
  .transform((v) => v.normalize('NFC'))
  .refine((v) => codePoints(v) <= 1024, messages.tooLong(1024));

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue: Issue) =>
      issue.input === undefined
        ? messages.missing
        : issue.input === null || issue.input === ''
          ? messages.blank
          : messages.choice,
  });
}

/** An optional `YYYY-MM-DD` calendar date strictly in the past; '' and null mean "not given". */
export const pastDateSchema = z
  .union([z.string(), z.null()], { error: messages.date })
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))
  .refine((v) => v === null || (isCalendarDate(v) && v >= '1900-01-01'), messages.date)
  .refine((v) => v === null || v < new Date().toISOString().slice(0, 10), 'The date must be in the past.');

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Turns zod issues into one error per field (the first violated rule), in field order. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'data';
    if (!seen.has(field)) seen.set(field, issue.message);
  }
  return [...seen].map(([field, message]) => ({ field, message }));
}

/** Parses `input` with `schema`, or throws a `validation` DomainError listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new DomainError('validation', { fields: fieldErrors(result.error) });
  return result.data;
}
