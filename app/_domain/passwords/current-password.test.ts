import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupTestDatabase } from '@/test/support/database';
import { customerPrincipal } from '../auth/principal';
import { authenticate } from '../auth/authenticate';
import { registerCustomer } from '../customers/registration';
import { DomainError } from '../shared/errors';
import { changePassword } from './change';
import { getDb } from '@/db/client';
import { selectCustomerByEmail, updateCustomerConfirmed } from '@/db/queries/customers';

setupTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const password = 'the-right-password';

async function customer(email: string) {
  await registerCustomer(
    { salutation: 'Ms', firstName: 'Guess', lastName: 'Proof', email, password, confirmPassword: password, acceptedTerms: true },
    { clientIp: '198.51.100.20' },
  );
  const row = await selectCustomerByEmail(getDb(), email);
  await updateCustomerConfirmed(getDb(), row!.id, new Date());
  return customerPrincipal(row!.id);
}

function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
}

describe('checking the current password', () => {
  it('counts wrong guesses toward the account lock, which then refuses even the right password and sign-in', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '2');
    const email = 'Guess.Proof@Example.com';
    const actor = await customer(email);
    const change = (current: string) =>
      codeOf(changePassword(actor, actor.customerId, { password: current, newPassword: 'a-new-password', confirmPassword: 'a-new-password' }));

    expect(await change('wrong-1')).toBe('invalidPassword');
    expect(await change('wrong-2')).toBe('invalidPassword');
    expect(await change(password)).toBe('rateLimited');
    expect(await codeOf(authenticate({ username: email.toLowerCase(), password }, { clientIp: '198.51.100.21' }))).toBe('rateLimited');
  });

  it('lets the right password through below the limit', async () => {
    vi.stubEnv('RATE_LIMIT_LOGIN_FAILURES', '2');
    const actor = await customer('below.limit@example.com');
    const change = (current: string) =>
      codeOf(changePassword(actor, actor.customerId, { password: current, newPassword: 'a-new-password', confirmPassword: 'a-new-password' }));
    expect(await change('wrong-1')).toBe('invalidPassword');
    expect(await change(password)).toBe('ok');
  });
});
