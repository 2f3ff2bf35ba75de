'use client';

import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/password-field';
import { changePasswordAction } from './actions';

const FIELDS = ['password', 'newPassword', 'confirmPassword'] as const;
const validator = loadValidator('passwordChange');
const changed = () => 'Your password was changed. Every other device was signed out.';

export function PasswordChangeForm() {
  const { state, pending, outcome, outcomeRef, formProps, field } = useProgressiveForm({
    action: changePasswordAction,
    initialValues: {},
    fields: FIELDS,
    validator,
    success: changed,
  });
  return (
    <>
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      {/* A new form after success: the fields start empty again. */}
      <form {...formProps} key={state.result?.ok ? state.version : 'form'}>
        <PasswordField label="Current password" autoComplete="current-password" {...field('password')} />
        <PasswordField label="New password" autoComplete="new-password" hint="8 to 64 characters. Avoid common passwords." {...field('newPassword')} />
        <PasswordField label="Confirm new password" autoComplete="new-password" {...field('confirmPassword')} />
        <SubmitButton pending={pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </form>
    </>
  );
}
