import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminPrincipal } from '@/app/_domain/auth/principal';
import { anonymizeCustomer } from '@/app/_domain/customers/anonymization';
import { exportCustomerData } from '@/app/_domain/customers/export';
import { getDb } from '@/db/client';
import { availabilitySubscriptions } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { createCustomer, domainErrorOf, emailsOfKind, principalOf, uniqueEmail, uniqueIp } from '@/test/support/jsonapi-client';
import { restockFanOutIdle } from './fan-out';
import { findSubscription, getProduct, listSubscriptions, setProduct, subscribe, unsubscribe, unsubscribeOwn } from './service';

/** Back-in-stock subscriptions through the domain: the rules every transport shares. */

setupTestDatabase();

const admin = adminPrincipal(1);
let skuNumber = 0;

async function soldOut(name = 'Trail runner'): Promise<string> {
  skuNumber += 1;
  const sku = `SKU-${skuNumber}-${Date.now()}`;
  await setProduct(admin, sku, { name, isAvailable: false });
  return sku;
}

const context = () => ({ clientIp: uniqueIp() });

beforeAll(() => {
  vi.stubEnv('MAX_SUBSCRIPTIONS_PER_ADDRESS', '3');
});

afterAll(async () => {
  await restockFanOutIdle();
  vi.unstubAllEnvs();
});

describe('subscribe', () => {
  it('subscribes a guest with a 128-bit key and mails a confirmation with the unsubscribe link and the catalog’s name only', async () => {
    const sku = await soldOut('Trail runner <b>GTX</b>');
    const email = uniqueEmail('guest');
    const subscription = await subscribe(null, { email: `  ${email.toUpperCase()} `, sku }, context());
    expect(subscription).toMatchObject({ sku, email: email.toUpperCase(), localeName: 'en_US', productName: 'Trail runner <b>GTX</b>', isAvailable: false });
    expect(subscription.key).toMatch(/^[0-9a-f]{32}$/);
    const [mail] = await emailsOfKind(email.toUpperCase(), 'availability-subscribed');
    expect(mail!.textBody).toContain(`/notifications/unsubscribe?key=${subscription.key}`);
    expect(mail!.htmlBody).not.toContain('<b>GTX</b>');
    const [row] = await getDb().select().from(availabilitySubscriptions).where(eq(availabilitySubscriptions.key, subscription.key));
    expect(row!.customerId).toBeNull();
  });

  it('refuses an unknown product (productNotFound), a second subscription of the address in any case (subscriptionExists) and bad input (validation)', async () => {
    const sku = await soldOut();
    const email = uniqueEmail('twice');
    await subscribe(null, { email, sku }, context());
    expect((await domainErrorOf(subscribe(null, { email: email.toUpperCase(), sku }, context()))).code).toBe('subscriptionExists');
    expect((await domainErrorOf(subscribe(null, { email, sku: 'no-such-sku' }, context()))).code).toBe('productNotFound');
    const invalid = await domainErrorOf(subscribe(null, { email: 'not-an-email', sku: '' }, context()));
    expect(invalid.fields.map((f) => f.field)).toEqual(['email', 'sku']);
  });

  it('holds at most MAX_SUBSCRIPTIONS_PER_ADDRESS subscriptions per address', async () => {
    const email = uniqueEmail('many');
    for (let i = 0; i < 3; i++) await subscribe(null, { email, sku: await soldOut() }, context());
    expect((await domainErrorOf(subscribe(null, { email, sku: await soldOut() }, context()))).code).toBe('subscriptionLimitReached');
  });

  it('links a signed-in shopper’s subscription to the account; others cannot list it', async () => {
    const shopper = await createCustomer();
    const other = await createCustomer();
    const sku = await soldOut('Rain jacket');
    const subscription = await subscribe(principalOf(shopper), { email: shopper.email, sku }, context());
    expect((await listSubscriptions(principalOf(shopper), shopper.id)).map((s) => s.key)).toEqual([subscription.key]);
    expect(await listSubscriptions(principalOf(other), other.id)).toEqual([]);
    expect((await domainErrorOf(listSubscriptions(principalOf(other), shopper.id))).code).toBe('subscriptionForbidden');
    expect((await domainErrorOf(listSubscriptions(principalOf(other), null))).code).toBe('subscriptionForbidden');
    expect((await getProduct(sku)).subscriberCount).toBe(1);
  });
});

