import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, linkIn, mailTo, signIn, uniqueEmail, type Mail } from '../support/fixtures';

/**
 * Back-in-stock notifications in the browser: the product page's notify-me form (guest and
 * signed in), the unsubscribe link of the confirmation email, /account/notifications, the one
 * notice when the product returns — and the forms without JavaScript. Products come from the
 * catalog over the admin API (PUT /admin/v1/products/{sku}).
 */

const adminKey = () => readFileSync(process.env.E2E_ADMIN_KEY_FILE!, 'utf8').trim();

function uniqueSku(): string {
  return `E2E-${randomUUID().slice(0, 8)}`;
}

async function putProduct(request: APIRequestContext, sku: string, product: { name: string; isAvailable: boolean }) {
  const response = await request.put(`/admin/v1/products/${sku}`, { headers: { 'X-Access-Token': adminKey() }, data: product });
  expect(response.status(), await response.text()).toBe(200);
}

async function soldOut(request: APIRequestContext, name: string): Promise<{ sku: string; name: string }> {
  const sku = uniqueSku();
  await putProduct(request, sku, { name, isAvailable: false });
  return { sku, name };
}

/** The messages of one kind to `to`, once at least `count` of them are there. */
async function mailsOfKind(request: APIRequestContext, to: string, kind: string, count = 1): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      found = (await mailTo(request, to)).filter((m) => m.kind === kind);
      return found.length;
    })
    .toBeGreaterThanOrEqual(count);
  return found;
}

async function subscribeOnPage(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Notify me' }).click();
}

