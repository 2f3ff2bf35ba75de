'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { GENDERS, profileFormSchema, SALUTATIONS, type ProfileFormInput } from '@/app/_domain/customers/schema';
import { showActionErrors } from '@/app/_lib/form-errors';
import { formMessage } from '@/app/_lib/form-messages';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { updateProfileAction } from './actions';

type Defaults = { salutation: string; firstName: string; lastName: string; gender: string; dateOfBirth: string };

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));
const genders = GENDERS.map((g) => ({ value: g, label: g }));

export function ProfileForm({ defaults }: { defaults: Defaults }) {
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ProfileFormInput>({ resolver: zodResolver(profileFormSchema), defaultValues: defaults as ProfileFormInput });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await updateProfileAction(values);
    if (result.ok) return setOutcome({ tone: 'success', text: 'Your profile was saved.' });
    const message = showActionErrors(result, setError, setFocus);
    if (message) setOutcome({ tone: 'error', text: message });
  });

  const error = (name: keyof ProfileFormInput) => formMessage(errors[name]?.message);
  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}</div>
      <SelectField id="salutation" label="Salutation" options={salutations} error={error('salutation')} {...register('salutation')} />
      <TextField id="firstName" label="First name" autoComplete="given-name" error={error('firstName')} {...register('firstName')} />
      <TextField id="lastName" label="Last name" autoComplete="family-name" error={error('lastName')} {...register('lastName')} />
      <SelectField
        id="gender"
        label="Gender (optional)"
        options={genders}
        placeholder="Prefer not to say"
        error={error('gender')}
        {...register('gender')}
      />
      <TextField
        id="dateOfBirth"
        label="Date of birth (optional)"
        type="date"
        autoComplete="bday"
        error={error('dateOfBirth')}
        {...register('dateOfBirth')}
      />
      <SubmitButton pending={isSubmitting} pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}
