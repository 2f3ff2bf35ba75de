import { expect, test, type Browser, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, linkIn, mailTo, signIn, uniqueEmail } from '../support/fixtures';

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

test.describe('account security', () => {
  test('the security page lists this and other devices; "sign out everywhere else" ends the others', async ({ browser, request }) => {
    const shopper = await confirmedShopper(request, 'security');
    const here = await signedInPage(browser, shopper.email, shopper.password);
    const there = await signedInPage(browser, shopper.email, shopper.password);

    await here.goto('/account');
    await here.getByRole('main').getByRole('link', { name: 'Security', exact: true }).click();
    await expect(here).toHaveURL(/\/account\/security$/);
    const rows = here.locator('.address-cards > li');
    await expect(rows).toHaveCount(2);
    await expect(here.getByText('This device')).toHaveCount(1);
    await expect(here.getByRole('heading', { name: 'Recent sign-ins' })).toBeVisible();
    await expectNoAxeViolations(here);

    await here.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(here.getByText('Every other device and app was signed out.')).toBeVisible();
    await expect(rows).toHaveCount(1);

    await there.goto('/account');
    await expect(there).toHaveURL(/\/login/);
    await here.goto('/account');
    await expect(here).toHaveURL(/\/account$/);
  });

  test('"Download my data" gives a JSON file with the profile and no secret', async ({ browser, request }) => {
    const shopper = await confirmedShopper(request, 'export');
    const page = await signedInPage(browser, shopper.email, shopper.password);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^my-shop-data-\d{4}-\d{2}-\d{2}\.json$/);
    const response = await page.request.get('/account/export');
    expect(response.headers()['cache-control']).toContain('no-store');
    const data = await response.json();
    expect(data.customer).toMatchObject({ email: shopper.email, customerReference: shopper.reference });
    expect(JSON.stringify(data)).not.toContain('argon2');
  });

  test('the "this was not me" link of an email change keeps the address and signs every device out', async ({ browser, request }) => {
    const shopper = await confirmedShopper(request, 'cancel');
    const page = await signedInPage(browser, shopper.email, shopper.password);
    await page.goto('/account/email');
    await page.getByLabel('New email').fill(uniqueEmail('attacker'));
    await page.getByLabel('Current password').fill(shopper.password);
    await page.getByRole('button', { name: 'Change email' }).click();
    const notice = (await mailTo(request, shopper.email, 2)).find((m) => m.kind === 'email-change-notice')!;
    const other = await browser.newContext();
    const cancelPage = await other.newPage();
    await cancelPage.goto(linkIn(notice, '/email/cancel'));
    await expectNoAxeViolations(cancelPage);
    await cancelPage.getByRole('button', { name: 'Cancel the change and sign out everywhere' }).click();
    await expect(cancelPage.getByText('The change is cancelled')).toBeVisible();
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login/);
  });
});
