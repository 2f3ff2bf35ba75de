'use client';

import Link from 'next/link';
import { SALUTATIONS } from '@/app/_domain/customers/choices';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { registerCustomerAction } from './actions';

const salutationOptions = SALUTATIONS.map((s) => ({ value: s, label: s }));
const FIELDS = ['salutation', 'firstName', 'lastName', 'email', 'password', 'acceptedTerms'] as const;
const validator = loadValidator('registration');

/** The registration page's content: the form, then (in its place, heading included) "Check your inbox". */
export function RegisterForm() {
  const { state, pending, outcome, outcomeRef, formProps, field, checkbox } = useProgressiveForm({
    action: registerCustomerAction,
    initialValues: { salutation: '', firstName: '', lastName: '', email: '', acceptedTerms: false },
    fields: FIELDS,
    validator,
  });

  if (state.result?.ok) {
    return (
      <div className="success-panel">
        <h1 ref={outcomeRef} tabIndex={-1}>
          Check your inbox
        </h1>
        <p>
          We sent a confirmation email to <strong>{state.result.data.email}</strong>. Open the link in it to activate your
          account and sign in. The link is valid for 24 hours.
        </p>
      </div>
    );
  }

  return (
    <>
      <h1>Create your account</h1>
      <p className="lead">
        Already registered? <Link href="/login">Sign in</Link>
      </p>
      <form {...formProps}>
        <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
        <SelectField label="Salutation" options={salutationOptions} placeholder="Please choose" {...field('salutation')} />
        <div className="field-row">
          <TextField label="First name" autoComplete="given-name" {...field('firstName')} />
          <TextField label="Last name" autoComplete="family-name" {...field('lastName')} />
        </div>
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <PasswordField
          label="Password"
          autoComplete="new-password"
          hint="8 to 64 characters. Avoid common passwords."
          {...field('password')}
        />
        <CheckboxField
          label={
            <>
              I accept the{' '}
              <Link href="/terms" target="_blank">
                terms and conditions
              </Link>{' '}
              and the{' '}
              <Link href="/privacy" target="_blank">
                privacy policy
              </Link>
              <span className="visually-hidden"> (links open in a new tab)</span>.
            </>
          }
          {...checkbox('acceptedTerms')}
        />
        <SubmitButton pending={pending} pendingLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
    </>
  );
}
