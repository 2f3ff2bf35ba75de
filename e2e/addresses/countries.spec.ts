import { expect, test, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, signIn } from '../support/fixtures';

/**
 * The address form per country: a US address (one street line, ZIP code, state list, US card
 * layout), a German one (street and house number apart), the searchable country field by
 * keyboard, and the form without JavaScript. The server runs with the default SHIP_TO_COUNTRIES
 * (DE, AT, CH, NL, BE, FR, GB, US).
 */

async function newAddressForm(page: Page, prefix: string, request: Parameters<typeof confirmedShopper>[0]) {
  const shopper = await confirmedShopper(request, prefix);
  await page.goto('/login?callbackUrl=%2Faccount%2Faddresses%2Fnew');
  await signIn(page, shopper.email, shopper.password);
  await expect(page).toHaveURL(/\/account\/addresses\/new$/);
  await expect(country(page)).toBeVisible();
  return shopper;
}

/** The country combobox (once hydrated; before that the field is a plain <select>). */
function country(page: Page) {
  return page.locator('input#countryCode[role="combobox"]');
}

const listbox = (page: Page) => page.getByRole('listbox', { name: 'Country' });

function card(page: Page, text: string) {
  return page.locator('.address-card').filter({ hasText: text });
}

/** The card's printed lines. */
async function linesOf(page: Page, text: string): Promise<string[]> {
  const lines = await card(page, text).locator('address').innerText();
  return lines.split('\n').map((line) => line.trim()).filter(Boolean);
}

