'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { registrationFormSchema, SALUTATIONS, type RegistrationFormInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { PasswordField } from '@/components/ui/password-field';
import { registerCustomerAction } from './actions';

const salutationOptions = SALUTATIONS.map((s) => ({ value: s, label: s }));

export function RegisterForm() {
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const { form, outcome, onSubmit, fieldError } = useActionForm<RegistrationFormInput, { email: string }>({
    schema: registrationFormSchema,
    defaultValues: {
      salutation: '' as never,
      firstName: '',
      lastName: '',
      email: '',
      password: '',
      acceptedTerms: false,
    },
    action: registerCustomerAction,
    onSuccess: (data) => setRegisteredEmail(data.email),
  });
  const { register } = form;

  // Move focus to the confirmation so screen readers announce it.
  useEffect(() => {
    if (registeredEmail !== null) successRef.current?.focus();
  }, [registeredEmail]);

  if (registeredEmail !== null) {
    return (
      <div className="success-panel">
        <h2 ref={successRef} tabIndex={-1}>
          Check your inbox
        </h2>
        <p>
          We sent a confirmation email to <strong>{registeredEmail}</strong>. Open the link in it to activate your
          account. The link is valid for 24 hours.
        </p>
      </div>
    );
  }

  const error = (name: keyof RegistrationFormInput) => fieldError(name);
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <SelectField
        id="salutation"
        label="Salutation"
        options={salutationOptions}
        placeholder="Please choose"
        error={error('salutation')}
        {...register('salutation')}
      />
      <TextField id="firstName" label="First name" autoComplete="given-name" error={error('firstName')} {...register('firstName')} />
      <TextField id="lastName" label="Last name" autoComplete="family-name" error={error('lastName')} {...register('lastName')} />
      <TextField id="email" label="Email" type="email" autoComplete="email" error={error('email')} {...register('email')} />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="new-password"
        hint="8 to 64 characters. Avoid common passwords."
        error={error('password')}
        {...register('password')}
      />
      <CheckboxField
        id="acceptedTerms"
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
        error={error('acceptedTerms')}
        {...register('acceptedTerms')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
