import { expect, test } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, linkIn, mailTo, tabTo, uniqueEmail } from '../support/fixtures';

/**
 * The flows not walked by keyboard elsewhere (registration: register.spec.ts; profile, address
 * book, account menu: focus/, addresses/, shell/): Tab from the top of the page to the form, type,
 * submit with Enter, and the focus is on the outcome — a field error or the message.
 */

test.describe('keyboard only', () => {
  test('sign in: a wrong password puts the focus on the message; the right one signs in', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'kbd-signin');
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Email', { exact: true }), 25);
    await page.keyboard.type(shopper.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await expect(page.locator('#sign-in-message')).toBeFocused();
    await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(shopper.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('forgotten password and reset by keyboard, ending in the prefilled sign-in form', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'kbd-reset');
    await page.goto('/password/forgot');
    await tabTo(page, page.getByLabel('Email'), 25);
    await page.keyboard.type(shopper.email);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeFocused();

    const [mail] = await mailTo(request, shopper.email, 2);
    await page.goto(linkIn(mail!, '/password/reset'));
    await tabTo(page, page.getByLabel('New password', { exact: true }), 25);
    await page.keyboard.type('kbd-new-password-1');
    await tabTo(page, page.getByLabel('Confirm new password'));
    await page.keyboard.type('kbd-new-password-2');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Confirm new password')).toBeFocused();
    await expect(page.locator('#confirmPassword-error')).toHaveText('The passwords do not match.');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('kbd-new-password-1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Password changed — sign in' })).toBeFocused();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(shopper.email);
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type('kbd-new-password-1');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);
  });

  test('email change, password change and account deletion by keyboard', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'kbd-account');
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Email', { exact: true }), 25);
    await page.keyboard.type(shopper.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(shopper.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);

    await page.goto('/account/email');
    await tabTo(page, page.getByLabel('New email'), 30);
    await page.keyboard.type(uniqueEmail('kbd-new'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Current password')).toBeFocused();
    await expect(page.locator('#password-error')).toHaveText('The current password is incorrect.');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(shopper.password);
    await page.keyboard.press('Enter');
    await expect(page.locator('.form-outcome')).toBeFocused();
    await expect(page.locator('.form-outcome')).toContainText('We sent a confirmation link to');

    await page.goto('/account/password');
    await tabTo(page, page.getByLabel('Current password'), 30);
    await page.keyboard.type(shopper.password);
    await tabTo(page, page.getByLabel('New password', { exact: true }));
    await page.keyboard.type('kbd-changed-password');
    await tabTo(page, page.getByLabel('Confirm new password'));
    await page.keyboard.type('kbd-changed-password');
    await page.keyboard.press('Enter');
    await expect(page.locator('.form-outcome')).toBeFocused();
    await expect(page.locator('.form-outcome')).toContainText('Your password was changed.');
    // The form starts empty again.
    await expect(page.getByLabel('Current password')).toHaveValue('');

    await page.goto('/account/delete');
    await tabTo(page, page.getByLabel('Current password'), 30);
    await page.keyboard.type('kbd-changed-password');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(/I understand that my account/)).toBeFocused();
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Delete my account' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/goodbye$/);
  });
});