test.describe('addresses per country', () => {
  test('a US address: one street line, ZIP code, a state list, printed the American way', async ({ page, request }) => {
    await newAddressForm(page, 'us-address', request);
    // "United States" is the United States of America (not the Minor Outlying Islands).
    await country(page).fill('United States');
    await expect(listbox(page).getByRole('option').first()).toHaveText('United States of America');
    await country(page).press('Enter');
    await expect(country(page)).toHaveValue('United States of America');
    await expect(listbox(page)).toBeHidden();

    await expect(page.getByLabel('Street address')).toBeVisible();
    await expect(page.getByText('Number and street, e.g. 1600 Pennsylvania Ave NW.')).toBeVisible();
    await expect(page.getByLabel('House number')).toHaveCount(0);
    await expect(page.getByLabel('ZIP code')).toBeVisible();
    await expect(page.getByLabel('Postcode')).toHaveCount(0);
    const state = page.getByLabel('State', { exact: true });
    await expect(state).toHaveJSProperty('tagName', 'SELECT');
    await expect(state.locator('option', { hasText: 'District of Columbia' })).toHaveAttribute('value', 'DC');
    // The US order: street, apartment, city, state, ZIP code.
    const labels = await page.locator('form .field > label').allInnerTexts();
    expect(labels.slice(labels.indexOf('Street address'), labels.indexOf('ZIP code') + 1)).toEqual([
      'Street address',
      'Apt, suite, unit (optional)',
      'City',
      'State',
      'ZIP code',
    ]);
    await expectNoAxeViolations(page);

    await page.getByLabel('Salutation').selectOption('Ms');
    await page.getByLabel('First name').fill('Frances');
    await page.getByLabel('Last name').fill('Perkins');
    await page.getByLabel('Street address').fill('1600 Pennsylvania Ave NW');
    await page.getByLabel('City').fill('Washington');
    await page.getByLabel('ZIP code').fill('2050');
    await page.getByRole('button', { name: 'Save address' }).click();
    // The format hint is in the error, and the state is asked for.
    await expect(page.locator('#zipCode-error')).toHaveText(
      'This ZIP code is not valid for United States of America. Use 5 digits or ZIP+4, e.g. 20500 or 20500-0003.',
    );
    await expect(page.locator('#state-error')).toHaveText('Please choose a state.');
    await expectNoAxeViolations(page);
    await state.selectOption('DC');
    await page.getByLabel('ZIP code').fill('20500');
    await page.getByRole('button', { name: 'Save address' }).click();

    await expect(page.getByText('The address was added.')).toBeVisible();
    expect(await linesOf(page, 'Washington')).toEqual([
      'Ms Frances Perkins',
      '1600 Pennsylvania Ave NW',
      'Washington, DC 20500',
      'United States of America',
    ]);

    // Editing shows the same one line; the state list has the stored state.
    await card(page, 'Washington').getByRole('link', { name: /^Edit/ }).click();
    await expect(page.getByLabel('Street address')).toHaveValue('1600 Pennsylvania Ave NW');
    await expect(page.getByLabel('State', { exact: true })).toHaveValue('DC');
    await expect(country(page)).toHaveValue('United States of America');
  });

  test('a German address: street and house number apart, PLZ, printed the German way', async ({ page, request }) => {
    await newAddressForm(page, 'de-address', request);
    await expect(country(page)).toHaveValue('Germany');
    await expect(page.getByLabel('Street', { exact: true })).toBeVisible();
    await expect(page.getByLabel('House number')).toBeVisible();
    await expect(page.getByLabel('Postcode (PLZ)')).toBeVisible();
    await expect(page.getByLabel('State', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByLabel('Salutation').selectOption('Mr');
    await page.getByLabel('First name').fill('Konrad');
    await page.getByLabel('Last name').fill('Zuse');
    await page.getByLabel('Street', { exact: true }).fill('Unter den Linden');
    await page.getByLabel('Postcode (PLZ)').fill('10117');
    await page.getByLabel('City').fill('Berlin');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.locator('#houseNumber-error')).toHaveText('This field is required.');
    await expect(page.getByLabel('House number')).toBeFocused();
    await page.getByLabel('House number').fill('77');
    await page.getByRole('button', { name: 'Save address' }).click();

    await expect(page.getByText('The address was added.')).toBeVisible();
    expect(await linesOf(page, 'Berlin')).toEqual(['Mr Konrad Zuse', 'Unter den Linden 77', '10117 Berlin', 'Germany']);
  });

  test('a house number typed for Germany joins the street line when the shopper picks the US', async ({ page, request }) => {
    await newAddressForm(page, 'switch-address', request);
    await page.getByLabel('Street', { exact: true }).fill('Main Street');
    await page.getByLabel('House number').fill('77');
    await country(page).fill('usa');
    await country(page).press('Enter');
    await expect(page.getByLabel('Street address')).toHaveValue('77 Main Street');
  });

  test('the country field works with the keyboard: search by common names and aliases, arrows, Enter, Escape, Tab', async ({ page, request }) => {
    await newAddressForm(page, 'combobox', request);
    const field = country(page);
    await field.focus();
    await expect(field).toHaveAttribute('aria-expanded', 'false');

    // ↓ opens the list on the chosen country; ↓ moves on; Escape closes and keeps the choice.
    await page.keyboard.press('ArrowDown');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await expect(listbox(page).getByRole('option')).toHaveText([
      'Germany',
      'Austria',
      'Switzerland',
      'Netherlands',
      'Belgium',
      'France',
      'United Kingdom',
      'United States of America',
    ]);
    await expect(listbox(page).getByRole('option', { selected: true })).toHaveText('Germany');
    await page.keyboard.press('ArrowDown');
    await expect(listbox(page).getByRole('option', { selected: true })).toHaveText('Austria');
    const active = await field.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveText('Austria');
    await page.keyboard.press('Escape');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(field).toHaveValue('Germany');

    // Aliases and common names, the best match highlighted first.
    for (const [typed, name] of [
      ['USA', 'United States of America'],
      ['Holland', 'Netherlands'],
      ['Great Britain', 'United Kingdom'],
      ['Schweiz', 'Switzerland'],
      ['Deutschland', 'Germany'],
    ] as const) {
      await field.fill('');
      await page.keyboard.type(typed);
      await expect(listbox(page).getByRole('option', { selected: true })).toHaveText(name);
      await page.keyboard.press('Enter');
      await expect(field).toHaveValue(name);
      await expect(field).toBeFocused();
    }

    // ↑ from the typed text's list goes to its last match; Enter takes it.
    await field.fill('');
    await page.keyboard.type('united');
    await expect(page.locator('form').getByRole('status')).toHaveText('2 countries found');
    await expect(listbox(page).getByRole('option')).toHaveText(['United Kingdom', 'United States of America']);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(listbox(page).getByRole('option', { selected: true })).toHaveText('United Kingdom');
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue('United Kingdom');
    await expect(page.getByLabel('Town or city')).toBeVisible();

    // A country the shop does not ship to: nothing to choose; leaving restores the choice.
    await field.fill('');
    await page.keyboard.type('Tanzania');
    const noMatch = 'No country of ours matches. We ship only to the listed countries.';
    await expect(page.locator('p.hint', { hasText: noMatch })).toBeVisible();
    // Screen readers hear it from the field's status line (which also counts the matches).
    await expect(page.locator('form').getByRole('status')).toHaveText(noMatch);
    await expect(listbox(page)).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(field).toHaveValue('United Kingdom');

    // Tab takes the highlighted match and moves on.
    await field.fill('');
    await page.keyboard.type('fra');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Salutation')).toBeFocused();
    await expect(field).toHaveValue('France');
    await expect(page.getByLabel('Postcode')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('without JavaScript the country field is a plain list of the shipping countries', async ({ page, browser, baseURL, request }) => {
    await newAddressForm(page, 'no-js-country', request);
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto('/account/addresses/new');
    const select = plain.locator('select#countryCode');
    await expect(select).toHaveAttribute('name', 'countryCode');
    await expect(select.locator('option')).toHaveText([
      'Germany',
      'Austria',
      'Switzerland',
      'Netherlands',
      'Belgium',
      'France',
      'United Kingdom',
      'United States of America',
    ]);
    await expect(select).toHaveValue('DE');
    await expect(plain.getByLabel('Country')).toBeVisible();
    await context.close();
  });
});
