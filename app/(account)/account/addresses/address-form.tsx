'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AddressField, CountryLayout } from '@/app/_domain/addresses/address-formats';
import { SALUTATIONS } from '@/app/_domain/customers/choices';
import type { FormValues } from '@/app/_transport/forms/form-values';
import { FormOutcomeMessage, useProgressiveForm } from '@/app/_transport/forms/use-progressive-form';
import { SubmitButton } from '@/components/ui/button';
import type { Combobox as ComboboxType, ComboboxOption } from '@/components/ui/combobox';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import type { AddressFormState } from './actions';

const salutations = SALUTATIONS.map((s) => ({ value: s, label: s }));
const FIELDS = [
  'countryCode',
  'salutation',
  'firstName',
  'lastName',
  'company',
  'street',
  'houseNumber',
  'additional',
  'zipCode',
  'city',
  'state',
  'phone',
  'isDefaultShipping',
  'isDefaultBilling',
] as const;

type Extras = typeof import('./address-validator');

type Props = {
  /** The stored address (edit) or the empty form (new), every field a string. */
  defaults: FormValues;
  submitLabel: string;
  /** Redirects to the address book on success; answers form state on failure. */
  action: (previous: AddressFormState, data: FormData) => Promise<AddressFormState>;
  showDefaultFlags: boolean;
  /** The countries to choose from, in the shop's order, with their names (the shipping countries and the edited address's own). */
  countries: readonly ComboboxOption[];
  /** How each of them writes addresses (see `countryChoices`). */
  layouts: Readonly<Record<string, CountryLayout>>;
  /** The countries the shop ships to (alpha-2): the browser's check refuses others but `storedCountry`. */
  shipTo: readonly string[];
  /** The edited address's country: it stays selectable even if the shop no longer ships there. */
  storedCountry?: string;
};

/**
 * The address form, laid out and labelled as the chosen country writes addresses: one "Street
 * address" line carrying the number (US, GB, …) or street and house number apart (DE, …), the
 * postcode's own name (ZIP code, PLZ, Eircode), a state list where there is one, the country's
 * field order. The country is a searchable combobox over the shop's shipping countries (a plain
 * list without JavaScript). It posts to its server action from first paint; the browser's check
 * and the alias-aware country search load once the form is interactive.
 */
