import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/test/support/database';
import { createSignedInCustomer, domainErrorOf, issueTokens, principalOf, uniqueEmail } from '@/test/support/jsonapi-client';
import { exportCustomerData } from '../customers/export';
import { requestEmailChange } from '../customers/profile';
import { describeDevice, endLogin, endOtherLogins, listLogins } from './logins';
import { resolveBrowserSession, startBrowserSession } from './sessions';
import { createAccessTokens, resolveAccessToken } from './tokens';

setupTestDatabase();

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('the logins a shopper sees', () => {
  it('lists live browser sessions and API logins with their device, marks the current one and hides their ids', async () => {
    const customer = await createSignedInCustomer();
    const here = await startBrowserSession(customer.id, new Date(), FIREFOX);
    await startBrowserSession(customer.id, new Date(), SAFARI);
    await createAccessTokens({ username: customer.email, password: customer.password }, { clientIp: '198.51.100.70', userAgent: 'shop-app/2.1' });

    const { logins, recentSignIns } = await listLogins(principalOf(customer, { sessionId: here }));
    expect(logins.map((l) => [l.kind, l.device, l.current])).toEqual(
      expect.arrayContaining([
        ['browser', 'Firefox 133 on Linux', true],
        ['browser', 'Safari 17 on iOS', false],
        ['api', expect.any(String), false],
      ]),
    );
    expect(logins).toHaveLength(4);
    expect(JSON.stringify(logins)).not.toContain(here);
    expect(JSON.stringify(logins)).not.toContain(customer.familyId);
    expect(recentSignIns.length).toBeGreaterThanOrEqual(4);
  });

  it('ends one login by its handle, and refuses a handle that is not the shopper’s', async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    const here = await startBrowserSession(customer.id, new Date(), FIREFOX);
    const there = await startBrowserSession(customer.id, new Date(), SAFARI);
    const principal = principalOf(customer, { sessionId: here });
    const target = (await listLogins(principal)).logins.find((l) => l.device.startsWith('Safari'))!;

    expect((await domainErrorOf(endLogin(principalOf(other), other.id, target.handle))).code).toBe('forbidden');
    expect((await domainErrorOf(endLogin(principal, other.id, target.handle))).code).toBe('forbidden');
    await endLogin(principal, customer.id, target.handle);
    expect(await resolveBrowserSession(there)).toBeNull();
    expect(await resolveBrowserSession(here)).not.toBeNull();
  });

  it('"sign out everywhere else" ends every other session and API login and voids a pending email change', async () => {
    const customer = await createSignedInCustomer();
    const here = await startBrowserSession(customer.id, new Date(), FIREFOX);
    const there = await startBrowserSession(customer.id, new Date(), SAFARI);
    const api = await issueTokens(customer);
    await requestEmailChange(principalOf(customer, { sessionId: there }), { email: uniqueEmail('attacker'), password: customer.password }, { clientIp: '198.51.100.71' });

    await endOtherLogins(principalOf(customer, { sessionId: here }), customer.id);

    expect(await resolveBrowserSession(here)).not.toBeNull();
    expect(await resolveBrowserSession(there)).toBeNull();
    expect(await resolveAccessToken(api.accessToken)).toBeNull();
    expect(await resolveAccessToken(customer.accessToken)).toBeNull();
    const exported = await exportCustomerData(principalOf(customer, { sessionId: here }), customer.id);
    expect(exported.logins).toHaveLength(1);
  });

  it('names devices from their User-Agent', () => {
    expect(describeDevice(FIREFOX)).toBe('Firefox 133 on Linux');
    expect(describeDevice(null)).toBe('Unknown device');
  });
});

describe('the data export', () => {
  it('holds the profile, addresses, logins and email log, and no secret', async () => {
    const customer = await createSignedInCustomer();
    const data = await exportCustomerData(principalOf(customer), customer.id);
    expect(data.customer).toMatchObject({ customerReference: customer.reference, email: customer.email, firstName: 'Ada' });
    expect(data.emails.map((e) => e.kind)).toContain('confirm-registration');
    const text = JSON.stringify(data);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(customer.refreshToken);
    expect(text).not.toContain('key=');
  });

  it("refuses another customer's data", async () => {
    const customer = await createSignedInCustomer();
    const other = await createSignedInCustomer();
    expect((await domainErrorOf(exportCustomerData(principalOf(customer), other.id))).code).toBe('forbidden');
  });
});
