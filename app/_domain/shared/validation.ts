import { z } from 'zod';
import { DomainError, type FieldError, type IssueParams, type ValidationCode, type ValidationIssue } from './errors';

/**
 * Building blocks of the entity schemas. Rules carry a code and parameters (`ValidationIssue`),
 * never a display text: `classify` reads zod's own issues (a missing field, a null, a wrong type,
 * an unknown choice) and our refinements (which put `{ code, … }` in the issue's params). Length
 * rules count Unicode code points, as Symfony does; `.meta()` puts them into the JSON Schema too.
 */

/** A refinement's issue: `.refine(check, rule('tooLong', { max }))`. */
export function rule(code: ValidationCode, params: IssueParams = {}) {
  return { params: { code, ...params } };
}

type AnyIssue = {
  code?: string;
  input?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  params?: Record<string, unknown>;
};

const KNOWN_CODES = new Set<ValidationCode>([
  'missing', 'blank', 'type', 'choice', 'email', 'isTrue', 'date', 'pastDate', 'tooShort', 'tooLong',
  'commonPassword', 'country', 'postcode', 'phone', 'mismatch', 'mustConfirm', 'controlCharacters', 'link', 'invalid',
]);

function typeName(expected: unknown): string {
  return expected === 'boolean' ? 'bool' : typeof expected === 'string' ? expected : 'string';
}

/** The domain's reading of one zod issue (raw, in an error map, or parsed with `reportInput`). */
export function classify(issue: AnyIssue): ValidationIssue {
  const custom = issue.params?.code;
  if (typeof custom === 'string' && KNOWN_CODES.has(custom as ValidationCode)) {
    const { code: _code, ...params } = issue.params!;
    return Object.keys(params).length > 0 ? { code: custom as ValidationCode, params: params as IssueParams } : { code: custom as ValidationCode };
  }
  // The input is known for raw issues and for issues parsed with `reportInput` (parseInput).
  const known = 'input' in issue;
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (known && input === undefined) return { code: 'missing' };
      // A null string is blank (as Symfony's NotBlank says); a null flag is of the wrong type.
      if (known && input === null && issue.expected !== 'boolean') return { code: 'blank' };
      return { code: 'type', params: { expected: typeName(issue.expected) } };
    case 'invalid_value':
      if (known && input === undefined) return { code: 'missing' };
      if (input === null || input === '') return { code: 'blank' };
      return { code: 'choice' };
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return { code: 'blank' };
      return { code: 'tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { code: 'email' };
    default:
      return { code: 'invalid' };
  }
}

/** Length in Unicode code points, the way Symfony counts characters. */
export function codePoints(value: string): number {
  return [...value].length;
}

/** Control characters (NUL, escapes, line breaks, …) belong in no single-line text we store. */
const CONTROL = /\p{Cc}/u;
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** A required string, trimmed, not blank, at most `max` characters, no control characters. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .refine((v) => codePoints(v) <= max, rule('tooLong', { max }))
    .refine((v) => !hasControlCharacters(v), rule('controlCharacters'))
    .meta({ maxLength: max });
}

/** Something that reads as a link or an address: a name must not carry one into an email. */
const LINK = /(:\/\/|www\.|[@/\\<>]|\b[a-z0-9-]+\.(?:com|net|org|info|biz|io|co|me|app|xyz|top|site|online|link|click|ru|cn|de|uk|example)\b)/i;

/** A person's name: required text without links, addresses or markup (names are shown in emails). */
export function personName(max: number) {
  return requiredText(max).refine((v) => !LINK.test(v), rule('link'));
}

/** An optional string: null, absent and blank all mean "none" (null); at most `max` characters. */
export function optionalText(max: number) {
  return z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v == null ? null : v.trim() || null))
    .refine((v) => v === null || codePoints(v) <= max, rule('tooLong', { max }))
    .refine((v) => v === null || !hasControlCharacters(v), rule('controlCharacters'))
    .meta({ maxLength: max });
}

export const emailSchema = z
  .string()
  .trim()
  .min(1)
  .refine((v) => codePoints(v) <= 100, rule('tooLong', { max: 100 }))
  .refine((v) => !hasControlCharacters(v) && z.regexes.email.test(v), rule('email'))
  .meta({ format: 'email', maxLength: 100 });

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * Whether `password` (NFC) is one of the 10,000 most common passwords, case-insensitively
 * (`app/_domain/passwords/common-passwords.json`, ~120 kB, read on first use). Server only: Next.js
 * replaces `typeof window` at build time ('object' in browser bundles), so the browser bundle drops
 * this branch and its `require` and never carries the list; the browser's own check of a form
 * skips the rule and the server action answers it.
 */
export function isCommonPassword(password: string): boolean {
  if (typeof window === 'undefined') {
    // A `require` in the branch (not an `import`) is what keeps the list out of the browser bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    commonPasswords ??= new Set<string>(require('../passwords/common-passwords.json'));
    return commonPasswords.has(password.toLowerCase());
  }
  return false;
}

/**
 * New passwords: 8–64 code points after NFC normalisation (which is also what gets hashed), and not
 * one of the most common passwords (checked on the server only).
 */
export const newPasswordSchema = z
  .string()
  .min(1)
  .transform((v) => v.normalize('NFC'))
  .refine((v) => codePoints(v) >= 8, rule('tooShort', { min: 8 }))
  .refine((v) => codePoints(v) <= 64, rule('tooLong', { max: 64 }))
  .refine((v) => !isCommonPassword(v), rule('commonPassword'))
  .meta({
    minLength: 8,
    maxLength: 64,
    format: 'password',
    description: '8 to 64 characters; not one of the 10,000 most common passwords (compared case-insensitively).',
  });

/** The repeated password of a form or request: compared with the new one by the domain (Glue's 406). */
export const confirmPasswordSchema = z
  .string()
  .min(1)
  .transform((v) => v.normalize('NFC'))
  .meta({ format: 'password' });

/** A current password as typed at sign-in: any non-empty string up to 1,024 code points after NFC. */
export const currentPasswordSchema = z
  .string()
  .min(1)
  .transform((v) => v.normalize('NFC'))
  .refine((v) => codePoints(v) <= 1024, rule('tooLong', { max: 1024 }))
  .meta({ maxLength: 1024, format: 'password' });

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** An optional `YYYY-MM-DD` calendar date strictly in the past; '' and null mean "not given". */
export const pastDateSchema = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || !isCalendarDate(v) || v < '1900-01-01') {
      ctx.addIssue({ code: 'custom', input: v, ...rule('date') });
      return z.NEVER;
    }
    if (v >= new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({ code: 'custom', input: v, ...rule('pastDate') });
      return z.NEVER;
    }
    return v;
  })
  .meta({ type: ['string', 'null'], format: 'date' });

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Turns zod issues into one error per field (the first violated rule), in field order. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'data';
    if (!seen.has(field)) seen.set(field, { field, ...classify(issue as AnyIssue) });
  }
  return [...seen.values()];
}

/** Parses `input` with `schema`, or throws a `validation` DomainError listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) throw new DomainError('validation', { fields: fieldErrors(result.error) });
  return result.data;
}
