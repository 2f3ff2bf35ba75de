import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations } from '../support/fixtures';

/**
 * Focus after the flows that end in a redirect: the notice the address book lands on takes the
 * focus (also a second time on the same URL, and without JavaScript), and signing in leaves it on
 * the arriving page's heading — so the next Tab continues from there, not from the top.
 */

const JSONAPI = 'application/vnd.api+json';

/** Adds an address through the storefront API (Glue's names). */
async function addAddress(request: APIRequestContext, shopper: { email: string; password: string; reference: string }, city: string, zipCode: string) {
  const tokens = await request.post('/access-tokens', {
    headers: { 'Content-Type': JSONAPI },
    data: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: shopper.password } } },
  });
  expect(tokens.status()).toBe(201);
  const { accessToken } = (await tokens.json()).data.attributes as { accessToken: string };
  const created = await request.post(`/customers/${shopper.reference}/addresses`, {
    headers: { 'Content-Type': JSONAPI, Authorization: `Bearer ${accessToken}` },
    data: {
      data: {
        type: 'addresses',
        attributes: { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', address1: 'Hauptstrasse', address2: '1', zipCode, city, iso2Code: 'DE' },
      },
    },
  });
  expect(created.status()).toBe(201);
}

/** Signs in with the keyboard alone: type, Tab, type, Enter. */
async function signInByKeyboard(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).focus();
  await page.keyboard.type(email);
  await page.getByLabel('Password', { exact: true }).focus();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Whether the focus is on the notice the page arrived with. */
function noticeHasFocus(page: Page) {
  return page.evaluate(() => document.activeElement?.classList.contains('focus-on-arrival') ?? false);
}

const notice = (page: Page) => page.locator('.focus-on-arrival');

test.describe('focus after a redirect', () => {
  test('signing in puts the focus on the arriving page’s heading', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'focus-sign-in');
    await page.goto('/login');
    await signInByKeyboard(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoAxeViolations(page);
    // The next Tab goes on inside the page, not back to the top.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('signing in on the way to another page puts the focus on that page’s heading', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'focus-return');
    await page.goto('/login?callbackUrl=%2Faccount%2Fsecurity');
    await signInByKeyboard(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeFocused();
  });

  test('"Set as default" by keyboard puts the focus on the notice, every time', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'focus-default');
    await addAddress(request, shopper, 'Berlin', '10117');
    await addAddress(request, shopper, 'Hamburg', '20095');
    await addAddress(request, shopper, 'Munich', '80331');
    await page.goto('/login?callbackUrl=%2Faccount%2Faddresses');
    await signInByKeyboard(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account\/addresses$/);

    await page.getByRole('button', { name: /Hamburg as default shipping address/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?saved=default-shipping$/);
    await expect(notice(page)).toContainText('Your default shipping address was changed.');
    await expect(notice(page)).toBeFocused();
    expect(await noticeHasFocus(page)).toBe(true);
    await expectNoAxeViolations(page);
    // The next Tab continues after the notice: the "Add address" link below it.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Add address' })).toBeFocused();

    // The same notice on the same URL again takes the focus again.
    await page.getByRole('button', { name: /Munich as default shipping address/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.address-card').filter({ hasText: 'Munich' }).getByText('Default shipping')).toBeVisible();
    await expect(notice(page)).toBeFocused();
  });

  test('adding an address by keyboard puts the focus on the notice', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'focus-add');
    await page.goto('/login?callbackUrl=%2Faccount%2Faddresses%2Fnew');
    await signInByKeyboard(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account\/addresses\/new$/);
    await expect(page.locator('input#countryCode[role="combobox"]')).toBeVisible();

    await page.getByLabel('Salutation').focus();
    await page.keyboard.type('Ms');
    for (const [label, value] of [
      ['First name', 'Grace'],
      ['Last name', 'Hopper'],
      ['Street', 'Hauptstrasse'],
      ['House number', '5'],
      ['Postcode (PLZ)', '80331'],
      ['City', 'Munich'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).focus();
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/account\/addresses\?saved=added$/);
    await expect(notice(page)).toContainText('The address was added.');
    await expect(notice(page)).toBeFocused();
    expect(await noticeHasFocus(page)).toBe(true);
    await expectNoAxeViolations(page);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('"Set as default" reloads the address book with the focus on its notice', async ({ page, request }) => {
      const shopper = await confirmedShopper(request, 'focus-default-nojs');
      await addAddress(request, shopper, 'Berlin', '10117');
      await addAddress(request, shopper, 'Hamburg', '20095');
      const signIn = await page.request.post('/api/auth/callback/credentials', {
        form: { csrfToken: ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken, username: shopper.email, password: shopper.password },
        maxRedirects: 0,
      });
      expect(signIn.status()).toBe(302);
      await page.goto('/account/addresses');
      await page.getByRole('button', { name: /Hamburg as default billing address/ }).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\?saved=default-billing$/);
      await expect(notice(page)).toContainText('Your default billing address was changed.');
      await expect(notice(page)).toBeFocused();
    });
  });
});
