import { expect, test, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, signIn } from '../support/fixtures';

async function signedIn(page: Page, email: string, password: string) {
  await page.goto('/login?callbackUrl=%2Faccount%2Faddresses');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account\/addresses$/);
}

function card(page: Page, text: string) {
  return page.locator('.address-card').filter({ hasText: text });
}

/** The country combobox, once the form has hydrated (before that it is a plain <select>). */
async function country(page: Page) {
  const field = page.locator('input#countryCode[role="combobox"]');
  await expect(field).toBeVisible();
  return field;
}

/** Picks a country by typing its name and pressing Enter. */
async function chooseCountry(page: Page, text: string) {
  const field = await country(page);
  await field.fill(text);
  await field.press('Enter');
}

test.describe('address book', () => {
  test('add two addresses, switch defaults, edit and delete', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'addresses');
    await signedIn(page, shopper.email, shopper.password);
    await expect(page.getByText('You have no saved addresses yet.')).toBeVisible();
    await expectNoAxeViolations(page);

    // A German address, with a postcode error fixed on the way.
    await page.getByRole('link', { name: 'Add address' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Salutation').selectOption('Ms');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Street').fill('Unter den Linden');
    await page.getByLabel('House number').fill('77');
    await page.getByLabel('Postcode (PLZ)').fill('1011');
    await page.getByLabel('City').fill('Berlin');
    await page.getByLabel('Phone (optional)').fill('030 1234567');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.locator('#zipCode-error')).toHaveText('This postcode is not valid for Germany. Use 5 digits, e.g. 10115.');
    await expect(page.getByLabel('Postcode (PLZ)')).toBeFocused();
    await page.getByLabel('Postcode (PLZ)').fill('10117');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was added.')).toBeVisible();
    const berlin = card(page, 'Berlin');
    await expect(berlin.locator('.badge', { hasText: 'Default shipping' })).toBeVisible();
    await expect(berlin.locator('.badge', { hasText: 'Default billing' })).toBeVisible();
    await expect(berlin).toContainText('030 1234567');

    // A British address: the form adapts (one street line, town, postcode; a state list only for the US).
    await page.getByRole('link', { name: 'Add address' }).click();
    await chooseCountry(page, 'United States');
    await expect(page.getByLabel('State', { exact: true })).toBeVisible();
    await chooseCountry(page, 'UK');
    await expect(await country(page)).toHaveValue('United Kingdom');
    await expect(page.getByLabel('State', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('House number')).toHaveCount(0);
    await page.getByLabel('Salutation').selectOption('Mr');
    await page.getByLabel('First name').fill('Charles');
    await page.getByLabel('Last name').fill('Babbage');
    await page.getByLabel('Street address').fill('10 Downing Street');
    await page.getByLabel('Town or city').fill('London');
    await page.getByLabel('Postcode').fill('sw1a 2aa');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was added.')).toBeVisible();
    const london = card(page, 'London');
    await expect(london.locator('.badge', { hasText: 'Default shipping' })).toHaveCount(0);
    await expect(london.locator('address')).toHaveText(/10 Downing Street\s*London\s*SW1A 2AA\s*United Kingdom/);

    // Switch the default shipping address.
    await london.getByRole('button', { name: /as default shipping address/ }).click();
    await expect(page.getByText('Your default shipping address was changed.')).toBeVisible();
    await expect(card(page, 'London').locator('.badge', { hasText: 'Default shipping' })).toBeVisible();
    await expect(card(page, 'Berlin').locator('.badge', { hasText: 'Default shipping' })).toHaveCount(0);
    await expect(card(page, 'Berlin').locator('.badge', { hasText: 'Default billing' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The overview shows the defaults.
    await page.goto('/account');
    await expect(page.locator('.default-addresses')).toContainText('London');
    await expect(page.locator('.default-addresses')).toContainText('Berlin');
    await page.goto('/account/addresses');

    // Edit.
    await card(page, 'London').getByRole('link', { name: /^Edit/ }).click();
    await expect(page.getByLabel('Town or city')).toHaveValue('London');
    await expect(await country(page)).toHaveValue('United Kingdom');
    await expectNoAxeViolations(page);
    await page.getByLabel('Street address').fill('11 Downing Street');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was saved.')).toBeVisible();
    await expect(card(page, 'London')).toContainText('11 Downing Street');

    // Delete, after a confirmation. Cancel and Escape close the question and give the focus back.
    const deleteBerlin = card(page, 'Berlin').getByRole('button', { name: /^Delete/ });
    await deleteBerlin.click();
    await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(deleteBerlin).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(deleteBerlin).toBeFocused();
    await expect(page.getByRole('button', { name: 'Yes, delete' })).toHaveCount(0);
    await deleteBerlin.click();
    await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByText('The address was deleted.')).toBeVisible();
    await expect(card(page, 'Berlin')).toHaveCount(0);
    await expect(page.locator('.address-card')).toHaveCount(1);
  });

  test('an address can be added with the keyboard alone', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'keyboard-address');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/account/addresses/new');
    const order: [string, string][] = [
      ['Country', 'DE'],
      ['Salutation', 'Dr'],
      ['First name', 'Grace'],
      ['Last name', 'Hopper'],
      ['Company (optional)', ''],
      ['Street', 'Hauptstrasse'],
      ['House number', '5'],
      ['Additional address line (optional)', ''],
      ['Postcode (PLZ)', '80331'],
      ['City', 'Munich'],
      ['Phone (optional)', ''],
    ];
    await (await country(page)).focus();
    for (const [label, value] of order) {
      const field = label === 'Country' ? await country(page) : page.getByLabel(label, { exact: true });
      await expect(field).toBeFocused();
      if (label === 'Salutation') await page.keyboard.type(value);
      else if (label !== 'Country' && value) await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await expect(page.getByLabel('Use as my default shipping address')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Save address' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('The address was added.')).toBeVisible();
    await expect(card(page, 'Munich')).toContainText('Dr Grace Hopper');
  });
});