export function AddressForm({ defaults, submitLabel, action, showDefaultFlags, countries, layouts, shipTo, storedCountry }: Props) {
  const [extras, setExtras] = useState<Extras | null>(null);
  const validator = useMemo(
    () => () =>
      import('./address-validator').then((m) => {
        setExtras(m);
        return m.addressValidator({ shipTo, storedCountry });
      }),
    [shipTo, storedCountry],
  );
  // The searchable country field loads once the page is interactive, and shows once its search has
  // loaded too; until then (and without JavaScript) the country is a plain list of the same name.
  const [Combobox, setCombobox] = useState<typeof ComboboxType | null>(null);
  // Never swapped while the list has the focus (a keyboard or phone user is on it): only once they leave it.
  const [onList, setOnList] = useState(false);
  useEffect(() => {
    // Without it (a failed chunk) the plain list stays.
    import('@/components/ui/combobox').then(
      (m) => setCombobox(() => m.Combobox),
      () => undefined,
    );
  }, []);
  const { state, pending, outcome, outcomeRef, formProps, error, checkbox, readValues } = useProgressiveForm({
    action,
    initialValues: defaults,
    fields: FIELDS,
    validator,
  });

  /** The fields as last laid out: the answer's values, or what the shopper had when the country changed. */
  const [draft, setDraft] = useState<{ on: AddressFormState; values: FormValues } | null>(null);
  const values = draft && draft.on === state ? draft.values : { ...defaults, ...state.values };
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const country = text('countryCode').toUpperCase();

  // A country not on the list (a forged post) is laid out as the first one; the action refuses it.
  const format = layouts[country] ?? layouts[countries[0]!.value]!;
  const postcodeRequired = format.postcodeRequired;
  const countryLabel = countries.find((c) => c.value === country)?.label ?? country;

  function changeCountry(next: string) {
    const current = readValues() ?? values;
    const to = layouts[next];
    // Until the form's helpers are loaded the fields stay as typed (both lists only ever report a change).
    const adapted = to && extras ? extras.adaptValues(current, format, to) : current;
    setDraft({ on: state, values: { ...adapted, countryCode: next } });
  }


  // The country's list; a stored state the list does not know (written through an API) stays choosable.
  const list = format.state?.options;
  const state_ = text('state');
  const stateOptions = list ? list.map((s) => ({ value: s.value, label: s.name })) : null;
  if (stateOptions && state_ !== '' && !list!.some((s) => s.value === state_)) stateOptions.push({ value: state_, label: state_ });

  const field = (name: string) => ({ id: name, name, defaultValue: text(name), error: error(name) });
  const fields: Record<AddressField, () => ReactNode> = {
    street: () => <TextField label={format.labels.street} hint={format.streetHint} autoComplete="address-line1" {...field('street')} />,
    houseNumber: () => <TextField label={format.labels.houseNumber} {...field('houseNumber')} />,
    additional: () => <TextField label={`${format.labels.additional} (optional)`} autoComplete="address-line2" {...field('additional')} />,
    zipCode: () => (
      <TextField
        label={postcodeRequired ? format.labels.zipCode : `${format.labels.zipCode} (optional)`}
        hint={postcodeRequired ? undefined : `${countryLabel} does not use postcodes.`}
        autoComplete="postal-code"
        autoCapitalize={format.postcodeLetters ? 'characters' : undefined}
        {...field('zipCode')}
      />
    ),
    city: () => <TextField label={format.labels.city} autoComplete="address-level2" {...field('city')} />,
    state: () =>
      format.state ? (
        stateOptions ? (
          <SelectField
            label={format.state.required ? format.state.label : `${format.state.label} (optional)`}
            options={stateOptions}
            placeholder="Please choose"
            autoComplete="address-level1"
            {...field('state')}
          />
        ) : (
          <TextField
            label={format.state.required ? format.state.label : `${format.state.label} (optional)`}
            hint={format.state.hint}
            autoComplete="address-level1"
            {...field('state')}
          />
        )
      ) : null,
  };

  return (
    <form {...formProps}>
      <FormOutcomeMessage outcome={outcome} ref={outcomeRef} />
      {Combobox && extras && !onList ? (
        <Combobox
          id="countryCode"
          name="countryCode"
          label="Country"
          options={countries}
          value={country}
          onChange={changeCountry}
          filter={extras.filterCountries}
          countText={extras.countCountries}
          noMatches={extras.noCountryMatches}
          autoComplete="country-name"
          error={error('countryCode')}
        />
      ) : (
        <SelectField
          id="countryCode"
          name="countryCode"
          label="Country"
          options={countries}
          defaultValue={country}
          error={error('countryCode')}
          onChange={(event) => changeCountry(event.currentTarget.value)}
          onFocus={() => setOnList(true)}
          onBlur={() => setOnList(false)}
        />
      )}
      {/* Laid out anew for each country: the fields start from what the shopper had typed. */}
      <div key={`fields-${country}`}>
        <SelectField label="Salutation" options={salutations} placeholder="Please choose" {...field('salutation')} />
        <div className="field-row">
          <TextField label="First name" autoComplete="given-name" {...field('firstName')} />
          <TextField label="Last name" autoComplete="family-name" {...field('lastName')} />
        </div>
        <TextField label="Company (optional)" autoComplete="organization" {...field('company')} />
        {/* A house number typed before the country changed to one without the field: the action joins it to the street line. */}
        {format.houseNumber === 'inStreet' && text('houseNumber') !== '' ? <input type="hidden" name="houseNumber" value={text('houseNumber')} /> : null}
        {/* Postcode and city side by side where there is room (see .field-flow). */}
        <div className="field-flow">
          {format.order.map((name) => (
            <div key={name} className={name === 'zipCode' || name === 'city' ? 'field-half' : undefined}>
              {fields[name]()}
            </div>
          ))}
        </div>
        <TextField
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          hint={`A number in ${countryLabel}, or any number with its + country code.`}
          {...field('phone')}
        />
        {showDefaultFlags ? (
          <>
            <CheckboxField label="Use as my default shipping address" {...checkbox('isDefaultShipping')} defaultChecked={values.isDefaultShipping === true} />
            <CheckboxField label="Use as my default billing address" {...checkbox('isDefaultBilling')} defaultChecked={values.isDefaultBilling === true} />
          </>
        ) : null}
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
