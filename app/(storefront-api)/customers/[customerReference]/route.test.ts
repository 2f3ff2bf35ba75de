import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { revokeCustomerLogins } from '@/app/_domain/auth/revocation';
import {
  bearer,
  callRoute,
  createCustomer,
  expectInvalidAccessToken,
  expectMissingAccessToken,
  issueTokens,
  jsonApiRequest,
  readErrors,
  readJsonApi,
  type TestCustomer,
  type TestHeaders,
} from '@/test/support/jsonapi-client';
import { customers } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { GET } from './route';

const database = setupTestDatabase();
const db = () => database.handle().db;

const APP_URL = 'https://shop.example.test';
const GLUE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
const NOT_FOUND = { status: 404, code: '402', detail: 'Customer not found.' };

type CustomerDocument = {
  data: { type: string; id: string; attributes: Record<string, unknown>; links: { self: string } };
  links: { self: string };
};

function getCustomer(reference: string, headers: TestHeaders = {}, query = ''): Promise<Response> {
  return callRoute(
    GET,
    jsonApiRequest(`/customers/${encodeURIComponent(reference)}${query}`, undefined, { method: 'GET', headers }),
    { customerReference: reference },
  );
}

async function signedIn(): Promise<TestCustomer & { accessToken: string }> {
  const customer = await createCustomer();
  const { accessToken } = await issueTokens(customer);
  return { ...customer, accessToken };
}

async function expectNotFound(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(await readErrors(response)).toEqual([NOT_FOUND]);
}

describe('GET /customers/{customerReference}', () => {
  it('answers the own reference with 200 and the full customers resource, links built from APP_URL', async () => {
    const customer = await signedIn();

    const response = await getCustomer(customer.reference, {
      ...bearer(customer.accessToken),
      Host: 'evil.example',
      'X-Forwarded-Host': 'evil.example',
    });

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body).toEqual({
      data: {
        type: 'customers',
        id: customer.reference,
        attributes: {
          salutation: 'Ms',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: customer.email,
          gender: null,
          dateOfBirth: null,
          createdAt: expect.stringMatching(GLUE_TIMESTAMP),
          updatedAt: expect.stringMatching(GLUE_TIMESTAMP),
        },
        links: { self: `${APP_URL}/customers/${customer.reference}` },
      },
      links: { self: `${APP_URL}/customers/${customer.reference}` },
    });
  });

  it('honours ?fields[customers]=firstName,email', async () => {
    const customer = await signedIn();

    const response = await getCustomer(customer.reference, bearer(customer.accessToken), '?fields[customers]=firstName,email');

    expect(response.status).toBe(200);
    const body = await readJsonApi<CustomerDocument>(response);
    expect(body.data.id).toBe(customer.reference);
    expect(body.data.attributes).toEqual({ firstName: 'Ada', email: customer.email });
    expect(body.links.self).toBe(`${APP_URL}/customers/${customer.reference}?fields[customers]=firstName,email`);
  });

  it("answers another existing customer's reference with 404/402 \"Customer not found.\" and shows nothing of them", async () => {
    const caller = await signedIn();
    const other = await createCustomer();

    const response = await getCustomer(other.reference, bearer(caller.accessToken));

    const text = await response.clone().text();
    await expectNotFound(response);
    expect(text).not.toContain(other.email);
  });

  it.each([
    ['a reference that does not exist', () => 'DE--999999999'],
    ['another store code', () => 'XX--1'],
    ['a non-numeric id', () => 'DE--abc'],
    ['id zero', () => 'DE--0'],
    ['a negative id', () => 'DE---1'],
    ['no separator', () => 'DE1'],
    ['a bare number', () => '1'],
  ])('answers %s with 404/402', async (_, reference) => {
    const caller = await signedIn();
    await expectNotFound(await getCustomer(reference(), bearer(caller.accessToken)));
  });

  it("answers the caller's own id under another store code with 404/402", async () => {
    const caller = await signedIn();
    await expectNotFound(await getCustomer(`XX--${caller.id}`, bearer(caller.accessToken)));
  });

  it('answers another existing, a non-existent and a garbage reference with byte-identical bodies', async () => {
    const caller = await signedIn();
    const other = await createCustomer();

    const responses = await Promise.all(
      [other.reference, 'DE--999999999', 'XX--1', 'DE--abc'].map((reference) => getCustomer(reference, bearer(caller.accessToken))),
    );

    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual({ errors: [NOT_FOUND] });
  });

  it('answers 403/002 "Missing access token." without a token, for the own and for other references alike', async () => {
    const customer = await createCustomer();
    await expectMissingAccessToken(await getCustomer(customer.reference));
    await expectMissingAccessToken(await getCustomer('DE--999999999'));
  });

  it('answers a bad token with 401/001 before looking at the reference', async () => {
    const customer = await signedIn();
    await expectInvalidAccessToken(await getCustomer(customer.reference, bearer(`${customer.accessToken}x`)));
    await expectInvalidAccessToken(await getCustomer('DE--999999999', bearer('not-a-token')));
  });

  it('answers 401/001 at once after the login is revoked', async () => {
    const customer = await signedIn();
    expect((await getCustomer(customer.reference, bearer(customer.accessToken))).status).toBe(200);

    await revokeCustomerLogins(customer.id, new Date());

    await expectInvalidAccessToken(await getCustomer(customer.reference, bearer(customer.accessToken)));
  });

  it('answers 401/001 once the customer is set inactive or anonymized', async () => {
    const inactive = await signedIn();
    const anonymized = await signedIn();
    await db().update(customers).set({ isActive: false }).where(eq(customers.id, inactive.id));
    await db().update(customers).set({ anonymizedAt: new Date(), email: null }).where(eq(customers.id, anonymized.id));

    await expectInvalidAccessToken(await getCustomer(inactive.reference, bearer(inactive.accessToken)));
    await expectInvalidAccessToken(await getCustomer(anonymized.reference, bearer(anonymized.accessToken)));
  });
});
