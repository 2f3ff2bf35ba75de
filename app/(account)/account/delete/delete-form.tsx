'use client';

import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { deleteAccountAction } from './actions';

const FIELDS = ['password', 'confirm'] as const;
const validator = loadValidator('accountDeletion');

/** On success the action signs out and redirects to /goodbye. */
export function DeleteAccountForm() {
  const { pending, outcome, outcomeRef, formProps, field, checkbox } = useProgressiveForm({
    action: deleteAccountAction,
    initialValues: { confirm: false },
    fields: FIELDS,
    validator,
  });
  return (
    <form {...formProps}>
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      <PasswordField label="Current password" autoComplete="current-password" {...field('password')} />
      <CheckboxField label="I understand that my account and personal data will be deleted for good." {...checkbox('confirm')} />
      <SubmitButton pending={pending} pendingLabel="Deleting…" className="button button-danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