describe('unsubscribe', () => {
  it('ends a subscription by its key once; unknown keys are subscriptionNotFound', async () => {
    const sku = await soldOut();
    const { key } = await subscribe(null, { email: uniqueEmail('bye'), sku }, context());
    expect(await findSubscription({ key })).toMatchObject({ key, sku });
    await unsubscribe({ key });
    expect(await findSubscription({ key })).toBeNull();
    expect((await domainErrorOf(unsubscribe({ key }))).code).toBe('subscriptionNotFound');
    expect((await domainErrorOf(unsubscribe({ key: '' }))).code).toBe('validation');
  });

  it('the account page ends only the shopper’s own subscriptions', async () => {
    const shopper = await createCustomer();
    const other = await createCustomer();
    const guest = await subscribe(null, { email: uniqueEmail('guest'), sku: await soldOut() }, context());
    const own = await subscribe(principalOf(shopper), { email: shopper.email, sku: await soldOut() }, context());
    expect((await domainErrorOf(unsubscribeOwn(principalOf(shopper), shopper.id, { key: guest.key }))).code).toBe('subscriptionNotFound');
    expect((await domainErrorOf(unsubscribeOwn(principalOf(other), shopper.id, { key: own.key }))).code).toBe('subscriptionForbidden');
    await unsubscribeOwn(principalOf(shopper), shopper.id, { key: own.key });
    expect(await listSubscriptions(principalOf(shopper), shopper.id)).toEqual([]);
    expect(await findSubscription({ key: guest.key })).not.toBeNull();
  });
});

describe('privacy', () => {
  it('the data export lists the subscriptions (without their keys); anonymization deletes them, those made as a guest for the address too', async () => {
    const shopper = await createCustomer();
    const linked = await subscribe(principalOf(shopper), { email: shopper.email, sku: await soldOut('Boots') }, context());
    const asGuest = await subscribe(null, { email: shopper.email.toUpperCase(), sku: await soldOut('Socks') }, context());
    const stranger = await subscribe(null, { email: uniqueEmail('stranger'), sku: await soldOut() }, context());
    const exported = await exportCustomerData(principalOf(shopper), shopper.id);
    expect(exported.subscriptions).toEqual([expect.objectContaining({ sku: linked.sku, productName: 'Boots', email: shopper.email })]);
    expect(JSON.stringify(exported)).not.toContain(linked.key);

    await anonymizeCustomer(principalOf(shopper), shopper.id);
    expect(await findSubscription({ key: linked.key })).toBeNull();
    expect(await findSubscription({ key: asGuest.key })).toBeNull();
    expect(await findSubscription({ key: stranger.key })).not.toBeNull();
  });
});

describe('products', () => {
  it('creates and updates a product; an unknown or malformed sku is productNotFound, a bad body is validation', async () => {
    const sku = `P-${Date.now()}`;
    expect(await setProduct(admin, sku, { name: ' Cap ', isAvailable: true, url: 'https://catalog.example/cap' })).toMatchObject({
      sku,
      name: 'Cap',
      isAvailable: true,
      url: 'https://catalog.example/cap',
      pageUrl: 'https://catalog.example/cap',
      subscriberCount: 0,
    });
    expect((await setProduct(admin, sku, { name: 'Cap', isAvailable: false })).url).toBeNull();
    expect((await getProduct(sku)).pageUrl).toMatch(new RegExp(`/products/${sku}$`));
    expect((await domainErrorOf(getProduct('nope'))).code).toBe('productNotFound');
    expect((await domainErrorOf(getProduct('../x'))).code).toBe('productNotFound');
    const invalid = await domainErrorOf(setProduct(admin, sku, { name: '', isAvailable: 'yes', url: 'javascript:alert(1)' }));
    expect(invalid.fields.map((f) => f.field)).toEqual(['name', 'isAvailable', 'url']);
    expect((await domainErrorOf(setProduct(admin, 'bad sku', { name: 'x', isAvailable: true }))).code).toBe('validation');
  });
});
