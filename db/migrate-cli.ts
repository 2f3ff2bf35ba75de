import { openDatabase } from './client';
import { migrateDatabase } from './migrate';

const handle = openDatabase();
await migrateDatabase(handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
