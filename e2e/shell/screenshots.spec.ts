import { expect, test } from '@playwright/test';
import { confirmedShopper } from '../support/fixtures';
import { signedIn } from './helpers';

/**
 * The main pages on a wide screen and on a phone, photographed on every run (into test-results/).
 * With SCREENSHOTS=1 they refresh the README's pictures in docs/screenshots/ instead:
 *   SCREENSHOTS=1 npx playwright test e2e/shell/screenshots.spec.ts   (after `next build`)
 */
const folder = process.env.SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

const sizes = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

for (const [label, viewport] of sizes) {
  test(`screenshots (${label})`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    const shot = (name: string) => page.screenshot({ path: `${folder}/${name}-${label}.png`, animations: 'disabled', caret: 'hide' });

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot('home');
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await shot('login');

    const shopper = await confirmedShopper(request, 'screenshot');
    await signedIn(page, shopper.email, shopper.password);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Api Shopper');
    // The address differs on every run: a fixed one keeps the pictures stable.
    await page.getByText(shopper.email).evaluate((el) => (el.textContent = 'api.shopper@example.com'));
    await shot('account');
  });
}
