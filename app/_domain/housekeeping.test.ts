import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertCustomerKey } from '@/db/queries/customer-keys';
import { insertCustomer } from '@/db/queries/customers';
import { incrementRateLimit, selectRateLimit } from '@/db/queries/rate-limits';
import { customerKeys } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { deleteExpiredRows } from './housekeeping';

setupTestDatabase();

describe('deleteExpiredRows', () => {
  it('deletes ended rate-limit windows and expired keys, and keeps live ones', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const earlier = new Date(now.getTime() - 60_000);
    const later = new Date(now.getTime() + 60_000);
    await incrementRateLimit(getDb(), 'test:ended', earlier, earlier);
    await incrementRateLimit(getDb(), 'test:live', earlier, later);
    const customer = await insertCustomer(getDb(), { publicKey: 'HOUSEKEEP1', email: 'keep@example.com' });
    await insertCustomerKey(getDb(), { keyHash: 'expired', customerId: customer!.id, purpose: 'reset_password', expiresAt: earlier });
    await insertCustomerKey(getDb(), { keyHash: 'live', customerId: customer!.id, purpose: 'reset_password', expiresAt: later });

    await deleteExpiredRows(now);

    expect(await selectRateLimit(getDb(), 'test:ended')).toBeUndefined();
    expect(await selectRateLimit(getDb(), 'test:live')).toBeDefined();
    const keys = await getDb().select({ keyHash: customerKeys.keyHash }).from(customerKeys);
    expect(keys.map((k) => k.keyHash)).toEqual(['live']);
  });
});
