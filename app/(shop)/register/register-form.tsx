'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { registrationFormSchema, SALUTATIONS, type RegistrationInput } from '@/app/_domain/customers/schema';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { formMessage } from '@/app/_lib/form-messages';
import { registerCustomerAction } from './actions';

const salutationOptions = SALUTATIONS.map((s) => ({ value: s, label: s }));
type FieldName = keyof RegistrationInput;

export function RegisterForm() {
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RegistrationInput>({
    resolver: zodResolver(registrationFormSchema),
    mode: 'onTouched',
    defaultValues: { salutation: '' as never, firstName: '', lastName: '', email: '', password: '', confirmPassword: '', acceptedTerms: false },
  });

  // Move focus to the confirmation so screen readers announce it.
  useEffect(() => {
    if (registeredEmail !== null) successRef.current?.focus();
  }, [registeredEmail]);

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const result = await registerCustomerAction(values);
    if (result.ok) {
      setRegisteredEmail(result.data.email);
      return;
    }
    if (result.message) setNotice(result.message);
    const fields = Object.entries(result.fieldErrors) as [FieldName, string][];
    for (const [field, message] of fields) setError(field, { type: 'server', message });
    if (fields[0]) setFocus(fields[0][0]);
  });

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

  const error = (name: FieldName) => formMessage(errors[name]?.message);
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={notice ? 'register-message' : undefined}>
      {notice ? (
        <Alert tone="error" id="register-message">
          {notice}
        </Alert>
      ) : null}
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
      <SubmitButton pending={isSubmitting} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
