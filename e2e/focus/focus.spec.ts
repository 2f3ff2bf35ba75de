import { expect, test } from '@playwright/test';
import { confirmedShopper, signIn, uniqueEmail } from '../support/fixtures';

/**
 * Keyboard users never lose their place: after every action the focus is on its outcome — the
 * first field with an error, or else the message saying what happened.
 */
test.describe('focus after an action', () => {
  test('saving the profile by keyboard puts the focus on the confirmation', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'focus');
    await page.goto('/login');
    await signIn(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/account/profile');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('First name').press('Enter');
    const outcome = page.locator('.form-outcome');
    await expect(outcome).toContainText('Your profile was saved.');
    await expect(outcome).toBeFocused();
    // The next Tab stays in the form's flow instead of starting over at the top of the page.
    await page.keyboard.press('Tab');
    await expect(page.locator('main')).toContainText('Your profile was saved.');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('sending a reset link puts the focus on the answer; a field error keeps it on the field', async ({ page }) => {
    await page.goto('/password/forgot');
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.getByLabel('Email').fill(uniqueEmail('focus-reset'));
    await page.getByLabel('Email').press('Enter');
    // The answer replaces the form, heading included, and has the focus.
    const outcome = page.getByRole('heading', { level: 1, name: 'Check your inbox' });
    await expect(outcome).toBeFocused();
    await expect(page.locator('main')).toContainText('If an account exists for');
  });
});
