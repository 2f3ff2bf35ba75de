import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export function uniqueEmail(prefix = 'shopper'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

export type Mail = { id: number; kind: string; to: string; subject: string; text: string; html: string };

/** Waits until the development mailbox holds at least `count` messages to `to`; newest first. */
export async function mailTo(request: APIRequestContext, to: string, count = 1): Promise<Mail[]> {
  let messages: Mail[] = [];
  await expect
    .poll(async () => {
      // A connection reset between polls is retried like an empty mailbox.
      const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`).catch(() => null);
      if (!response?.ok()) return -1;
      messages = ((await response.json()) as { messages: Mail[] }).messages;
      return messages.length;
    })
    .toBeGreaterThanOrEqual(count);
  return messages;
}

/** The first link in an email's text part that starts with `prefix` (a path on the app). */
export function linkIn(mail: Mail, prefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(prefix));
  if (!link) throw new Error(`No ${prefix} link in "${mail.subject}"`);
  return link;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation (a server action's redirect) Next.js streams the new <title> in
  // just after the page's content: check the page once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

export const demoPassword = 'correct-horse-battery';

export async function registerViaApi(request: APIRequestContext, email: string, password = demoPassword) {
  const response = await request.post('/customers', {
    headers: { 'Content-Type': 'application/vnd.api+json' },
    data: {
      data: {
        type: 'customers',
        attributes: {
          salutation: 'Mr',
          firstName: 'Api',
          lastName: 'Shopper',
          email,
          password,
          confirmPassword: password,
          acceptedTerms: true,
        },
      },
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** A registered shopper whose email is confirmed (through the API and the emailed key). */
export async function confirmedShopper(request: APIRequestContext, prefix = 'shopper') {
  const email = uniqueEmail(prefix);
  const created = await registerViaApi(request, email);
  const [mail] = await mailTo(request, email);
  const key = new URL(linkIn(mail!, '/register/confirm')).searchParams.get('key');
  const response = await request.post('/customer-confirmation', {
    headers: { 'Content-Type': 'application/vnd.api+json' },
    data: { data: { type: 'customer-confirmation', attributes: { registrationKey: key } } },
  });
  expect(response.status()).toBe(204);
  return { email, password: demoPassword, reference: created.data.id as string };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Presses Tab (or `key`) until `target` has the focus (at most `limit` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 15, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('The element was not reached with the Tab key');
}

/**
 * `expectNoAxeViolations` for a page in a context without JavaScript, where axe cannot run: it
 * checks a copy of what the page shows (its HTML without scripts, styles from the same server) in
 * a page of its own.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  const origin = new URL(page.url()).origin;
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<head>/i, `<head><base href="${origin}/">`);
  const browser = page.context().browser();
  if (!browser) throw new Error('No browser to check the page in');
  // Explicitly with JavaScript: a context made in a test inherits the test's options.
  const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(html, { waitUntil: 'load' });
    const results = await new AxeBuilder({ page: copy }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  } finally {
    await context.close();
  }
}
