import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, linkIn, mailTo, registerViaApi, uniqueEmail } from '../support/fixtures';

/**
 * Confirming the email signs the shopper in (as Shopify does): the link in the confirmation email
 * lands on /account, signed in, with a welcome that has the focus — with or without JavaScript.
 * The link works once; a used one keeps its "can no longer be used" page.
 */

const WELCOME = 'Your email is confirmed. Welcome!';

/** The confirmation link of a shopper registered through the API (named "Api Shopper"). */
async function confirmationLink(request: Parameters<typeof registerViaApi>[0], prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await registerViaApi(request, email);
  const [mail] = await mailTo(request, email);
  return linkIn(mail!, '/register/confirm');
}

/** Opens `link` as a click in a web mailer on another site would (the mailer's page is faked). */
async function clickInMailer(page: Page, link: string) {
  await page.route('http://webmail.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Inbox</title><a href="${link}">Confirm your email</a>` }),
  );
  await page.goto('http://webmail.example/inbox');
  await page.getByRole('link', { name: 'Confirm your email' }).click();
}

test.describe('the confirmation link signs in', () => {
  test('a click on the emailed link lands on /account, signed in, with a focused welcome; the link works once', async ({ page, request }) => {
    const link = await confirmationLink(request, 'welcome');
    const referers: string[] = [];
    page.on('request', (r) => {
      const referer = r.headers()['referer'];
      if (referer) referers.push(referer);
    });

    await clickInMailer(page, link);

    await expect(page).toHaveURL(/\/account\?welcome=1$/);
    const welcome = page.locator('.focus-on-arrival');
    await expect(welcome).toContainText(WELCOME);
    await expect(welcome).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    await expect(page.getByRole('banner')).toContainText('Signed in as Api Shopper');
    await expectNoAxeViolations(page);
    // The next Tab continues after the welcome, inside the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    // The key never travels on in a Referer.
    expect(referers.filter((r) => r.includes('key='))).toEqual([]);

    // A reload keeps the session (it is the ordinary sign-in cookie).
    await page.goto('/account/security');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security');

    // Used once: the same link again keeps today's page, with a way to a new link.
    await page.goto(link);
    await expect(page).toHaveURL(/\/register\/confirm$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
    await expect(page.getByRole('button', { name: 'Send a new link' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an unknown link signs nobody in', async ({ page }) => {
    await page.goto('/register/confirm?key=not-a-key-we-sent');
    await expect(page).toHaveURL(/\/register\/confirm$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the link signs in and the welcome still has the focus', async ({ page, request }) => {
      const link = await confirmationLink(request, 'welcome-nojs');
      await page.goto(link);
      await expect(page).toHaveURL(/\/account\?welcome=1$/);
      const welcome = page.locator('.focus-on-arrival');
      await expect(welcome).toContainText(WELCOME);
      await expect(welcome).toBeFocused();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    });
  });
});
