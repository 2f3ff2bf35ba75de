'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import type { ActionState } from './action-state';
import { showActionErrors } from './form-errors';
import { formErrorMap } from './messages';

export type FormOutcome = { tone: 'success' | 'error'; text: string };
/** An outcome as shown: focused when no field took the focus (so a keyboard user lands on what happened). */
type ShownOutcome = FormOutcome & { focus: boolean };

type Options<TInput extends FieldValues, TResult> = {
  /** The shared zod schema: the same one the server action and the API validate with. */
  schema: Parameters<typeof zodResolver>[0];
  defaultValues: DefaultValues<TInput>;
  /** The server action; it may redirect instead of returning. */
  action: (values: TInput) => Promise<ActionState<TResult> | undefined | void>;
  /** What to say (or do) after success. */
  onSuccess?: (data: TResult, values: TInput) => FormOutcome | void;
};

/**
 * The one shape of every account form: react-hook-form validated on the client with the shared
 * zod schema, then the server action; server field errors land next to their fields (the first one
 * focused) and form-level messages in a polite live region (`<FormOutcomeMessage>`), which takes the
 * focus when no field did — after every action the keyboard is where the outcome is.
 */
export function useActionForm<TInput extends FieldValues, TResult = unknown>(options: Options<TInput, TResult>) {
  const form = useForm<TInput>({
    resolver: zodResolver(options.schema, { error: formErrorMap }) as unknown as Resolver<TInput>,
    defaultValues: options.defaultValues,
  });
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    const result = await options.action(values);
    if (!result) return;
    if (result.ok) {
      const success = options.onSuccess?.(result.data, values);
      setOutcome(success ? { ...success, focus: true } : null);
      return;
    }
    const message = showActionErrors(result, form.setError, form.setFocus);
    if (message) setOutcome({ tone: 'error', text: message, focus: Object.keys(result.fieldErrors).length === 0 });
  });

  const fieldError = (name: Path<TInput>): string | undefined => form.getFieldState(name, form.formState).error?.message;

  return { form, outcome, onSubmit, fieldError };
}

export function FormOutcomeMessage({ outcome }: { outcome: (FormOutcome & { focus?: boolean }) | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome?.focus) ref.current?.focus();
  }, [outcome]);
  return (
    <div aria-live="polite">
      {outcome ? (
        <div ref={ref} tabIndex={-1} className="form-outcome">
          <Alert tone={outcome.tone}>{outcome.text}</Alert>
        </div>
      ) : null}
    </div>
  );
}
