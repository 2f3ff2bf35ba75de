import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/app/_domain/passwords/hashing';
import { getDb } from './client';
import { selectCustomerByEmail } from './queries/customers';
import { DEMO_SHOPPER, seedDemoShopper } from './seed';
import { setupTestDatabase } from '@/test/support/database';

setupTestDatabase();

describe('seedDemoShopper', () => {
  it('creates a confirmed demo shopper whose documented password verifies, once', async () => {
    await seedDemoShopper(getDb());
    await seedDemoShopper(getDb());
    const row = await selectCustomerByEmail(getDb(), DEMO_SHOPPER.email);
    expect(row?.confirmedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(row!.passwordHash!, DEMO_SHOPPER.password)).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, 'wrong-password')).toBe(false);
  });
});
