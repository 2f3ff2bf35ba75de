import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requirePrincipal } from '@/app/_auth/current';
import { addAddress, getAddress, listAddresses } from '@/app/_domain/addresses/service';
import { customerPrincipal } from '@/app/_domain/auth/principal';
import { getDb } from '@/db/client';
import { insertCustomer } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { initialFormState } from '@/app/_transport/forms/form-values';
import { formData } from '@/test/support/form-data';
import { addAddressAction, changeAddressAction } from './actions';
import { shopperRuleErrors } from './form-rules';
import { adaptToCountry, addressFormValues, stateForForm } from './form-values';

/**
 * The shopper's address form beyond the shared address rules: only the shop's shipping countries
 * (SHIP_TO_COUNTRIES; an edited address keeps its own), a state from the list where the country
 * has one, the one-line street of US/GB/…, and the form's values for a stored address.
 */

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

vi.mock('@/app/_auth/current', () => ({ requirePrincipal: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((url: string) => {
    throw new Redirect(url);
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

/** The actions as the form posts them (Next.js passes the previous state and the FormData). */
const add = (values: Record<string, unknown>) => addAddressAction(initialFormState(), formData(values));
const change = (id: string, values: Record<string, unknown>) => changeAddressAction(id, initialFormState(), formData(values));

async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Redirect);
  return (error as Redirect).url;
}

const SHOP = ['DE', 'AT', 'CH', 'NL', 'BE', 'FR', 'GB', 'US'];

const US_FORM = {
  countryCode: 'US',
  salutation: 'Ms',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: '',
  street: '1600 Pennsylvania Ave NW',
  houseNumber: '',
  additional: '',
  zipCode: '20500',
  city: 'Washington',
  state: 'DC',
  phone: '',
};

let ada: ReturnType<typeof customerPrincipal>;

beforeEach(async () => {
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
  const [row] = await Promise.all([insertCustomer(getDb(), { publicKey: `ADA${suffix}`, email: `ada-${suffix}@example.com` })]);
  ada = customerPrincipal(row!.id, { sessionId: 'ada-session' });
  vi.mocked(requirePrincipal).mockResolvedValue(ada);
});

afterEach(() => vi.unstubAllEnvs());

describe('the shopper’s own rules', () => {
  it('accept a shipping country and a listed state', () => {
    expect(shopperRuleErrors(US_FORM, { shipTo: SHOP })).toEqual({});
  });

  it('refuse a country the shop does not ship to, unless the edited address already has it', () => {
    const japan = { ...US_FORM, countryCode: 'jp', state: 'Tokyo' };
    expect(shopperRuleErrors(japan, { shipTo: SHOP })).toEqual({ countryCode: 'We do not ship to Japan. Please choose one of the listed countries.' });
    expect(shopperRuleErrors(japan, { shipTo: SHOP, storedCountry: 'JP' })).toEqual({});
  });

  it('ask for the state, province or prefecture where the country lists them', () => {
    expect(shopperRuleErrors({ ...US_FORM, state: '' }, { shipTo: SHOP })).toEqual({ state: 'Please choose a state.' });
    expect(shopperRuleErrors({ ...US_FORM, countryCode: 'CA', state: null }, { shipTo: ['CA'] })).toEqual({ state: 'Please choose a province or territory.' });
    expect(shopperRuleErrors({ ...US_FORM, countryCode: 'JP', state: ' ' }, { shipTo: ['JP'] })).toEqual({ state: 'Please choose a prefecture.' });
    expect(shopperRuleErrors({ ...US_FORM, countryCode: 'IT', state: '' }, { shipTo: ['IT'] })).toEqual({});
  });

  it('leave anything else to the address rules (an unknown country, no object at all)', () => {
    expect(shopperRuleErrors({ ...US_FORM, countryCode: 'ZZ' }, { shipTo: SHOP })).toEqual({});
    for (const values of [null, 'US', 42, ['US']]) expect(shopperRuleErrors(values, { shipTo: SHOP })).toEqual({});
  });
});

describe('addAddressAction', () => {
  it('stores a US address as one street line with no house number, the state as its code', async () => {
    expect(await redirectOf(add(US_FORM))).toBe('/account/addresses?saved=added');
    const [stored] = await listAddresses(ada, ada.customerId);
    expect(stored).toMatchObject({ street: '1600 Pennsylvania Ave NW', houseNumber: '', zipCode: '20500', city: 'Washington', state: 'DC', countryCode: 'US' });
  });

  it('refuses a country outside SHIP_TO_COUNTRIES with every other bad field at once, and writes nothing', async () => {
    vi.stubEnv('SHIP_TO_COUNTRIES', 'DE,AT');
    expect((await add({ ...US_FORM, city: 'Wa' })).result).toEqual({
      ok: false,
      fieldErrors: { city: 'Use at least 3 characters.', countryCode: 'We do not ship to United States of America. Please choose one of the listed countries.' },
    });
    expect(await listAddresses(ada, ada.customerId)).toEqual([]);
  });

  it('joins a house number typed before the country became the US to the street line, never drops it', async () => {
    expect(await redirectOf(add({ ...US_FORM, street: 'Pennsylvania Ave NW', houseNumber: '1600' }))).toBe('/account/addresses?saved=added');
    const [stored] = await listAddresses(ada, ada.customerId);
    expect(stored).toMatchObject({ street: '1600 Pennsylvania Ave NW', houseNumber: '' });
    // Sent back joined, as the form shows it, when something else is wrong.
    const { values } = await add({ ...US_FORM, street: 'Main Street', houseNumber: '77', state: '' });
    expect(values).toMatchObject({ street: '77 Main Street', houseNumber: '' });
  });

  it('asks for a US state, and for a German house number', async () => {
    expect((await add({ ...US_FORM, state: '' })).result).toEqual({ ok: false, fieldErrors: { state: 'Please choose a state.' } });
    const german = { ...US_FORM, countryCode: 'DE', street: 'Unter den Linden', zipCode: '10117', city: 'Berlin', state: '' };
    expect((await add(german)).result).toEqual({ ok: false, fieldErrors: { houseNumber: 'This field is required.' } });
    expect((await add({ ...german, zipCode: '1011', houseNumber: '77' })).result).toEqual({
      ok: false,
      fieldErrors: { zipCode: 'This postcode is not valid for Germany. Use 5 digits, e.g. 10115.' },
    });
  });
});

describe('changeAddressAction', () => {
  it('keeps a country the shop does not ship to on an address that has it, but refuses switching to one', async () => {
    const tokyo = await addAddress(ada, ada.customerId, { ...US_FORM, countryCode: 'JP', street: '1-1 Chiyoda', zipCode: '100-0001', city: 'Chiyoda-ku', state: 'Tokyo' });
    const values = addressFormValues(tokyo);
    expect(await redirectOf(change(tokyo.uuid, { ...values, city: 'Chiyoda-ku, Tokyo' }))).toBe('/account/addresses?saved=updated');
    expect((await getAddress(ada, ada.customerId, { uuid: tokyo.uuid })).city).toBe('Chiyoda-ku, Tokyo');
    const { result } = await change(tokyo.uuid, { ...values, countryCode: 'CA', zipCode: 'K1M 1M4', state: 'ON' });
    expect(result).toEqual({ ok: false, fieldErrors: { countryCode: 'We do not ship to Canada. Please choose one of the listed countries.' } });
  });

  it('turns an API-written US address (number in address2) into one street line when saved', async () => {
    const api = await addAddress(ada, ada.customerId, { ...US_FORM, street: 'Pennsylvania Ave NW', houseNumber: '1600', state: 'District of Columbia' });
    const values = addressFormValues(api);
    expect(values).toMatchObject({ street: '1600 Pennsylvania Ave NW', houseNumber: '', state: 'DC' });
    expect(await redirectOf(change(api.uuid, values))).toBe('/account/addresses?saved=updated');
    expect(await getAddress(ada, ada.customerId, { uuid: api.uuid })).toMatchObject({ street: '1600 Pennsylvania Ave NW', houseNumber: '', state: 'DC' });
  });

  it('answers an unknown address as not found', async () => {
    expect((await change('00000000-0000-4000-8000-000000000000', US_FORM)).result).toEqual({
      ok: false,
      message: 'This address was not found. It may have been deleted.',
      fieldErrors: {},
    });
  });
});

describe('the form’s values', () => {
  it('keep a German address as stored, a state the list does not know as written', () => {
    expect(stateForForm('US', 'california')).toBe('CA');
    expect(stateForForm('US', 'Bavaria')).toBe('Bavaria');
    expect(stateForForm('DE', 'Hamburg')).toBe('Hamburg');
    expect(stateForForm('US', null)).toBe('');
  });

  it('join a typed house number into the street line when the shopper picks a one-line country', () => {
    expect(adaptToCountry({ street: 'Main Street', houseNumber: '77', state: '' }, 'DE', 'US')).toEqual({ street: '77 Main Street', houseNumber: '' });
    expect(adaptToCountry({ street: 'Main Street', houseNumber: '', state: '' }, 'DE', 'GB')).toEqual({});
    expect(adaptToCountry({ street: 'Hauptstraße', houseNumber: '5', state: '' }, 'DE', 'AT')).toEqual({});
    expect(adaptToCountry({ street: '1 Main St', houseNumber: '', state: 'CA' }, 'US', 'US')).toEqual({});
  });

  it('drop a state that means nothing in the new country', () => {
    // "WA" is Washington in the US and Western Australia in Australia.
    expect(adaptToCountry({ state: 'WA' }, 'US', 'AU')).toEqual({ state: '' });
    expect(adaptToCountry({ state: 'CA' }, 'US', 'DE')).toEqual({ state: '' });
    expect(adaptToCountry({ state: 'RM' }, 'IT', 'ES')).toEqual({});
    expect(adaptToCountry({ state: 'california' }, 'IT', 'US')).toEqual({ state: 'CA' });
    expect(adaptToCountry({ state: 'Lazio' }, 'IT', 'US')).toEqual({ state: '' });
  });
});
