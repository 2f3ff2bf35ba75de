import { openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { DEMO_SHOPPER, seedDemoShopper } from './seed';

const handle = openDatabase();
await migrateDatabase(handle);
await seedDemoShopper(handle.db);
await handle.close();
console.log(`Demo shopper ready: ${DEMO_SHOPPER.email} / ${DEMO_SHOPPER.password}`);
