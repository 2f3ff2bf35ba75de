import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { selectCustomerByEmail } from '@/db/queries/customers';
import { setupTestDatabase } from '@/test/support/database';
import { registerCustomer } from './registration';

setupTestDatabase();

const valid = {
  salutation: 'Ms',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'Ada@Example.com',
  password: 'analytical-engine',
  confirmPassword: 'analytical-engine',
  acceptedTerms: true,
};

describe('registerCustomer', () => {
  it('creates an unconfirmed customer with an argon2id hash', async () => {
    const view = await registerCustomer(valid, { clientIp: '203.0.113.1' });
    expect(view.reference).toMatch(/^DE--\d+$/);
    expect(view.isConfirmed).toBe(false);
    const row = await selectCustomerByEmail(getDb(), 'ada@example.com');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
