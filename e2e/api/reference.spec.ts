import { expect, test } from '@playwright/test';

test.describe('API reference page', () => {
  test('/docs/api renders every storefront operation and loads nothing from another host', async ({ page, baseURL }) => {
    const origins = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) origins.add(url.origin);
    });
    await page.goto('/docs/api');
    await expect(page.getByText('Register a customer').first()).toBeVisible();
    await expect(page.getByText('Change the password').first()).toBeVisible();
    await expect(page.getByText('Add an address').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });
});
