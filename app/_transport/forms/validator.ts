import type { z } from 'zod';
import type { FormValues } from './form-values';
import { formErrorMap } from './messages';

/** A form's check in the browser: field → the first message, in the schema's field order ({} when valid). */
export type Validator = (values: FormValues) => Record<string, string>;

/**
 * The browser's check of a form with the shared schema and the texts the server action would
 * answer with; `toInput` maps the form's fields to the schema's input exactly as the action does.
 */
export function validatorFor(schema: z.ZodType, toInput: (values: FormValues) => unknown = (values) => values): Validator {
  return (values) => {
    const result = schema.safeParse(toInput(values), { error: formErrorMap });
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!(field in errors)) errors[field] = issue.message;
    }
    return errors;
  };
}
