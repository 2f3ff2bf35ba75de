import 'server-only';
import { getDb } from '@/db/client';
import { claimRestock, deleteRestock, moveSubscribersToOutbox, selectProduct } from '@/db/queries/availability';
import { backInStockEmail } from '../email/templates';
import { logUnexpected } from '../shared/log';

/**
 * Moves the subscribers of restocked products to the email outbox, BATCH at a time: each batch is
 * one transaction holding the restock row (FOR UPDATE SKIP LOCKED, so instances share the work
 * without overlap) and one statement that deletes the subscriptions and inserts their notices.
 * A subscriber is therefore told exactly once, whatever runs twice or dies midway; subscriptions
 * made after the product returned wait for its next return.
 */

const BATCH = 1000;

/** Runs until no restock is left (or another instance holds the remaining ones); returns how many notices it queued. */
export async function notifyRestockedSubscribers(): Promise<number> {
  let queued = 0;
  for (;;) {
    const step = await getDb().transaction(async (tx) => {
      const restock = await claimRestock(tx);
      if (!restock) return null;
      const product = await selectProduct(tx, restock.sku);
      const moved = product ? await moveSubscribersToOutbox(tx, restock, backInStockEmail(product), BATCH) : 0;
      if (moved < BATCH) await deleteRestock(tx, restock.id);
      return moved;
    });
    if (step === null) return queued;
    queued += step;
  }
}

const globalKey = Symbol.for('shop-account.restock-fan-out');
type FanOutState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean };
const state = () => ((globalThis as typeof globalThis & { [globalKey]?: FanOutState })[globalKey] ??= {});

async function run(): Promise<void> {
  const s = state();
  if (s.running) {
    s.again = true;
    return s.running;
  }
  s.running = (async () => {
    do {
      s.again = false;
      try {
        await notifyRestockedSubscribers();
      } catch (error) {
        logUnexpected('restock', error);
      }
    } while (s.again);
  })().finally(() => {
    s.running = undefined;
  });
  return s.running;
}

/** Starts the fan-out at once (after a product returned); the poll of `startRestockFanOut` catches anything missed. */
export function kickRestockFanOut(): void {
  void run();
}

/** Polls for restocks every `intervalMs` for the life of the process (started by instrumentation.ts). */
export function startRestockFanOut(intervalMs = 1000): void {
  const s = state();
  if (s.timer) return;
  const tick = async () => {
    await run();
    s.timer = setTimeout(tick, intervalMs);
    s.timer.unref();
  };
  s.timer = setTimeout(tick, intervalMs);
  s.timer.unref();
}

/** Resolves when no fan-out runs in this process (tests wait for the one a product update started). */
export async function restockFanOutIdle(): Promise<void> {
  while (state().running) await state().running;
}
