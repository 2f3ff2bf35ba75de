import { randomBytes } from 'node:crypto';
import type { Executor } from './client';
import { insertCustomer } from './queries/customers';

/** The demo shopper of the README (development only; a production start never seeds). */
export const DEMO_SHOPPER = { email: 'shopper@example.com', password: 'Shopper-Demo-2026' } as const;

// argon2id (m=19456, t=2, p=1) of DEMO_SHOPPER.password, computed once so seeding needs no hashing.
const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Fr1kmN+8RAWEY83xzA+bcA$Rf3Ae/Z8xmsNK2VL+7xlR3bzJG1D7/Vmk4gwefW3KlM';

/** Inserts the confirmed demo shopper unless the address is already registered. */
export async function seedDemoShopper(db: Executor): Promise<void> {
  await insertCustomer(db, {
    publicKey: randomBytes(6).toString('hex').toUpperCase(),
    salutation: 'Ms',
    firstName: 'Demo',
    lastName: 'Shopper',
    email: DEMO_SHOPPER.email,
    passwordHash: DEMO_PASSWORD_HASH,
    passwordHashType: 'argon2id',
    confirmedAt: new Date(),
  });
}
