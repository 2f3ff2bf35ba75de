/**
 * Runs once when a server instance starts: checks AUTH_SECRET, applies migrations (under an
 * advisory lock), seeds the demo shopper outside production, and starts the email deliverer, the
 * back-in-stock fan-out and the housekeeping timer.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Fails the start with a clear message when production has no AUTH_SECRET.
  const { authSecrets } = await import('./app/_domain/auth/secret');
  authSecrets();
  const { databaseHandle } = await import('./db/client');
  const { migrateDatabase } = await import('./db/migrate');
  await migrateDatabase(databaseHandle());
  if (process.env.NODE_ENV !== 'production') {
    const { seedDemoShopper } = await import('./db/seed');
    await seedDemoShopper(databaseHandle().db);
  }
  const { startEmailDeliverer } = await import('./app/_domain/email/deliverer');
  startEmailDeliverer();
  const { startRestockFanOut } = await import('./app/_domain/notifications/fan-out');
  startRestockFanOut();
  const { startHousekeeping } = await import('./app/_domain/housekeeping');
  startHousekeeping();
}
