import { expect, test } from '@playwright/test';

test.describe('API reference page', () => {
  test('/docs/api renders every storefront operation and loads nothing from another host', async ({ page, baseURL }) => {
    const origins = new Set<string>();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) origins.add(url.origin);
    });
    await page.goto('/docs/api');
    const sidebar = page.getByRole('navigation');
    await expect(sidebar.getByRole('button', { name: /Register a customer/ })).toBeVisible();
    for (const [group, operation] of [
      ['Access tokens', /Sign in \(password grant\)/],
      ['Passwords', /^Change the password HTTP Method/],
      ['Addresses', /Add an address/],
    ] as const) {
      await sidebar.getByRole('button', { name: new RegExp(`^${group} Open Group`) }).click();
      await expect(sidebar.getByRole('button', { name: operation })).toBeVisible();
    }
    // The admin API is the second document, one link away.
    await page.getByRole('navigation', { name: 'APIs' }).getByRole('link', { name: 'Admin API (SCAYLE)' }).click();
    await expect(page).toHaveURL(/\/docs\/api\/admin$/);
    await expect(page.getByRole('navigation').getByRole('button', { name: /Get a customer by id or reference key/ }).first()).toBeVisible();
    // Everything the page fetched while it rendered and the groups opened (networkidle never comes:
    // the viewer keeps a connection open).
    await page.waitForLoadState('load');
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
    expect(violations).toEqual([]);
  });
});
