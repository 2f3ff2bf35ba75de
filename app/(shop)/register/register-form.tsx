'use client';

import { useEffect, useRef, useState } from 'react';
import { registrationFormSchema, SALUTATIONS, type RegistrationInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { registerCustomerAction } from './actions';

const salutationOptions = SALUTATIONS.map((s) => ({ value: s, label: s }));

export function RegisterForm() {
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const { form, outcome, onSubmit, fieldError } = useActionForm<RegistrationInput, { email: string }>({
    schema: registrationFormSchema,
    defaultValues: {
      salutation: '' as never,
      firstName: '',
      lastName: '',
      email: '',
      password: '',
      confirmPassword: '',
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

  const error = (name: keyof RegistrationInput) => fieldError(name);
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
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="8 to 64 characters."
        error={error('password')}
        {...register('password')}
      />
      <TextField
        id="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={error('confirmPassword')}
        {...register('confirmPassword')}
      />
      <CheckboxField
        id="acceptedTerms"
        label="I accept the terms and conditions and the privacy policy."
        error={error('acceptedTerms')}
        {...register('acceptedTerms')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
