import { embeddedDatabaseBusy, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { DEMO_SHOPPER, seedDemoShopper } from './seed';

// Embedded PGlite allows one process per data folder: not while the app holds it.
const busy = embeddedDatabaseBusy();
if (busy) {
  console.error(busy);
  process.exit(1);
}

const handle = openDatabase();
await migrateDatabase(handle);
await seedDemoShopper(handle.db);
await handle.close();
console.log(`Demo shopper ready: ${DEMO_SHOPPER.email} / ${DEMO_SHOPPER.password}`);
