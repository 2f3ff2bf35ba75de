import { parseArgs } from 'node:util';
import { MAX_ADDRESSES_PER_CUSTOMER, MAX_SEED_CUSTOMERS, seedLarge } from './seed-large';

// npm run db:seed-large -- --customers 1000000 --addresses-per-customer 2
const usage = 'Usage: npm run db:seed-large -- [--customers 1000000] [--addresses-per-customer 2] [--batch-size 50000]';

function integerOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)}).\n${usage}`);
    process.exit(1);
  }
  return n;
}

let values: { customers: string; 'addresses-per-customer': string; 'batch-size': string };
try {
  ({ values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000000' },
      'addresses-per-customer': { type: 'string', default: '2' },
      'batch-size': { type: 'string', default: '50000' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(1);
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'db:seed-large needs PostgreSQL: set DATABASE_URL (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop).\n' +
      'The embedded PGlite database is not supported: it has no COPY FROM STDIN and is too slow for a million customers.',
  );
  process.exit(1);
}

const result = await seedLarge(url, {
  customers: integerOption('customers', values.customers, 1, MAX_SEED_CUSTOMERS),
  addressesPerCustomer: integerOption('addresses-per-customer', values['addresses-per-customer'], 0, MAX_ADDRESSES_PER_CUSTOMER),
  batchSize: integerOption('batch-size', values['batch-size'], 1, 1_000_000),
  onProgress: (msg) => console.log(msg),
});
console.log(`Seeded ${result.customers} customers (emails seed-${result.run}-<n>@example.com) in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
