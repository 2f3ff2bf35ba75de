'use client';

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { formValues, initialFormState, type FormState, type FormValues } from './form-values';
import type { Validator } from './validator';

export type FormOutcome = { tone: 'success' | 'error'; text: string };

type Options<T> = {
  /** The server action: `(previous state, FormData) → next state` (it may redirect instead). */
  action: (previous: FormState<T>, data: FormData) => Promise<FormState<T>>;
  /** What the fields hold before the first submit. */
  initialValues: FormValues;
  /** The fields this form shows: an error for any other (a forged or hidden field) is said for the whole form. */
  fields: readonly string[];
  /**
   * Loads the browser's check (the shared zod schema, see `validators.ts`). It is fetched after the
   * page is interactive, so it never weighs on the first load; until it is there (or without
   * JavaScript) the server action's check, with the same texts, is the only one.
   */
  validator?: () => Promise<Validator>;
  /** What to say after success (when the action does not redirect). */
  success?: (data: T, values: FormValues) => string | null;
};

/** The checkbox names of a form element: read as booleans, the way the server action reads them. */
function checkboxNames(form: HTMLFormElement): string[] {
  return [...form.elements].filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'checkbox' && e.name !== '').map((e) => e.name);
}

/** Focuses the first field (in page order) that has an error; false when none of them is on the page. */
function focusFirstError(form: HTMLFormElement | null, errors: Record<string, string>): boolean {
  if (!form) return false;
  for (const element of form.elements) {
    const { id, name } = element as HTMLInputElement;
    if ((id && id in errors) || (name && name in errors)) {
      (element as HTMLElement).focus();
      return true;
    }
  }
  return false;
}

/**
 * The one shape of every shop and account form, progressively enhanced: a `<form action>` bound
 * to its server action through useActionState, so it posts from first paint and without
 * JavaScript, and the action's answer (inline errors, the typed values kept) is rendered either
 * way. Once JavaScript runs, the shared schema checks the fields in the browser first (errors next
 * to the fields, the first one focused; a corrected field's error goes as it is fixed), the button
 * shows the pending state, and after every answer the focus is on its outcome: the first field
 * with an error, else the message.
 */
export function useProgressiveForm<T>({ action, initialValues, fields, validator, success }: Options<T>) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, initialFormState(initialValues));
  const formRef = useRef<HTMLFormElement>(null);
  const outcomeElement = useRef<HTMLElement | null>(null);
  /** On what shows the outcome: the message, or a success panel's heading that replaces the form. */
  const outcomeRef = useCallback((element: HTMLElement | null) => {
    outcomeElement.current = element;
  }, []);
  const check = useRef<Validator | null>(null);
  /** The browser's own findings, for the answer they were made on (a new answer replaces them). */
  const [local, setLocal] = useState<{ on: FormState<T>; errors: Record<string, string> } | null>(null);

  useEffect(() => {
    let live = true;
    validator?.()
      .then((loaded) => {
        if (live) check.current = loaded;
      })
      // Without the check (offline, a failed chunk) the server action still checks everything.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [validator]);

  const result = state.result;
  const serverErrors = result && !result.ok ? result.fieldErrors : {};
  const errors = local && local.on === state ? local.errors : serverErrors;
  const stray = Object.entries(serverErrors).find(([field]) => !fields.includes(field))?.[1];
  const outcome: FormOutcome | null = !result
    ? null
    : result.ok
      ? (() => {
          const text = success?.(result.data, state.values);
          return text ? { tone: 'success' as const, text } : null;
        })()
      : result.message || stray
        ? { tone: 'error', text: (result.message ?? stray)! }
        : null;

  // After every answer the keyboard is where the outcome is.
  useEffect(() => {
    if (!state.result) return;
    if (!state.result.ok && focusFirstError(formRef.current, state.result.fieldErrors)) return;
    outcomeElement.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const found = check.current?.(formValues(data, checkboxNames(form))) ?? {};
    if (Object.keys(found).length > 0) {
      setLocal({ on: state, errors: found });
      focusFirstError(form, found);
      return;
    }
    setLocal(null);
    startTransition(() => formAction(data));
  }

  /** A field that had an error loses it as soon as the browser's check finds it right. */
  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    // A part of a field (the birth date's day) names the field it belongs to in `data-field`.
    const field = target.dataset.field || target.name || target.id;
    if (!check.current || !(field in errors)) return;
    const form = event.currentTarget;
    const found = check.current(formValues(new FormData(form), checkboxNames(form)));
    if (found[field] === errors[field]) return;
    const next = { ...errors };
    if (found[field]) next[field] = found[field];
    else delete next[field];
    setLocal({ on: state, errors: next });
  }

  /** What a field shows: the answer's value as submitted, else the initial one. */
  const shown = (name: string) => state.values[name] ?? initialValues[name];

  /** What the fields hold now (for event handlers; null before the form is on the page). */
  const readValues = (): FormValues | null => {
    const form = formRef.current;
    return form ? formValues(new FormData(form), checkboxNames(form)) : null;
  };

  return {
    state,
    readValues,
    pending,
    outcome,
    outcomeRef,
    /** Spread on the `<form>`. */
    formProps: { ref: formRef, action: formAction, onSubmit, onChange, noValidate: true },
    error: (name: string): string | undefined => errors[name],
    /** Props of a text field or select: name, id, what it holds and its error. */
    field: (name: string) => ({ id: name, name, defaultValue: String(shown(name) ?? ''), error: errors[name] }),
    /** Props of a checkbox. */
    checkbox: (name: string) => ({ id: name, name, defaultChecked: shown(name) === true, error: errors[name] }),
  };
}

/** The outcome of the last submit, in a polite live region; the hook focuses it after an answer. */
export function FormOutcomeMessage({ outcome, ref, id }: { outcome: FormOutcome | null; ref: (element: HTMLElement | null) => void; id?: string }) {
  return (
    <div aria-live="polite">
      {outcome ? (
        <div ref={ref} id={id} tabIndex={-1} className="form-outcome">
          <Alert tone={outcome.tone}>{outcome.text}</Alert>
        </div>
      ) : null}
    </div>
  );
}
