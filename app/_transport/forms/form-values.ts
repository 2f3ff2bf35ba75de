import type { ActionState } from './action-state';

/** A submitted form's fields as the shared schemas read them: text as typed, checkboxes as booleans. */
export type FormValues = Record<string, string | boolean>;

/**
 * What a progressive form's server action answers (React's useActionState): the outcome and the
 * values as submitted, without passwords, so the page re-rendered after a submit without
 * JavaScript shows them again. `version` counts answers (a form remounts on a new success).
 */
export type FormState<T = null> = { result: ActionState<T> | null; values: FormValues; version: number };

export function initialFormState(values: FormValues = {}): FormState<never> {
  return { result: null, values, version: 0 };
}

/** Longest text kept per field: the schemas refuse anything longer anyway. */
const MAX_TEXT = 1000;

/**
 * The one reading of a submitted form, in the browser (before the action is called) and in the
 * server action (the same FormData, or what a browser without JavaScript posted): every text field
 * as a string, every named checkbox as true or false (an unchecked one is not in FormData).
 * React's own fields (`$ACTION_…`) and files are left out; anything that is not FormData (a forged
 * call) reads as an empty form.
 */
export function formValues(data: unknown, checkboxes: readonly string[] = []): FormValues {
  const values: FormValues = {};
  if (!(data instanceof FormData)) {
    for (const name of checkboxes) values[name] = false;
    return values;
  }
  for (const [name, value] of data.entries()) {
    if (name.startsWith('$ACTION') || typeof value !== 'string' || name in values) continue;
    values[name] = value.slice(0, MAX_TEXT);
  }
  for (const name of checkboxes) values[name] = data.has(name);
  return values;
}

/** The values a form may show again: every field but passwords. */
export function echoValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
}
