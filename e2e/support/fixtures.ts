import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
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
