import { expect, test } from '@playwright/test';
import { confirmedShopper, demoPassword, expectNoAxeViolations, mailTo, registerViaApi, signIn, uniqueEmail } from '../support/fixtures';

test.describe('signing in and out in the browser', () => {
  test('a signed-out visit to /account goes to sign-in and comes back after it', async ({ page, request }) => {
    const shopper = await confirmedShopper(request);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
    await expectNoAxeViolations(page);
    await signIn(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    await expect(page.getByText(shopper.email)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Signed in as Api Shopper');
    await expectNoAxeViolations(page);
  });

  test('sign-out ends the session: the back button shows no account data and the old cookie is refused', async ({
    page,
    request,
    browser,
  }) => {
    const shopper = await confirmedShopper(request);
    await page.goto('/login');
    await signIn(page, shopper.email, shopper.password);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    const oldCookies = await page.context().cookies();
    expect(oldCookies.some((c) => c.name.includes('authjs.session-token') && c.httpOnly && c.sameSite === 'Lax')).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText(shopper.email)).toHaveCount(0);

    // Replaying the cookie of the ended session does not sign anybody in.
    const replay = await browser.newContext();
    await replay.addCookies(oldCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto('/account');
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();
  });

  test('wrong password and unknown email get the same generic message', async ({ page, request }) => {
    const shopper = await confirmedShopper(request);
    await page.goto('/login');
    await signIn(page, shopper.email, 'wrong-password-1');
    const alert = page.locator('#sign-in-message');
    await expect(alert).toHaveText('Email or password is incorrect.');
    await signIn(page, uniqueEmail('nobody'), 'wrong-password-1');
    await expect(alert).toHaveText('Email or password is incorrect.');
    await expect(page.getByRole('button', { name: /confirmation email/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('an unconfirmed shopper is offered a new confirmation email only after the right password', async ({ page, request }) => {
    const email = uniqueEmail('unconfirmed');
    await registerViaApi(request, email);
    await page.goto('/login');
    await signIn(page, email, 'not-the-password');
    await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');
    await expect(page.getByRole('button', { name: 'Send the confirmation email again' })).toHaveCount(0);

    await signIn(page, email, demoPassword);
    await expect(page.locator('#sign-in-message')).toContainText('Please confirm your email address first');
    await page.getByRole('button', { name: 'Send the confirmation email again' }).click();
    await expect(page.getByText('We sent you a new confirmation email.')).toBeVisible();
    await mailTo(request, email, 2);
    await expectNoAxeViolations(page);
  });

  test('too many failed attempts lock the account with a message saying how long to wait', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'locked');
    await page.goto('/login');
    for (let i = 0; i < 10; i += 1) {
      await signIn(page, shopper.email, `wrong-${i}-password`);
      await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await signIn(page, shopper.email, shopper.password);
    await expect(page.locator('#sign-in-message')).toHaveText(/Too many failed sign-in attempts\. Please try again in \d+ minutes\./);
  });

  test('a signed-in shopper who opens /login goes to the account', async ({ page, request }) => {
    const shopper = await confirmedShopper(request);
    await page.goto('/login?callbackUrl=%2F%2Fevil.example');
    await signIn(page, shopper.email, shopper.password);
    // An off-site callback is ignored.
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/login');
    await expect(page).toHaveURL(/\/account$/);
  });
});

test('a forged x-middleware-subrequest header does not open /account', async ({ request }) => {
  const response = await request.get('/account', {
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    maxRedirects: 0,
  });
  expect([303, 307, 308]).toContain(response.status());
  expect(response.headers()['location']).toContain('/login');
});
