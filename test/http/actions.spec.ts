import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, PASSWORD, signedInShopper, test } from './support';

/**
 * Property-based: every server action of the built app (from Next.js's server-reference manifest)
 * called over HTTP with arbitrary arguments, signed in and signed out, answers without a 5xx.
 */

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

const manifest = JSON.parse(readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;

/** A page the action is served on: `app/(account)/account/addresses/page` → `/account/addresses`. */
function pageOf(workers: Record<string, unknown>): string {
  const pages = Object.keys(workers)
    .filter((worker) => worker.endsWith('/page') && !worker.includes('['))
    .map((worker) => `/${worker.replace(/^app\//, '').replace(/\/page$/, '').split('/').filter((part) => !/^\(.*\)$/.test(part)).join('/')}`);
  return pages[0] ?? '/';
}

const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, name: `${entry.filename}#${entry.exportedName}`, page: pageOf(entry.workers) }));

// React's encodeReply escapes strings that start with "$"; plain JSON from any client does the same.
const escape = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.startsWith('$')
      ? `$${value}`
      : value
    : Array.isArray(value)
      ? value.map(escape)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escape(v)]))
        : value;

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', 'a\u0000b', '/%E3%80%82x', '//evil.example', '00000000-0000-4000-8000-000000000000', ''),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
const argument = fc.oneof(
  hostile,
  fc.dictionary(fc.constantFrom('email', 'password', 'username', 'firstName', 'confirm', 'key', 'street', 'countryCode', 'x'), hostile, { maxKeys: 5 }),
  fc.array(hostile, { maxLength: 3 }),
);
const argumentsArbitrary = fc.array(argument, { maxLength: 3 });

async function callAction(request: APIRequestContext, baseURL: string, action: (typeof actions)[number], args: unknown[]) {
  return request.post(action.page, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL },
    data: JSON.stringify(escape(args)),
    maxRedirects: 0,
  });
}

test('the manifest lists the server actions of every form', () => {
  expect(actions.length).toBeGreaterThanOrEqual(10);
  expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['app/(shop)/login/actions.ts#signInAction', 'app/(account)/account/addresses/actions.ts#removeAddressAction']));
});

test.describe.configure({ timeout: 240_000 });

for (const signedIn of [false, true]) {
  test(`every server action answers arbitrary arguments without a 5xx (${signedIn ? 'signed in' : 'signed out'})`, async ({ playwright, baseURL, api, request }) => {
    const context = await playwright.request.newContext({ baseURL });
    if (signedIn) {
      const shopper = await signedInShopper(api, request);
      const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const signIn = await context.post('/api/auth/callback/credentials', {
        form: { csrfToken, username: shopper.email, password: PASSWORD, callbackUrl: `${baseURL}/account` },
        maxRedirects: 0,
      });
      expect(signIn.status()).toBe(302);
    }
    for (const action of actions) {
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary, async (args) => {
          const response = await callAction(context, baseURL!, action, args);
          expect(response.status(), `${action.name}(${JSON.stringify(args)})`).toBeLessThan(500);
        }),
        { numRuns: 12 },
      );
    }
    // The reported crashes, as fixed examples.
    const byName = (name: string) => actions.find((a) => a.name.endsWith(name))!;
    for (const [name, args] of [
      ['login/actions.ts#signInAction', [null, null]],
      ['addresses/actions.ts#removeAddressAction', ['00000000-0000-4000-8000-000000000000']],
      ['addresses/actions.ts#makeDefaultAddressAction', ['not-a-uuid', 'shipping']],
    ] as const) {
      const response = await callAction(context, baseURL!, byName(name), [...args]);
      expect(response.status(), name).toBeLessThan(500);
    }
    await context.dispose();
  });
}
