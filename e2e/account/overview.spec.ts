import { expect, test, type APIRequestContext } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, signIn } from '../support/fixtures';

/**
 * How the account pages print what the shopper stored: phones in the address country's own format
 * (international for another country's number), one address that is both defaults shown once, the
 * date of birth with the month as a word.
 */

const JSONAPI = 'application/vnd.api+json';

async function apiSession(request: APIRequestContext, shopper: { email: string; password: string }) {
  const tokens = await request.post('/access-tokens', {
    headers: { 'Content-Type': JSONAPI },
    data: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: shopper.password } } },
  });
  expect(tokens.status()).toBe(201);
  const { accessToken } = (await tokens.json()).data.attributes as { accessToken: string };
  return { 'Content-Type': JSONAPI, Authorization: `Bearer ${accessToken}` };
}

test('phones, default addresses and the date of birth are printed one way only', async ({ page, request }) => {
  const shopper = await confirmedShopper(request, 'overview');
  const headers = await apiSession(request, shopper);
  const patched = await request.patch(`/customers/${shopper.reference}`, {
    headers,
    data: { data: { type: 'customers', id: shopper.reference, attributes: { dateOfBirth: '1990-05-17' } } },
  });
  expect(patched.status()).toBe(200);
  const address = (city: string, zipCode: string, phone: string) => ({
    data: { type: 'addresses', attributes: { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Hauptstrasse', address2: '1', zipCode, city, iso2Code: 'DE', phone } },
  });
  // The first address becomes both defaults.
  expect((await request.post(`/customers/${shopper.reference}/addresses`, { headers, data: address('Berlin', '10117', '+49 (30) 765-4321') })).status()).toBe(201);
  expect((await request.post(`/customers/${shopper.reference}/addresses`, { headers, data: address('Hamburg', '20095', '+44 20 7946 0018') })).status()).toBe(201);

  await page.goto('/login');
  await signIn(page, shopper.email, shopper.password);
  await expect(page).toHaveURL(/\/account$/);
  const details = page.locator('dl.details');
  await expect(details).toContainText('Date of birth');
  await expect(details).toContainText('17 May 1990');
  const defaults = page.locator('.default-addresses');
  await expect(defaults.getByRole('heading', { level: 3 })).toHaveText(['Shipping and billing']);
  await expect(defaults.locator('address')).toHaveCount(1);
  // A German number on a German address: national format.
  await expect(defaults.locator('address')).toContainText('030 7654321');
  await expectNoAxeViolations(page);

  await page.goto('/account/addresses');
  const hamburg = page.locator('.address-card').filter({ hasText: 'Hamburg' });
  // A British number on a German address: international format.
  await expect(hamburg.locator('address')).toContainText('+44 20 7946 0018');

  // Two different defaults: each under its own heading.
  await hamburg.getByRole('button', { name: /as default billing address/ }).click();
  await expect(page.getByText('Your default billing address was changed.')).toBeVisible();
  await page.goto('/account');
  await expect(defaults.getByRole('heading', { level: 3 })).toHaveText(['Shipping', 'Billing']);
  await expect(defaults.locator('address')).toHaveCount(2);
});
