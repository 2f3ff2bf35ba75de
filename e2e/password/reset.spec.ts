import { expect, test, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, linkIn, mailTo, signIn, uniqueEmail } from '../support/fixtures';

/** The same answer whether the account exists or not (in place of the form, focused). */
async function expectSameAnswer(page: Page, email: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeFocused();
  await expect(page.locator('main')).toContainText(`If an account exists for ${email}, we sent it a link to choose a new password. The link is valid for 1 hour.`);
}

test.describe('forgotten password', () => {
  test('forgot → email → reset → sign in with the new password; the link then is used up', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'forgot');
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/password\/forgot$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(shopper.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expectSameAnswer(page, shopper.email);

    const [mail] = await mailTo(request, shopper.email, 2);
    expect(mail!.subject).toBe('Reset your password');
    expect(mail!.html).toContain('/password/reset?key=');
    const link = linkIn(mail!, '/password/reset');

    const response = await page.goto(link);
    expect(response!.headers()['referrer-policy']).toBe('strict-origin');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.locator('#password-error')).toHaveText('Use at least 8 characters.');
    // One of the most common passwords: refused by the server, the key is not used up.
    await page.getByLabel('New password', { exact: true }).fill('Football1');
    await page.getByLabel('Confirm new password').fill('Football1');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.locator('#password-error')).toHaveText('This password is too common and easy to guess. Please choose another one.');
    await expect(page.getByLabel('New password', { exact: true })).toBeFocused();
    // Each password field has its own toggle.
    const toggles = page.getByRole('button', { name: 'Show password' });
    await expect(toggles).toHaveCount(2);
    await toggles.nth(1).click();
    await expect(page.getByLabel('Confirm new password')).toHaveAttribute('type', 'text');
    await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('type', 'password');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password', { exact: true }).fill('my-new-password-1');
    await page.getByLabel('Confirm new password').fill('my-new-password-1');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('heading', { name: 'Password changed — sign in' })).toBeVisible();

    await page.goto('/login');
    await signIn(page, shopper.email, shopper.password);
    await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');
    await signIn(page, shopper.email, 'my-new-password-1');
    await expect(page).toHaveURL(/\/account$/);

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This reset link can no longer be used');
    await expect(page.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/password/forgot');
  });

  test('an unknown address gets the same answer and no email', async ({ page, request }) => {
    const email = uniqueEmail('unknown');
    await page.goto('/password/forgot');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expectSameAnswer(page, email);
    const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(email)}`);
    expect((await response.json()).messages).toEqual([]);
  });

  test('a shopper locked out by failed sign-ins resets the password and signs in at once', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'lockedout');
    for (let i = 0; i < 11; i += 1) {
      await request.post('/access-tokens', {
        headers: { 'Content-Type': 'application/vnd.api+json' },
        data: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: `wrong-${i}` } } },
      });
    }
    await page.goto('/login');
    await signIn(page, shopper.email, shopper.password);
    await expect(page.locator('#sign-in-message')).toContainText('Too many failed sign-in attempts');

    const forgot = await request.post('/customer-forgotten-password', {
      headers: { 'Content-Type': 'application/vnd.api+json' },
      data: { data: { type: 'customer-forgotten-password', attributes: { email: shopper.email } } },
    });
    expect(forgot.status()).toBe(204);
    const [mail] = await mailTo(request, shopper.email, 2);
    const key = new URL(linkIn(mail!, '/password/reset')).searchParams.get('key');
    const restore = await request.patch('/customer-restore-password/mine', {
      headers: { 'Content-Type': 'application/vnd.api+json' },
      data: {
        data: {
          type: 'customer-restore-password',
          attributes: { restorePasswordKey: key, password: 'after-the-lock-1', confirmPassword: 'after-the-lock-1' },
        },
      },
    });
    expect(restore.status()).toBe(204);
    await signIn(page, shopper.email, 'after-the-lock-1');
    await expect(page).toHaveURL(/\/account$/);
  });
});
