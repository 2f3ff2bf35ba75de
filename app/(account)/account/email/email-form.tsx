'use client';

import type { FormValues } from '@/app/_transport/forms/form-values';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { requestEmailChangeAction } from './actions';

const FIELDS = ['email', 'password'] as const;
const validator = loadValidator('emailChange');
const sent = (_data: null, values: FormValues) =>
  `We sent a confirmation link to ${String(values.email ?? '')}. Your email changes when you open it (within 24 hours).`;

export function EmailChangeForm() {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: requestEmailChangeAction,
    initialValues: { email: '' },
    fields: FIELDS,
    validator,
    success: sent,
  });
  return (
    <>
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      {/* A new form after success: the fields start empty again. */}
      <form {...formProps} key={state.result?.ok ? state.version : 'form'}>
        <TextField label="New email" type="email" autoComplete="email" {...field('email')} defaultValue={state.result?.ok ? '' : field('email').defaultValue} />
        <PasswordField label="Current password" autoComplete="current-password" {...field('password')} />
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Change email
        </SubmitButton>
      </form>
    </>
  );
}
