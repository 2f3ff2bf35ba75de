import { expect, test } from '@playwright/test';
import { linkIn, mailTo, registerViaApi, uniqueEmail } from '../support/fixtures';

const jsonApi = { 'Content-Type': 'application/vnd.api+json' };

test.describe('registration over the JSON:API (HTTP)', () => {
  test('POST /customers then POST /customer-confirmation with the emailed key', async ({ request, baseURL }) => {
    const email = uniqueEmail('api');
    const created = await registerViaApi(request, email);
    expect(created.data.id).toMatch(/^DE--\d+$/);
    expect(created.data.links.self).toBe(`${baseURL}/customers/${created.data.id}`);

    const [mail] = await mailTo(request, email);
    const key = new URL(linkIn(mail!, '/register/confirm')).searchParams.get('key');
    const confirm = () =>
      request.post('/customer-confirmation', {
        headers: jsonApi,
        data: { data: { type: 'customer-confirmation', attributes: { registrationKey: key } } },
      });
    const first = await confirm();
    expect(first.status()).toBe(204);
    expect(await first.text()).toBe('');
    const again = await confirm();
    expect(again.status()).toBe(422);
    expect((await again.json()).errors[0]).toMatchObject({ status: 422, code: '423' });
  });

  test('responses carry the security headers and no x-powered-by', async ({ request }) => {
    const response = await request.post('/customers', { headers: jsonApi, data: '{' });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/vnd.api+json');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers()['referrer-policy']).toBeTruthy();
    expect(response.headers()['x-powered-by']).toBeUndefined();
  });

  test('unknown paths under the API answer with a JSON:API 404, elsewhere with the HTML page', async ({ request }) => {
    for (const path of ['/customers/DE--1/unknown/thing', '/customer-unknown', '/customer-password/DE--1/extra']) {
      const api = await request.get(path);
      expect(api.status(), path).toBe(404);
      expect(api.headers()['content-type'], path).toContain('application/vnd.api+json');
    }
    const page = await request.get('/no-such-page');
    expect(page.status()).toBe(404);
    expect(page.headers()['content-type']).toContain('text/html');
  });

  test('a wrong method answers 405 with an Allow header', async ({ request }) => {
    const response = await request.delete('/customer-confirmation');
    expect(response.status()).toBe(405);
    expect(response.headers()['allow']).toBe('POST, OPTIONS');
  });
});
