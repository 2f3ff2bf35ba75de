import { describe, expect, it } from 'vitest';
import { adminPrincipal } from '@/app/_domain/auth/principal';
import { findSubscription, setProduct, subscribe } from '@/app/_domain/notifications/service';
import { setupTestDatabase } from '@/test/support/database';
import { unsubscribeAction } from './actions';

setupTestDatabase();

const context = { clientIp: '198.51.100.8' };

function form(key: string): FormData {
  const data = new FormData();
  data.set('key', key);
  return data;
}

describe('unsubscribeAction (the button of the link in the confirmation email)', () => {
  it('deletes the subscription, says what ended, and the key works once', async () => {
    await setProduct(adminPrincipal(1), 'UNSUB-1', { name: 'Wool socks', isAvailable: false });
    const { key } = await subscribe(null, { email: 'guest@example.com', sku: 'UNSUB-1' }, context);

    await expect(unsubscribeAction({ status: 'idle' }, form(key))).resolves.toEqual({ status: 'done', productName: 'Wool socks', email: 'guest@example.com' });
    expect(await findSubscription({ key })).toBeNull();
    await expect(unsubscribeAction({ status: 'idle' }, form(key))).resolves.toEqual({ status: 'invalid' });
  });

  it.each([[form('')], [form('0'.repeat(32))], [form('x'.repeat(500))], [null], ['key'], [{ key: 'forged' }]])(
    'answers an unknown, malformed or forged key %# with "invalid", never a crash',
    async (argument) => {
      await expect(unsubscribeAction(undefined, argument)).resolves.toEqual({ status: 'invalid' });
    },
  );
});
