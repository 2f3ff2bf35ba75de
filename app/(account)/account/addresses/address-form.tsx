'use client';

import { useWatch } from 'react-hook-form';
import { COUNTRY_OPTIONS, countryName, usesPostcodes, usesStates } from '@/app/_domain/addresses/countries';
import { addressSchema, type AddressInput } from '@/app/_domain/addresses/schema';
import { SALUTATIONS } from '@/app/_domain/customers/schema';
import type { ActionState } from '@/app/_transport/forms/action-state';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));
const countries = COUNTRY_OPTIONS.map((c) => ({ value: c.code, label: c.name }));

type Props = {
  defaults: AddressInput;
  submitLabel: string;
  /** Redirects on success; returns form state on failure. */
  action: (values: AddressInput) => Promise<ActionState<unknown>>;
  showDefaultFlags: boolean;
};

/** The address form; postcode, state and phone hints follow the chosen country. */
export function AddressForm({ defaults, submitLabel, action, showDefaultFlags }: Props) {
  const { form, outcome, onSubmit, fieldError: error } = useActionForm<AddressInput>({
    schema: addressSchema,
    defaultValues: defaults,
    // On success the action redirects to the address book.
    action,
  });
  const { register } = form;
  const country = useWatch({ control: form.control, name: 'countryCode' }) ?? 'DE';
  const postcodeRequired = usesPostcodes(country);

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <SelectField id="countryCode" label="Country" options={countries} error={error('countryCode')} {...register('countryCode')} />
      <SelectField id="salutation" label="Salutation" options={salutations} placeholder="Please choose" error={error('salutation')} {...register('salutation')} />
      <TextField id="firstName" label="First name" autoComplete="given-name" error={error('firstName')} {...register('firstName')} />
      <TextField id="lastName" label="Last name" autoComplete="family-name" error={error('lastName')} {...register('lastName')} />
      <TextField id="company" label="Company (optional)" autoComplete="organization" error={error('company')} {...register('company')} />
      <TextField id="street" label="Street" autoComplete="address-line1" error={error('street')} {...register('street')} />
      <TextField id="houseNumber" label="House number" error={error('houseNumber')} {...register('houseNumber')} />
      <TextField
        id="additional"
        label="Additional address line (optional)"
        autoComplete="address-line2"
        error={error('additional')}
        {...register('additional')}
      />
      <TextField
        id="zipCode"
        label={postcodeRequired ? 'Postcode' : 'Postcode (optional)'}
        hint={postcodeRequired ? undefined : `${countryName(country)} does not use postcodes.`}
        autoComplete="postal-code"
        error={error('zipCode')}
        {...register('zipCode')}
      />
      <TextField id="city" label="City" autoComplete="address-level2" error={error('city')} {...register('city')} />
      {usesStates(country) ? (
        <TextField
          id="state"
          label="State / region (optional)"
          autoComplete="address-level1"
          error={error('state')}
          {...register('state')}
        />
      ) : null}
      <TextField
        id="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        hint={`A number in ${countryName(country)}, or any number with its + country code.`}
        error={error('phone')}
        {...register('phone')}
      />
      {showDefaultFlags ? (
        <>
          <CheckboxField id="isDefaultShipping" label="Use as my default shipping address" {...register('isDefaultShipping')} />
          <CheckboxField id="isDefaultBilling" label="Use as my default billing address" {...register('isDefaultBilling')} />
        </>
      ) : null}
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
