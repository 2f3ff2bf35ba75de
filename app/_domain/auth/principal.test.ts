import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '@/db/schema';
import { customerPrincipal } from './principal';

describe('customerPrincipal', () => {
  it('carries the row its login check read, but never shows it when logged or compared', () => {
    const row = { id: 7, email: 'a@example.com', passwordHash: '$argon2id$secret' } as unknown as CustomerRow;
    const principal = customerPrincipal(7, { familyId: 'f' }, row);
    expect(principal.snapshot).toBe(row);
    expect(JSON.stringify(principal)).not.toContain('argon2id');
    expect(principal).toEqual({ kind: 'customer', customerId: 7, familyId: 'f' });
    expect(customerPrincipal(7, { familyId: 'f' }).snapshot).toBeUndefined();
  });
});
