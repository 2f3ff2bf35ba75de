import { expect, test, type Page } from '@playwright/test';
import { confirmedShopper, demoPassword, expectNoAxeViolationsWithoutJs, linkIn, mailTo, registerViaApi, uniqueEmail } from '../support/fixtures';

/**
 * Every form of the shop and the account area with JavaScript off (as it also is before the page's
 * JavaScript has run): it posts to its server action, the page comes back with the errors next to
 * their fields and what was typed still there, and the success state — on a desktop and on a phone,
 * axe-clean in every state. (The back-in-stock and unsubscribe forms: notifications.spec.ts.)
 */

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function signInWithoutJs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
}

for (const [device, viewport] of Object.entries(viewports)) {
  test.describe(`forms without JavaScript (${device})`, () => {
    test.use({ javaScriptEnabled: false, viewport });

    test('registration: errors next to the fields with the typed values kept, then "Check your inbox"', async ({ page, request }) => {
      const email = uniqueEmail(`nojs-register-${device}`);
      await page.goto('/register');
      await page.getByLabel('First name').fill('Grace');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.locator('#salutation-error')).toHaveText('This field is required.');
      await expect(page.locator('#lastName-error')).toHaveText('This field is required.');
      await expect(page.locator('#password-error')).toHaveText('Use at least 8 characters.');
      await expect(page.locator('#acceptedTerms-error')).toHaveText('Please accept to continue.');
      await expect(page.getByLabel('First name')).toHaveValue('Grace');
      await expect(page.getByLabel('Email')).toHaveValue(email);
      // A password is never sent back.
      await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
      await expectNoAxeViolationsWithoutJs(page);

      await page.getByLabel('Salutation').selectOption('Ms');
      await page.getByLabel('Last name').fill('Hopper');
      await page.getByLabel('Password', { exact: true }).fill(demoPassword);
      await page.getByLabel(/I accept the terms/).check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Create your account' })).toHaveCount(0);
      await expect(page.locator('main')).toContainText(email);
      await expectNoAxeViolationsWithoutJs(page);
      await mailTo(request, email);
    });

    test('sign-in: a wrong password keeps the email; an unconfirmed account can ask for the email again; then signed in', async ({ page, request }) => {
      const email = uniqueEmail(`nojs-signin-${device}`);
      await registerViaApi(request, email);
      await page.goto('/login');
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-1');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.locator('#sign-in-message')).toHaveText('Email or password is incorrect.');
      await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
      await expectNoAxeViolationsWithoutJs(page);

      await page.getByLabel('Password', { exact: true }).fill(demoPassword);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.locator('#sign-in-message')).toContainText('Please confirm your email address first');
      await page.getByRole('button', { name: 'Send the confirmation email again' }).click();
      await expect(page.getByText('We sent you a new confirmation email.')).toBeVisible();
      await expectNoAxeViolationsWithoutJs(page);
      const mails = await mailTo(request, email, 2);
      const key = new URL(linkIn(mails[0]!, '/register/confirm')).searchParams.get('key');
      await request.post('/customer-confirmation', {
        headers: { 'Content-Type': 'application/vnd.api+json' },
        data: { data: { type: 'customer-confirmation', attributes: { registrationKey: key } } },
      });
      await signInWithoutJs(page, email, demoPassword);
    });

    test('forgotten password → reset → the sign-in form with the email filled in', async ({ page, request }) => {
      const shopper = await confirmedShopper(request, `nojs-reset-${device}`);
      await page.goto('/password/forgot');
      await page.getByLabel('Email').fill('not-an-address');
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await expect(page.locator('#email-error')).toHaveText('Please enter a valid email address, like name@example.com.');
      await expect(page.getByLabel('Email')).toHaveValue('not-an-address');
      await page.getByLabel('Email').fill(shopper.email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
      await expectNoAxeViolationsWithoutJs(page);

      const [mail] = await mailTo(request, shopper.email, 2);
      await page.goto(linkIn(mail!, '/password/reset'));
      await page.getByLabel('New password', { exact: true }).fill('a-new-password-9');
      await page.getByLabel('Confirm new password').fill('another-password-9');
      await page.getByRole('button', { name: 'Set new password' }).click();
      await expect(page.locator('#confirmPassword-error')).toHaveText('The passwords do not match.');
      await expectNoAxeViolationsWithoutJs(page);
      await page.getByLabel('New password', { exact: true }).fill('a-new-password-9');
      await page.getByLabel('Confirm new password').fill('a-new-password-9');
      await page.getByRole('button', { name: 'Set new password' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Password changed — sign in' })).toBeVisible();
      await expect(page.getByLabel('Email', { exact: true })).toHaveValue(shopper.email);
      await expectNoAxeViolationsWithoutJs(page);
      await page.getByLabel('Password', { exact: true }).fill('a-new-password-9');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/account$/);
    });

    test('profile, email and password forms; then the account is deleted', async ({ page, request }) => {
      const shopper = await confirmedShopper(request, `nojs-account-${device}`);
      await signInWithoutJs(page, shopper.email, shopper.password);

      await page.goto('/account/profile');
      await page.getByLabel('First name').fill('');
      await page.getByLabel('Last name').fill('Lamarr');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Day').fill('31');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Month').selectOption('February');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Year').fill('1990');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.locator('#firstName-error')).toHaveText('This field is required.');
      // 31 February is not a date: refused, never moved to March.
      await expect(page.locator('#dateOfBirth-error')).toHaveText('Please enter a valid date.');
      await expect(page.getByLabel('Last name')).toHaveValue('Lamarr');
      await expectNoAxeViolationsWithoutJs(page);
      await page.getByLabel('First name').fill('Hedy');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Day').fill('9');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Month').selectOption('November');
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByLabel('Year').fill('1984');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByText('Your profile was saved.')).toBeVisible();
      await page.goto('/account');
      await expect(page.locator('main')).toContainText('9 November 1984');

      await page.goto('/account/email');
      const newEmail = uniqueEmail(`nojs-new-${device}`);
      await page.getByLabel('New email').fill(newEmail);
      await page.getByLabel('Current password').fill('not-my-password');
      await page.getByRole('button', { name: 'Change email' }).click();
      await expect(page.locator('#password-error')).toHaveText('The current password is incorrect.');
      await expect(page.getByLabel('New email')).toHaveValue(newEmail);
      await page.getByLabel('Current password').fill(shopper.password);
      await page.getByRole('button', { name: 'Change email' }).click();
      await expect(page.getByText(`We sent a confirmation link to ${newEmail}.`)).toBeVisible();
      await expect(page.getByLabel('New email')).toHaveValue('');
      await expectNoAxeViolationsWithoutJs(page);

      // "This was not me" from the old address's notice: one button, also without JavaScript.
      const notice = (await mailTo(request, shopper.email, 2)).find((m) => m.html.includes('/email/cancel'));
      await page.goto(linkIn(notice!, '/email/cancel'));
      await page.getByRole('button', { name: 'Cancel the change and sign out everywhere' }).click();
      await expect(page.getByText('The change is cancelled')).toBeVisible();
      await expectNoAxeViolationsWithoutJs(page);

      await signInWithoutJs(page, shopper.email, shopper.password);
      await page.goto('/account/password');
      await page.getByLabel('Current password').fill(shopper.password);
      await page.getByLabel('New password', { exact: true }).fill('password');
      await page.getByLabel('Confirm new password').fill('password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.locator('#newPassword-error')).toHaveText('This password is too common and easy to guess. Please choose another one.');
      await page.getByLabel('Current password').fill(shopper.password);
      await page.getByLabel('New password', { exact: true }).fill('brand-new-password-7');
      await page.getByLabel('Confirm new password').fill('brand-new-password-7');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.getByText('Your password was changed.')).toBeVisible();
      await expectNoAxeViolationsWithoutJs(page);

      await page.goto('/account/delete');
      await page.getByLabel('Current password').fill('brand-new-password-7');
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await expect(page.locator('#confirm-error')).toHaveText('Please confirm that you want to delete your account.');
      await expectNoAxeViolationsWithoutJs(page);
      await page.getByLabel('Current password').fill('brand-new-password-7');
      await page.getByLabel(/I understand that my account/).check();
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await expect(page).toHaveURL(/\/goodbye$/);
    });

    test('address form: the country chosen from the list lays out the fields after the post; errors keep what was typed; then added and edited', async ({ page, request }) => {
      const shopper = await confirmedShopper(request, `nojs-address-${device}`);
      await signInWithoutJs(page, shopper.email, shopper.password);
      await page.goto('/account/addresses/new');
      await page.locator('select#countryCode').selectOption('GB');
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Last name').fill('Lovelace');
      await page.getByLabel('Street').fill('12 St James’s Square');
      await page.getByLabel('Postcode').fill('sw1y 4lb');
      await page.getByRole('button', { name: 'Save address' }).click();
      // The page comes back laid out for the United Kingdom, with what was typed.
      await expect(page.locator('select#countryCode')).toHaveValue('GB');
      await expect(page.locator('#salutation-error')).toHaveText('This field is required.');
      await expect(page.locator('#city-error')).toHaveText('This field is required.');
      await expect(page.getByLabel('First name')).toHaveValue('Ada');
      await expect(page.getByLabel('Street address')).toHaveValue('12 St James’s Square');
      await expect(page.getByLabel('House number')).toHaveCount(0);
      await expectNoAxeViolationsWithoutJs(page);

      await page.getByLabel('Salutation').selectOption('Ms');
      await page.getByLabel('Town or city').fill('London');
      await page.getByRole('button', { name: 'Save address' }).click();
      await expect(page).toHaveURL(/\/account\/addresses\?saved=added$/);
      await expect(page.getByText('The address was added.')).toBeVisible();
      // The postcode typed in small letters is stored as the Royal Mail writes it.
      await expect(page.locator('.address-card').first()).toContainText('SW1Y 4LB');
      await expectNoAxeViolationsWithoutJs(page);

      await page.getByRole('link', { name: /^Edit/ }).first().click();
      await page.getByLabel('Town or city').fill('Westminster');
      await page.getByRole('button', { name: 'Save address' }).click();
      await expect(page.getByText('The address was saved.')).toBeVisible();
      await expect(page.locator('.address-card').first()).toContainText('Westminster');

      // Delete asks first: "Delete" and "Cancel" are links, "Yes, delete" posts.
      await page.getByRole('link', { name: /^Delete/ }).first().click();
      await expect(page).toHaveURL(/\?delete=/);
      await page.getByRole('link', { name: 'Cancel' }).click();
      await expect(page.locator('.address-card')).toHaveCount(1);
      await page.getByRole('link', { name: /^Delete/ }).first().click();
      await expectNoAxeViolationsWithoutJs(page);
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await expect(page.getByText('The address was deleted.')).toBeVisible();
      await expect(page.locator('.address-card')).toHaveCount(0);
    });

    test('a house number typed before the country changed to one that writes it in the street line is kept there', async ({ page, request }) => {
      const shopper = await confirmedShopper(request, `nojs-number-${device}`);
      await signInWithoutJs(page, shopper.email, shopper.password);
      await page.goto('/account/addresses/new');
      // The German layout: street and house number apart. Then the United States, and a post with the state missing.
      await page.getByLabel('Street').fill('Pennsylvania Ave NW');
      await page.getByLabel('House number').fill('1600');
      await page.locator('select#countryCode').selectOption('US');
      await page.getByLabel('Salutation').selectOption('Mr');
      await page.getByLabel('First name').fill('Abe');
      await page.getByLabel('Last name').fill('Lincoln');
      await page.getByLabel('City').fill('Washington');
      await page.getByLabel(/^Postcode/).fill('20500');
      await page.getByRole('button', { name: 'Save address' }).click();
      await expect(page.locator('#state-error')).toHaveText('Please choose a state.');
      await expect(page.getByLabel('Street address')).toHaveValue('1600 Pennsylvania Ave NW');
      await page.getByLabel('State', { exact: true }).selectOption('DC');
      await page.getByRole('button', { name: 'Save address' }).click();
      await expect(page.getByText('The address was added.')).toBeVisible();
      await expect(page.locator('.address-card').first()).toContainText('1600 Pennsylvania Ave NW');
    });
  });
}
