'use client';

import { Fragment, useMemo, type ReactNode } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { addressFormat, type AddressField } from '@/app/_domain/addresses/address-formats';
import { countryName, searchCountries, usesPostcodes } from '@/app/_domain/addresses/countries';
import type { AddressInput } from '@/app/_domain/addresses/schema';
import { SALUTATIONS } from '@/app/_domain/customers/schema';
import type { ActionState } from '@/app/_transport/forms/action-state';
import { FormOutcomeMessage, useActionForm } from '@/app/_transport/forms/use-action-form';
import { SubmitButton } from '@/components/ui/button';
import { Combobox, type ComboboxOption } from '@/components/ui/combobox';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { shopperAddressSchema } from './form-rules';
import { adaptToCountry } from './form-values';

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));

/** The combobox's search: names, aliases and codes ("USA", "UK", "Holland", "Deutschland"), exact matches first. */
function filterCountries(query: string, options: readonly ComboboxOption[]): ComboboxOption[] {
  const byCode = new Map(options.map((o) => [o.value, o]));
  return searchCountries(
    query,
    options.map((o) => o.value),
  ).map((code) => byCode.get(code)!);
}

const countCountries = (count: number) => `${count} ${count === 1 ? 'country' : 'countries'} found`;

type Props = {
  defaults: AddressInput;
  submitLabel: string;
  /** Redirects on success; returns form state on failure. */
  action: (values: AddressInput) => Promise<ActionState<unknown>>;
  showDefaultFlags: boolean;
  /** The countries the shop ships to (alpha-2, in the shop's order): the only ones to choose from. */
  shipTo: readonly string[];
  /** The edited address's country: it stays selectable even if the shop no longer ships there. */
  storedCountry?: string;
};

/**
 * The address form, laid out and labelled as the chosen country writes addresses: one "Street
 * address" line carrying the number (US, GB, …) or street and house number apart (DE, …), the
 * postcode's own name (ZIP code, PLZ, Eircode), a state list where there is one, the country's
 * field order. The country is a searchable combobox over the shop's shipping countries.
 */
export function AddressForm({ defaults, submitLabel, action, showDefaultFlags, shipTo, storedCountry }: Props) {
  const schema = useMemo(() => shopperAddressSchema({ shipTo, storedCountry }), [shipTo, storedCountry]);
  const { form, outcome, onSubmit, fieldError: error } = useActionForm<AddressInput>({
    schema,
    defaultValues: defaults,
    // On success the action redirects to the address book.
    action,
  });
  const { register, control, getValues, setValue } = form;
  const { field: countryField } = useController({ control, name: 'countryCode' });
  const country = String(countryField.value ?? '').toUpperCase();
  const state = useWatch({ control, name: 'state' });
  const format = addressFormat(country);
  const postcodeRequired = usesPostcodes(country);

  const countryOptions = useMemo(() => {
    const codes = storedCountry && !shipTo.includes(storedCountry) ? [...shipTo, storedCountry] : shipTo;
    return codes.map((code) => ({ value: code, label: countryName(code) }));
  }, [shipTo, storedCountry]);

  function changeCountry(next: string) {
    const changes = adaptToCountry(getValues(), country, next);
    countryField.onChange(next);
    for (const [name, value] of Object.entries(changes) as ['street' | 'houseNumber' | 'state', string][]) {
      setValue(name, value, { shouldDirty: true });
    }
  }

  // The country's list; a stored state the list does not know (written through an API) stays choosable.
  const list = format.state?.options;
  const stateOptions = list ? list.map((s) => ({ value: s.value, label: s.name })) : null;
  if (stateOptions && typeof state === 'string' && state !== '' && !list!.some((s) => s.value === state)) stateOptions.push({ value: state, label: state });

  // Built while rendering, in the page's order: react-hook-form focuses the first bad field in the order fields registered.
  const fields: Record<AddressField, () => ReactNode> = {
    street: () => (
      <TextField
        id="street"
        label={format.labels.street}
        hint={format.streetHint}
        autoComplete="address-line1"
        error={error('street')}
        {...register('street')}
      />
    ),
    houseNumber: () => <TextField id="houseNumber" label={format.labels.houseNumber} error={error('houseNumber')} {...register('houseNumber')} />,
    additional: () => (
      <TextField
        id="additional"
        label={`${format.labels.additional} (optional)`}
        autoComplete="address-line2"
        error={error('additional')}
        {...register('additional')}
      />
    ),
    zipCode: () => (
      <TextField
        id="zipCode"
        label={postcodeRequired ? format.labels.zipCode : `${format.labels.zipCode} (optional)`}
        hint={postcodeRequired ? undefined : `${countryName(country)} does not use postcodes.`}
        autoComplete="postal-code"
        autoCapitalize={format.postcodeLetters ? 'characters' : undefined}
        error={error('zipCode')}
        {...register('zipCode', {
          // "sw1a 1aa" is the postcode SW1A 1AA: the formats are checked in capitals.
          setValueAs: (value: unknown) => (format.postcodeLetters && typeof value === 'string' ? value.toUpperCase() : value),
        })}
      />
    ),
    city: () => <TextField id="city" label={format.labels.city} autoComplete="address-level2" error={error('city')} {...register('city')} />,
    state: () => format.state ? (
      stateOptions ? (
        <SelectField
          id="state"
          label={format.state.required ? format.state.label : `${format.state.label} (optional)`}
          options={stateOptions}
          placeholder="Please choose"
          autoComplete="address-level1"
          error={error('state')}
          {...register('state')}
        />
      ) : (
        <TextField
          id="state"
          label={format.state.required ? format.state.label : `${format.state.label} (optional)`}
          hint={format.state.hint}
          autoComplete="address-level1"
          error={error('state')}
          {...register('state')}
        />
      )
    ) : null,
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormOutcomeMessage outcome={outcome} />
      <Combobox
        id="countryCode"
        name="countryCode"
        label="Country"
        options={countryOptions}
        value={country}
        onChange={changeCountry}
        onBlur={countryField.onBlur}
        inputRef={countryField.ref}
        filter={filterCountries}
        noMatches="No country of ours matches. We ship only to the listed countries."
        countText={countCountries}
        autoComplete="country-name"
        error={error('countryCode')}
      />
      <SelectField id="salutation" label="Salutation" options={salutations} placeholder="Please choose" error={error('salutation')} {...register('salutation')} />
      <TextField id="firstName" label="First name" autoComplete="given-name" error={error('firstName')} {...register('firstName')} />
      <TextField id="lastName" label="Last name" autoComplete="family-name" error={error('lastName')} {...register('lastName')} />
      <TextField id="company" label="Company (optional)" autoComplete="organization" error={error('company')} {...register('company')} />
      {format.order.map((field) => (
        <Fragment key={field}>{fields[field]()}</Fragment>
      ))}
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
