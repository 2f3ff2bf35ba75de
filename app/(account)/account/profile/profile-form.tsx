'use client';

import { GENDERS, SALUTATIONS } from '@/app/_domain/customers/choices';
import type { FormValues } from '@/app/_transport/forms/form-values';
import { loadValidator } from '@/app/_transport/forms/load-validator';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { updateProfileAction } from './actions';
import type { DateOrder } from './date-order';

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));
const genders = GENDERS.map((g) => ({ value: g, label: g }));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const months = MONTHS.map((name, index) => ({ value: String(index + 1), label: name }));
const FIELDS = ['salutation', 'firstName', 'lastName', 'gender', 'dateOfBirth'] as const;
const validator = loadValidator('profile');
const saved = () => 'Your profile was saved.';

type Props = {
  /** The stored profile, the birth date in its three fields (see `birthDateFields`). */
  defaults: FormValues;
  /** The order of the birth date's fields in the shopper's locale. */
  dateOrder: DateOrder;
};

export function ProfileForm({ defaults, dateOrder }: Props) {
  const { pending, outcome, outcomeRef, formProps, field, error } = useProgressiveForm({
    action: updateProfileAction,
    initialValues: defaults,
    fields: FIELDS,
    validator,
    success: saved,
  });
  const dateError = error('dateOfBirth');
  const describedBy = dateError ? 'dateOfBirth-error dateOfBirth-hint' : 'dateOfBirth-hint';
  // The first of the date's fields carries the id `dateOfBirth`: an error of the date focuses it.
  const dateParts = {
    day: (first: boolean) => (
      <TextField
        key="day"
        label="Day"
        inputMode="numeric"
        autoComplete="bday-day"
        maxLength={2}
        size={3}
        aria-describedby={describedBy}
        aria-invalid={dateError ? true : undefined}
        data-field="dateOfBirth"
        {...field('birthDay')}
        id={first ? 'dateOfBirth' : 'birthDay'}
      />
    ),
    month: (first: boolean) => (
      <SelectField
        key="month"
        label="Month"
        options={months}
        placeholder=""
        autoComplete="bday-month"
        aria-describedby={describedBy}
        aria-invalid={dateError ? true : undefined}
        data-field="dateOfBirth"
        {...field('birthMonth')}
        id={first ? 'dateOfBirth' : 'birthMonth'}
      />
    ),
    year: (first: boolean) => (
      <TextField
        key="year"
        label="Year"
        inputMode="numeric"
        autoComplete="bday-year"
        maxLength={4}
        size={5}
        aria-describedby={describedBy}
        aria-invalid={dateError ? true : undefined}
        data-field="dateOfBirth"
        {...field('birthYear')}
        id={first ? 'dateOfBirth' : 'birthYear'}
      />
    ),
  };
  return (
    <form {...formProps}>
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      <SelectField label="Salutation" options={salutations} {...field('salutation')} />
      <div className="field-row">
        <TextField label="First name" autoComplete="given-name" {...field('firstName')} />
        <TextField label="Last name" autoComplete="family-name" {...field('lastName')} />
      </div>
      <SelectField label="Gender (optional)" options={genders} placeholder="Prefer not to say" {...field('gender')} />
      <fieldset className="field-group">
        <legend>Date of birth (optional)</legend>
        <p id="dateOfBirth-hint" className="hint">
          For example {dateOrder.map((part) => ({ day: '17', month: 'May', year: '1990' })[part]).join(' ')}.
        </p>
        <div className="field-parts">{dateOrder.map((part, index) => dateParts[part](index === 0))}</div>
        {dateError ? (
          <p id="dateOfBirth-error" className="field-error">
            {dateError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}