test.describe('back-in-stock notifications', () => {
  test('a guest subscribes on a sold-out product, gets the confirmation and unsubscribes with its link', async ({ page, request }) => {
    const product = await soldOut(request, 'Guest rain jacket');
    const email = uniqueEmail('notify-guest');

    await page.goto(`/products/${product.sku}`);
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
    await expect(page.getByText('Sold out')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue('');
    await expectNoAxeViolations(page);

    // The shared schema's message, next to the field (aria-describedby), the field focused.
    await subscribeOnPage(page, 'not-an-address');
    await expect(page.locator('#notify-email-error')).toHaveText('Please enter a valid email address, like name@example.com.');
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-describedby', /notify-email-error/);
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toBeFocused();
    await expectNoAxeViolations(page);

    // The pending state while the action runs (the POST held back for a moment).
    await page.route(`**/products/${product.sku}`, async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await subscribeOnPage(page, email);
    await expect(page.getByRole('button', { name: 'Subscribing…' })).toHaveAttribute('aria-disabled', 'true');
    const confirmation = page.locator('[aria-live="polite"]').getByRole('status');
    await expect(confirmation).toHaveText(`We'll email you at ${email} when it's back.`);
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.unrouteAll();

    // The server's answer lands next to the field too, and the typed address stays.
    await page.reload();
    await subscribeOnPage(page, email.toUpperCase());
    await expect(page.locator('#notify-email-error')).toHaveText('This email address is already on the list for this product.');
    await expect(page.getByLabel('Email')).toHaveValue(email.toUpperCase());
    await expect(page.getByLabel('Email')).toBeFocused();

    const [mail] = await mailsOfKind(request, email, 'availability-subscribed');
    expect(mail!.text).toContain(product.name);
    const link = linkIn(mail!, '/notifications/unsubscribe');

    // Opening the link changes nothing; it says what it is for and asks.
    const opened = await page.goto(link);
    // The key never leaves in a Referer: the origin only (a POST without JavaScript needs its Origin header).
    expect(opened!.headers()['referrer-policy']).toBe('strict-origin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from a back-in-stock email');
    await expect(page.getByRole('link', { name: product.name })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Unsubscribe' })).toBeVisible();

    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're unsubscribed");
    await expect(page.getByRole('status')).toHaveText(`We won't email ${email} when "${product.name}" is back.`);
    await expectNoAxeViolations(page);

    // The key is spent.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
    await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto('/notifications/unsubscribe');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link can no longer be used');
  });

  test('a signed-in shopper sees the email prefilled, subscribes, and unsubscribes at /account/notifications', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'notify-member');
    const lamp = await soldOut(request, 'Member desk lamp');
    const chair = await soldOut(request, 'Member chair');

    await page.goto(`/login?callbackUrl=${encodeURIComponent(`/products/${lamp.sku}`)}`);
    await signIn(page, shopper.email, shopper.password);
    await expect(page).toHaveURL(new RegExp(`/products/${lamp.sku}$`));
    await expect(page.getByLabel('Email')).toHaveValue(shopper.email);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Notify me' }).click();
    await expect(page.getByRole('status')).toHaveText(`We'll email you at ${shopper.email} when it's back.`);

    await page.goto(`/products/${chair.sku}`);
    await page.getByRole('button', { name: 'Notify me' }).click();
    await expect(page.getByRole('status')).toContainText(shopper.email);
    await page.getByRole('link', { name: 'Your back-in-stock notifications' }).click();

    // The list, reached from the overview too.
    await page.goto('/account');
    await page.getByRole('link', { name: 'Back-in-stock notifications', exact: true }).click();
    await expect(page).toHaveURL(/\/account\/notifications$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back-in-stock notifications');
    const rows = page.locator('main li');
    await expect(rows).toHaveCount(2);
    const lampRow = rows.filter({ has: page.getByRole('link', { name: lamp.name }) });
    await expect(lampRow).toContainText(shopper.email);
    await expect(lampRow).toContainText('Sold out');
    await expect(lampRow).toContainText(String(new Date().getUTCFullYear()));
    await expect(lampRow.getByRole('link', { name: lamp.name })).toHaveAttribute('href', new RegExp(`/products/${lamp.sku}$`));
    await expectNoAxeViolations(page);

    await lampRow.getByRole('button', { name: `Unsubscribe from ${lamp.name}` }).click();
    await expect(page.getByRole('status')).toHaveText("You're unsubscribed. We won't email you about that product.");
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('link', { name: lamp.name })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await rows.getByRole('button', { name: `Unsubscribe from ${chair.name}` }).click();
    await expect(page.getByText('You are not waiting for any product.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the page of an available product shows no form', async ({ page, request }) => {
    const sku = uniqueSku();
    await putProduct(request, sku, { name: 'Available kettle', isAvailable: true });
    await page.goto(`/products/${sku}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Available kettle' })).toBeVisible();
    await expect(page.getByText('In stock')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveCount(0);
    await expect(page.getByLabel('Email')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('an unknown product is the 404 page', async ({ page }) => {
    const response = await page.goto(`/products/${uniqueSku()}`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expectNoAxeViolations(page);
    expect((await page.goto('/products/not%20a%20sku'))!.status()).toBe(404);
  });

  test('when the product comes back, each subscriber gets exactly one "back in stock" email', async ({ page, request }) => {
    const product = await soldOut(request, 'Returning boots');
    const first = uniqueEmail('restock-first');
    const second = uniqueEmail('restock-second');

    await page.goto(`/products/${product.sku}`);
    await subscribeOnPage(page, first);
    await expect(page.getByRole('status')).toContainText(first);

    await putProduct(request, product.sku, { ...product, isAvailable: true });
    await putProduct(request, product.sku, { ...product, isAvailable: true });
    const [notice] = await mailsOfKind(request, first, 'back-in-stock');
    expect(notice!.subject).toBe(`${product.name} is back in stock`);
    expect(linkIn(notice!, `/products/${product.sku}`)).toBeTruthy();
    await page.reload();
    await expect(page.getByText('In stock')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveCount(0);

    // Sold out and back once more: only the new subscriber hears of it; the first one's subscription ended.
    await putProduct(request, product.sku, { ...product, isAvailable: false });
    await page.reload();
    await subscribeOnPage(page, second);
    await expect(page.getByRole('status')).toContainText(second);
    await putProduct(request, product.sku, { ...product, isAvailable: true });
    await mailsOfKind(request, second, 'back-in-stock');
    expect((await mailTo(request, first)).filter((m) => m.kind === 'back-in-stock')).toHaveLength(1);
    expect((await mailTo(request, second)).filter((m) => m.kind === 'back-in-stock')).toHaveLength(1);
  });
});

test.describe('back-in-stock notifications without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a guest subscribes (with an error on the way) and unsubscribes with the link', async ({ page, request }) => {
    const product = await soldOut(request, 'No-JS umbrella');
    const email = uniqueEmail('nojs-guest');

    await page.goto(`/products/${product.sku}`);
    await expect(page.getByRole('button', { name: 'Notify me' })).toBeEnabled();
    await subscribeOnPage(page, 'nobody-at-example');
    await expect(page.locator('#notify-email-error')).toHaveText('Please enter a valid email address, like name@example.com.');
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-describedby', /notify-email-error/);
    await expect(page.getByLabel('Email')).toHaveValue('nobody-at-example');

    await subscribeOnPage(page, email);
    await expect(page.getByRole('status')).toHaveText(`We'll email you at ${email} when it's back.`);

    const [mail] = await mailsOfKind(request, email, 'availability-subscribed');
    await page.goto(linkIn(mail!, '/notifications/unsubscribe'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from a back-in-stock email');
    const posted = page.waitForRequest((r) => r.method() === 'POST');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    // A native POST to the server action: with its Origin, and a Referer without the key.
    const headers = (await posted).headers();
    expect(headers['origin']).toBe(new URL(page.url()).origin);
    expect(headers['referer'] ?? '').not.toContain('key=');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're unsubscribed");
    await expect(page.getByRole('status')).toHaveText(`We won't email ${email} when "${product.name}" is back.`);
  });

  test('a signed-in shopper subscribes with the prefilled email and unsubscribes in the account', async ({ page, request, baseURL }) => {
    const shopper = await confirmedShopper(request, 'nojs-member');
    const product = await soldOut(request, 'No-JS thermos');

    // Signed in through Auth.js's own endpoint (the sign-in form itself needs JavaScript).
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedIn = await page.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, username: shopper.email, password: shopper.password, callbackUrl: `${baseURL}/account` },
      maxRedirects: 0,
    });
    expect(signedIn.status()).toBe(302);

    await page.goto(`/products/${product.sku}`);
    await expect(page.getByLabel('Email')).toHaveValue(shopper.email);
    await page.getByRole('button', { name: 'Notify me' }).click();
    await expect(page.getByRole('status')).toHaveText(`We'll email you at ${shopper.email} when it's back.`);

    await page.goto('/account/notifications');
    await expect(page.getByRole('link', { name: product.name })).toBeVisible();
    await page.getByRole('button', { name: `Unsubscribe from ${product.name}` }).click();
    await expect(page).toHaveURL(/\/account\/notifications\?done=unsubscribed$/);
    await expect(page.getByRole('status')).toHaveText("You're unsubscribed. We won't email you about that product.");
    await expect(page.getByText('You are not waiting for any product.')).toBeVisible();
  });
});
