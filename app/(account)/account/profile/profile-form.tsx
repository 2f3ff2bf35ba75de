'use client';

import { GENDERS, profileFormSchema, SALUTATIONS, type ProfileFormInput } from '@/app/_domain/customers/schema';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { updateProfileAction } from './actions';

type Defaults = { salutation: string; firstName: string; lastName: string; gender: string; dateOfBirth: string };

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));
const genders = GENDERS.map((g) => ({ value: g, label: g }));

export function ProfileForm({ defaults }: { defaults: Defaults }) {
  const { form, outcome, onSubmit, fieldError } = useActionForm<ProfileFormInput>({
    schema: profileFormSchema,
    defaultValues: defaults as ProfileFormInput,
    action: updateProfileAction,
    onSuccess: () => ({ tone: 'success', text: 'Your profile was saved.' }),
  });
  const { register } = form;
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <SelectField id="salutation" label="Salutation" options={salutations} error={fieldError('salutation')} {...register('salutation')} />
      <TextField id="firstName" label="First name" autoComplete="given-name" error={fieldError('firstName')} {...register('firstName')} />
      <TextField id="lastName" label="Last name" autoComplete="family-name" error={fieldError('lastName')} {...register('lastName')} />
      <SelectField
        id="gender"
        label="Gender (optional)"
        options={genders}
        placeholder="Prefer not to say"
        error={fieldError('gender')}
        {...register('gender')}
      />
      <TextField
        id="dateOfBirth"
        label="Date of birth (optional)"
        type="date"
        autoComplete="bday"
        error={fieldError('dateOfBirth')}
        {...register('dateOfBirth')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}
