import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmedShopper, expectNoAxeViolations, tabTo } from '../support/fixtures';
import { signedIn } from './helpers';

/**
 * The page frame: header (brand, account state), footer with the legal pages, the account
 * navigation (sidebar on wide screens, a keyboard-operable menu on phones), no sideways scrolling
 * on a 320 px phone, the 404 page's title, the favicon and the signed-out message.
 */

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const smallPhone = { width: 320, height: 640 };

function accountMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Customer area' });
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
}


test.describe('page frame', () => {
  test('header, footer and the legal pages; every page has one banner, main and contentinfo', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/');
    const account = banner.getByRole('navigation', { name: 'Account' });
    await expect(account.getByRole('link', { name: 'Register' })).toHaveAttribute('href', '/register');
    await expect(account.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    await expectNoAxeViolations(page);

    for (const [name, path] of [
      ['Terms and conditions', '/terms'],
      ['Privacy policy', '/privacy'],
      ['Imprint', '/imprint'],
    ] as const) {
      await page.getByRole('contentinfo').getByRole('navigation', { name: 'Legal' }).getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page).toHaveTitle(`${name} · Shop`);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  });

  test('a signed-in shopper on the start page sees their account, not "Create an account"', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'home');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Api');
    await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toHaveCount(0);
    const header = page.getByRole('banner').getByRole('navigation', { name: 'Account' });
    await expect(header).toContainText('Signed in as Api Shopper');
    // Outside the account area the header offers sign-out itself.
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Go to your account' }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test('signing out says so, on the start page, once', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'signout');
    await signedIn(page, shopper.email, shopper.password);
    await page.goto('/');
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toContainText('You are signed out');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page);
    // The message is not repeated by a reload (the address no longer carries it).
    await page.reload();
    await expect(page.getByText('You are signed out')).toBeHidden();
  });

  test('the 404 page has a title of its own', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response!.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found · Shop');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).toHaveCount(1);
    await expectNoAxeViolations(page);
    // Also when a page of the shop finds nothing to show.
    expect((await page.goto('/products/no-such-product'))!.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found · Shop');
    await expect(page.getByRole('main')).toHaveCount(1);
  });

  test('a 404 inside the account area keeps the account navigation and one main', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'account-404');
    await signedIn(page, shopper.email, shopper.password);
    expect((await page.goto('/account/addresses/00000000-0000-4000-8000-000000000000/edit'))!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(accountMenu(page)).toBeVisible();
    await expectNoAxeViolations(page);
    // An address that is no page at all.
    expect((await page.goto('/account/no-such-page'))!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('the favicon and the icons the pages link to exist', async ({ page, request }) => {
    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\//);
    await page.goto('/login');
    const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
  });
});

test.describe('account navigation', () => {
  test('on a wide screen: a sidebar with every section and sign-out, operable by keyboard', async ({ page, request }) => {
    await page.setViewportSize(desktop);
    const shopper = await confirmedShopper(request, 'sidebar');
    await signedIn(page, shopper.email, shopper.password);
    const menu = accountMenu(page);
    for (const name of ['Overview', 'Profile', 'Addresses', 'Notifications', 'Security']) {
      await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(menu.locator('summary')).toBeHidden();
    await expect(menu.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    // One "Sign out" on the page: the header leaves it to the account navigation here.
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(1);
    await expectNoAxeViolations(page);

    // Signing in left the focus on the page's heading; the sidebar comes before it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await tabTo(page, menu.getByRole('link', { name: 'Addresses' }), 15, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account\/addresses$/);
    await expect(menu.getByRole('link', { name: 'Addresses' })).toHaveAttribute('aria-current', 'page');
    await expect(menu.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', /.*/);

    // A page below a section marks its section.
    await page.goto('/account/password');
    await expect(menu.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'true');

    await menu.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toContainText('You are signed out');
  });

  test('the overview cards are links as a whole', async ({ page, request }) => {
    await page.setViewportSize(desktop);
    const shopper = await confirmedShopper(request, 'cards');
    await signedIn(page, shopper.email, shopper.password);
    const card = page.getByRole('main').locator('.section-links li').filter({ hasText: 'Address book' });
    // A click anywhere on the card — here its bottom right corner, away from the title — follows its link.
    const box = (await card.boundingBox())!;
    await card.click({ position: { x: box.width - 6, y: box.height - 6 } });
    await expect(page).toHaveURL(/\/account\/addresses$/);
  });

  test('on a phone: a menu that opens, moves and closes with the keyboard', async ({ page, request }) => {
    await page.setViewportSize(phone);
    const shopper = await confirmedShopper(request, 'phone-menu');
    await signedIn(page, shopper.email, shopper.password);
    const menu = accountMenu(page);
    const toggle = menu.locator('summary');
    await expect(toggle).toBeVisible();
    await expect(toggle).toContainText('Overview');
    await expect(menu.getByRole('link', { name: 'Profile' })).toBeHidden();
    // The header stays one row.
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(72);

    // Signing in left the focus on the page's heading; the menu is just before it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('link', { name: 'Profile' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(menu.getByRole('link', { name: 'Profile' })).toBeHidden();
    await expect(toggle).toBeFocused();

    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Addresses' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account\/addresses$/);
    // After a navigation the menu is closed again and names the section.
    await expect(menu.getByRole('link', { name: 'Profile' })).toBeHidden();
    await expect(toggle).toContainText('Addresses');
  });
});

test.describe('no sideways scrolling on a 320 px phone', () => {
  test.use({ viewport: smallPhone });

  test('signed-out pages', async ({ page }) => {
    for (const path of ['/', '/login', '/register', '/terms', '/privacy', '/imprint', '/no-such-page']) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
    }
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(72);
  });

  test('account pages of a shopper with a very long email address', async ({ page, request }) => {
    const shopper = await confirmedShopper(request, 'averyveryverylongemailaddressthathasnowheretobreakatall');
    await signedIn(page, shopper.email, shopper.password);
    await expect(page.getByText(shopper.email)).toBeVisible();
    for (const path of ['/account', '/account/addresses', '/account/notifications', '/account/profile', '/account/security', '/']) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
    }
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(72);
    await page.goto('/account');
    await accountMenu(page).locator('summary').click();
    await expectNoHorizontalOverflow(page);
  });
});
