import { beforeEach, describe, expect, it, vi } from 'vitest';
import { currentPrincipal } from '@/app/_auth/current';
import { adminPrincipal, customerPrincipal } from '@/app/_domain/auth/principal';
import { findSubscription, listSubscriptions, setProduct } from '@/app/_domain/notifications/service';
import { getDb } from '@/db/client';
import { selectRecentEmails } from '@/db/queries/email-outbox';
import { insertCustomer } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { initialFormState } from '@/app/_transport/forms/form-values';
import { subscribeAction } from './actions';

vi.mock('@/app/_auth/current', () => ({ currentPrincipal: vi.fn(async () => null) }));
vi.mock('@/app/_transport/forms/action-context', () => ({ actionContext: async () => ({ clientIp: '198.51.100.7' }) }));

setupTestDatabase();

const SKU = 'NOTIFY-1';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

async function unsubscribeKeyMailedTo(email: string): Promise<string> {
  const [mail] = await selectRecentEmails(getDb(), 10, email);
  const link = mail!.textBody.match(/https:\/\/\S+\/notifications\/unsubscribe\?key=\S+/)?.[0];
  return new URL(link!).searchParams.get('key')!;
}

beforeEach(async () => {
  vi.mocked(currentPrincipal).mockResolvedValue(null);
  await setProduct(adminPrincipal(1), SKU, { name: 'Rain jacket', isAvailable: false });
});

describe('subscribeAction (the product page’s notify-me form)', () => {
  it('subscribes a guest, says to which address, and mails a confirmation with the unsubscribe link', async () => {
    const state = await subscribeAction(initialFormState(), form({ email: ' guest@example.com ', sku: SKU }));
    expect(state).toMatchObject({ result: { ok: true, data: { email: 'guest@example.com' } }, values: { email: ' guest@example.com ' } });
    const subscription = await findSubscription({ key: await unsubscribeKeyMailedTo('guest@example.com') });
    expect(subscription).toMatchObject({ sku: SKU, email: 'guest@example.com', productName: 'Rain jacket', isAvailable: false });
  });

  it('links a signed-in shopper’s subscription to the account', async () => {
    const customer = await insertCustomer(getDb(), { publicKey: 'NOTIFYACT1', email: 'member@example.com' });
    const principal = customerPrincipal(customer!.id, { sessionId: 'session' });
    vi.mocked(currentPrincipal).mockResolvedValue(principal);
    const state = await subscribeAction(initialFormState(), form({ email: 'member@example.com', sku: SKU }));
    expect(state.result).toEqual({ ok: true, data: { email: 'member@example.com' } });
    expect((await listSubscriptions(principal, customer!.id)).map((s) => [s.sku, s.email])).toEqual([[SKU, 'member@example.com']]);
  });

  it('puts a bad address next to the field and gives the typed text back for the page re-rendered without JavaScript', async () => {
    const state = await subscribeAction(initialFormState(), form({ email: 'not-an-address', sku: SKU }));
    expect(state).toMatchObject({
      result: { ok: false, fieldErrors: { email: 'Please enter a valid email address, like name@example.com.' } },
      values: { email: 'not-an-address' },
    });
    expect((await subscribeAction(initialFormState(), form({ email: '', sku: SKU }))).result).toEqual({ ok: false, fieldErrors: { email: 'This field is required.' } });
  });

  it('says when the address already follows the product', async () => {
    await subscribeAction(initialFormState(), form({ email: 'twice@example.com', sku: SKU }));
    const state = await subscribeAction(initialFormState(), form({ email: 'TWICE@example.com', sku: SKU }));
    expect(state.result).toEqual({ ok: false, fieldErrors: { email: 'This email address is already on the list for this product.' } });
  });

  it('answers an unknown product with a form-level message', async () => {
    const state = await subscribeAction(initialFormState(), form({ email: 'ghost@example.com', sku: 'NO-SUCH-SKU' }));
    expect(state.result).toEqual({ ok: false, message: 'This product was not found.', fieldErrors: {} });
  });

  it.each([[null], ['email=x'], [{ email: 'forged@example.com', sku: SKU }], [42]])('answers a forged argument %j as empty fields, never a crash', async (argument) => {
    const state = await subscribeAction(undefined, argument);
    expect(state.result?.ok).toBe(false);
    expect(state.values).toEqual({});
  });
});
