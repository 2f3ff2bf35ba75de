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
    await page.getByLabel('Postcode').fill('1011');
    await page.getByLabel('City').fill('Berlin');
    await page.getByLabel('Phone (optional)').fill('030 1234567');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.locator('#zipCode-error')).toHaveText('This postal code is not valid for Germany.');
    await expect(page.getByLabel('Postcode')).toBeFocused();
    await page.getByLabel('Postcode').fill('10117');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was added.')).toBeVisible();
    const berlin = card(page, 'Berlin');
    await expect(berlin.locator('.badge', { hasText: 'Default shipping' })).toBeVisible();
    await expect(berlin.locator('.badge', { hasText: 'Default billing' })).toBeVisible();
    await expect(berlin).toContainText('030 1234567');

    // A Hong Kong address: the form adapts (no postcode there).
    await page.getByRole('link', { name: 'Add address' }).click();
    await page.getByLabel('Country').selectOption('HK');
    await expect(page.getByLabel('Postcode (optional)')).toBeVisible();
    await expect(page.getByText('does not use postcodes.')).toBeVisible();
    await page.getByLabel('Country').selectOption('US');
    await expect(page.getByLabel('State / region (optional)')).toBeVisible();
    await page.getByLabel('Country').selectOption('HK');
    await expect(page.getByLabel('State / region (optional)')).toHaveCount(0);
    await page.getByLabel('Salutation').selectOption('Mr');
    await page.getByLabel('First name').fill('Bruce');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('Street').fill('Nathan Road');
    await page.getByLabel('House number').fill('8');
    await page.getByLabel('City').fill('Kowloon');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was added.')).toBeVisible();
    const kowloon = card(page, 'Kowloon');
    await expect(kowloon.locator('.badge', { hasText: 'Default shipping' })).toHaveCount(0);
    await expect(kowloon).toContainText('Hong Kong');

    // Switch the default shipping address.
    await kowloon.getByRole('button', { name: /as default shipping address/ }).click();
    await expect(page.getByText('Your default shipping address was changed.')).toBeVisible();
    await expect(card(page, 'Kowloon').locator('.badge', { hasText: 'Default shipping' })).toBeVisible();
    await expect(card(page, 'Berlin').locator('.badge', { hasText: 'Default shipping' })).toHaveCount(0);
    await expect(card(page, 'Berlin').locator('.badge', { hasText: 'Default billing' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The overview shows the defaults.
    await page.goto('/account');
    await expect(page.locator('.default-addresses')).toContainText('Kowloon');
    await expect(page.locator('.default-addresses')).toContainText('Berlin');
    await page.goto('/account/addresses');

    // Edit.
    await card(page, 'Kowloon').getByRole('link', { name: /^Edit/ }).click();
    await expect(page.getByLabel('City')).toHaveValue('Kowloon');
    await expectNoAxeViolations(page);
    await page.getByLabel('Street').fill('Canton Road');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('The address was saved.')).toBeVisible();
    await expect(card(page, 'Kowloon')).toContainText('Canton Road');

    // Delete, after a confirmation.
    await card(page, 'Berlin').getByRole('button', { name: /^Delete/ }).click();
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
      ['Postcode', '80331'],
      ['City', 'Munich'],
      ['Phone (optional)', ''],
    ];
    await page.getByLabel('Country').focus();
    for (const [label, value] of order) {
      await expect(page.getByLabel(label, { exact: true })).toBeFocused();
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
