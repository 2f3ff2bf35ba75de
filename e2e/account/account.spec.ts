import { expect, test, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, linkIn, mailTo, signIn, uniqueEmail } from '../support/fixtures';

async function signedIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
}

test.describe('my account', () => {
  test('the overview links to every section and every page is accessible', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'overview');
    await signedIn(page, shopper.email, shopper.password);
    await expect(page.getByText('Member since')).toBeVisible();
    await expectNoAxeViolations(page);
    for (const [name, path] of [
      ['Profile', '/account/profile'],
      ['Email address', '/account/email'],
      ['Password', '/account/password'],
      ['Delete account', '/account/delete'],
    ] as const) {
      await page.goto('/account');
      await page.getByRole('main').getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expectNoAxeViolations(page);
    }
  });

  test('a shopper edits the profile, sees a field error and then a confirmation', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'profile');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/account/profile');
    await page.getByLabel('First name').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.locator('#firstName-error')).toHaveText('This field is required.');
    await expect(page.getByLabel('First name')).toBeFocused();

    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Gender (optional)').selectOption('Female');
    // The birth date in three fields (a month by name): nothing typed can be read two ways.
    const birth = page.getByRole('group', { name: 'Date of birth (optional)' });
    await birth.getByLabel('Day').fill('10');
    await birth.getByLabel('Month').selectOption('December');
    await birth.getByLabel('Year').fill('1990');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(page.getByLabel('First name')).toHaveValue('Ada');
    await expect(page.getByLabel('Gender (optional)')).toHaveValue('Female');
    await expect(birth.getByLabel('Day')).toHaveValue('10');
    await expect(birth.getByLabel('Month')).toHaveValue('12');
    await expect(birth.getByLabel('Year')).toHaveValue('1990');
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Ada Lovelace');
  });

  test('a password change keeps this browser signed in and signs the other one out', async ({ page, request, browser }) => {
    const shopper = await confirmedShopper(request, 'password');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signedIn(otherPage, shopper.email, shopper.password);
    await signedIn(page, shopper.email, shopper.password);

    await page.goto('/account/password');
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-secret');
    await page.getByLabel('Confirm new password').fill('a-brand-new-secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('#password-error')).toHaveText('The current password is incorrect.');

    await page.getByLabel('Current password').fill(shopper.password);
    await page.getByLabel('Confirm new password').fill('something-else-entirely');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('#confirmPassword-error')).toHaveText('The passwords do not match.');

    await page.getByLabel('New password', { exact: true }).fill('Superman1');
    await page.getByLabel('Confirm new password').fill('Superman1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('#newPassword-error')).toHaveText('This password is too common and easy to guess. Please choose another one.');
    await expect(page.getByRole('button', { name: 'Show password' })).toHaveCount(3);
    await expectNoAxeViolations(page);

    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-secret');
    await page.getByLabel('Confirm new password').fill('a-brand-new-secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password was changed.')).toBeVisible();

    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    await otherPage.goto('/account');
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();

    const [notice] = await mailTo(request, shopper.email, 2);
    expect(notice!.subject).toBe('Your password was changed');
    expect(notice!.text).not.toContain('key=');
  });

  test('an email change takes effect only after the new address confirms it', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'old');
    const newEmail = uniqueEmail('new');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/account/email');
    await page.getByLabel('New email').fill(newEmail);
    await page.getByLabel('Current password').fill('wrong-password');
    await page.getByRole('button', { name: 'Change email' }).click();
    await expect(page.locator('#password-error')).toHaveText('The current password is incorrect.');

    await page.getByLabel('Current password').fill(shopper.password);
    await page.getByRole('button', { name: 'Change email' }).click();
    await expect(page.getByText(`We sent a confirmation link to ${newEmail}`)).toBeVisible();

    await page.goto('/account');
    await expect(page.getByText(shopper.email)).toBeVisible();
    const [notice] = await mailTo(request, shopper.email, 2);
    expect(notice!.subject).toBe('Your email address is being changed');
    expect(notice!.text).toContain(newEmail);

    const [confirm] = await mailTo(request, newEmail);
    await page.goto(linkIn(confirm!, '/email/confirm'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email address changed');
    await expectNoAxeViolations(page);
    await page.goto('/account');
    await expect(page.getByText(newEmail)).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/login');
    await signIn(page, newEmail, shopper.password);
    await expect(page).toHaveURL(/\/account$/);
  });

  test('deleting the account anonymizes it, signs out and the old credentials stop working', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'delete');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/account/delete');
    await page.getByLabel('Current password').fill(shopper.password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page.locator('#confirm-error')).toBeVisible();

    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(/\/goodbye$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account was deleted');
    await expectNoAxeViolations(page);
    await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

    await page.goto('/login');
    await signIn(page, shopper.email, shopper.password);
    await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');

    // The address is free again.
    const again = await request.post('/customers', {
      headers: { 'Content-Type': 'application/vnd.api+json' },
      data: {
        data: {
          type: 'customers',
          attributes: {
            salutation: 'Ms',
            firstName: 'New',
            lastName: 'Start',
            email: shopper.email,
            password: shopper.password,
            confirmPassword: shopper.password,
            acceptedTerms: true,
          },
        },
      },
    });
    expect(again.status()).toBe(201);
  });
});
