import { expect, test } from '@playwright/test';
import { demoPassword, expectNoAxeViolations, linkIn, mailTo, registerViaApi, uniqueEmail } from '../support/fixtures';

test.describe('registration in the browser', () => {
  test('start page links to registration and sign-in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your shop account');
    await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/register');
    await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    await expectNoAxeViolations(page);
  });

  test('a shopper fixes a field error, registers and confirms the email from the link', async ({ page, request }) => {
    const email = uniqueEmail('browser');
    await page.goto('/register');
    await expectNoAxeViolations(page);

    await page.getByLabel('Salutation').selectOption('Ms');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Email').fill('grace-at-example');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByLabel(/I accept the terms/).check();
    await page.getByRole('button', { name: 'Create account' }).click();

    const emailField = page.getByLabel('Email');
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#email-error')).toHaveText(/valid email address/);
    await expect(emailField).toHaveAttribute('aria-describedby', /email-error/);
    await expect(emailField).toBeFocused();
    await expectNoAxeViolations(page);

    await emailField.fill(email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();

    const [mail] = await mailTo(request, email);
    expect(mail!.subject).toBe('Confirm your email address');
    expect(mail!.html).toContain('/register/confirm?key=');
    // The link confirms and signs in (e2e/registration/confirm-sign-in.spec.ts shows more).
    await page.goto(linkIn(mail!, '/register/confirm'));
    await expect(page).toHaveURL(/\/account\?welcome=1$/);
    await expect(page.getByText('Your email is confirmed. Welcome!')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Grace Hopper');

    // The link works once.
    await page.goto(linkIn(mail!, '/register/confirm'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
  });

  test('one password field with a show/hide toggle; a common password is refused by the server, next to the field', async ({ page, request }) => {
    const email = uniqueEmail('common');
    await page.goto('/register');
    await expect(page.getByLabel(/Confirm/)).toHaveCount(0);
    const password = page.getByLabel('Password', { exact: true });
    const toggle = page.getByRole('button', { name: 'Show password' });
    await expect(password).toHaveAttribute('type', 'password');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveAttribute('aria-controls', 'password');

    await page.getByLabel('Salutation').selectOption('Ms');
    await page.getByLabel('First name').fill('Hedy');
    await page.getByLabel('Last name').fill('Lamarr');
    await page.getByLabel('Email').fill(email);
    // The browser does not carry the list: the server action answers, in any case.
    await password.fill('Sunshine1');
    await toggle.click();
    await expect(password).toHaveAttribute('type', 'text');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page);
    await page.getByLabel(/I accept the terms/).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#password-error')).toHaveText('This password is too common and easy to guess. Please choose another one.');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toBeFocused();
    // Submitting hid the password again.
    await expect(password).toHaveAttribute('type', 'password');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expectNoAxeViolations(page);

    await password.fill(demoPassword);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await mailTo(request, email);
  });

  test('an email that is already registered is reported next to the email field', async ({ page, request }) => {
    const email = uniqueEmail('taken');
    await registerViaApi(request, email);
    await page.goto('/register');
    await page.getByLabel('Salutation').selectOption('Mr');
    await page.getByLabel('First name').fill('Alan');
    await page.getByLabel('Last name').fill('Turing');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByLabel(/I accept the terms/).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#email-error')).toHaveText(/already registered/);
    await expect(page.getByLabel('Email')).toBeFocused();
  });

  test('a shopper with a dead link requests a new one and confirms with it', async ({ page, request }) => {
    const email = uniqueEmail('resend');
    await registerViaApi(request, email);
    const [first] = await mailTo(request, email);

    await page.goto('/register/confirm?key=expired-or-unknown-key');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await expect(page.getByText('If an unconfirmed account exists for this address, we sent a new link.')).toBeVisible();

    const messages = await mailTo(request, email, 2);
    const newest = messages[0]!;
    expect(newest.id).toBeGreaterThan(first!.id);
    // The earlier link stopped working when the new one was sent.
    await page.goto(linkIn(first!, '/register/confirm'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
    await page.goto(linkIn(newest, '/register/confirm'));
    await expect(page).toHaveURL(/\/account\?welcome=1$/);
    await expect(page.getByText('Your email is confirmed. Welcome!')).toBeVisible();
  });

  test('the re-send form answers the same for an unknown address', async ({ page, request }) => {
    const email = uniqueEmail('nobody');
    await page.goto('/register/confirm?key=unknown');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await expect(page.getByText('If an unconfirmed account exists for this address, we sent a new link.')).toBeVisible();
    const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(email)}`);
    expect((await response.json()).messages).toEqual([]);
  });

  test('registration works with the keyboard alone', async ({ page, request }) => {
    const email = uniqueEmail('keyboard');
    await page.goto('/register');
    // Tab from the top of the page to the first form field.
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.getByLabel('Salutation').evaluate((el) => el === document.activeElement)) break;
    }
    await expect(page.getByLabel('Salutation')).toBeFocused();
    await page.keyboard.type('Dr');
    await expect(page.getByLabel('Salutation')).toHaveValue('Dr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Katherine');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Johnson');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword);
    // One password field, then its show/hide toggle.
    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Show password' });
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue(demoPassword);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'password');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/I accept the terms/)).toBeFocused();
    await page.keyboard.press('Space');
    // The terms and the privacy policy can be read first (they open in a new tab).
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'terms and conditions', exact: true })).toBeFocused();
    await expect(page.getByRole('link', { name: 'terms and conditions', exact: true })).toHaveAttribute('href', '/terms');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'privacy policy', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Create account' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeFocused();
    await mailTo(request, email);
  });
});

test.describe('password fields without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('stay plain password fields, with no toggle that could not work', async ({ page }) => {
    for (const path of ['/register', '/login']) {
      await page.goto(path);
      await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'password');
      await expect(page.getByRole('button', { name: 'Show password' })).toHaveCount(0);
    }
  });
});
