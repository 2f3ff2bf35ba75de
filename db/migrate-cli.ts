import { embeddedDatabaseBusy, openDatabase } from './client';
import { migrateDatabase } from './migrate';

// Embedded PGlite allows one process per data folder: not while the app holds it.
const busy = embeddedDatabaseBusy();
if (busy) {
  console.error(busy);
  process.exit(1);
}

const handle = openDatabase();
await migrateDatabase(handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
