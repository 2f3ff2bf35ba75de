import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/db/client';
import {
  countSubscribers,
  countSubscriptionsOfAddress,
  deleteSubscriptionByKey,
  insertRestock,
  insertSubscription,
  selectProduct,
  selectSubscriptionByKey,
  selectSubscriptionsOfCustomer,
  upsertProductLocked,
} from '@/db/queries/availability';
import { assertActsFor, type AdminPrincipal, type CustomerPrincipal } from '../auth/principal';
import { enqueueEmail } from '../email/outbox';
import { productPageUrl, subscriptionConfirmedEmail } from '../email/templates';
import { consumeRateLimit } from '../rate-limit/service';
import { maxSubscriptionsPerAddress } from '../shared/config';
import { nowOf, type RequestContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { kickRestockFanOut } from './fan-out';
import { productSchema, SKU_PATTERN, subscriptionKeySchema, subscriptionSchema } from './schema';

/**
 * Back-in-stock notifications.
 * - Anyone may subscribe an address to a product the catalog knows (`productNotFound` otherwise);
 *   a signed-in shopper's subscription is linked to the account. One subscription per address and
 *   product (case-insensitive, the unique index decides: `subscriptionExists`), at most
 *   MAX_SUBSCRIPTIONS_PER_ADDRESS per address. Each subscription mails a confirmation with an
 *   unsubscribe link, so requests are limited per client IP and per address first.
 * - The key (128 random bits) is the subscription's id and the secret of its unsubscribe link.
 * - When the catalog turns a product available, one restock row is written with the product, in
 *   the transaction that locked the product row: of concurrent or repeated updates exactly one sees
 *   the change. The fan-out (fan-out.ts) then moves each subscriber to the outbox, deleting the
 *   subscription in the same statement: one notice per subscriber, delivered whenever the
 *   provider is up.
 */

export type SubscriptionView = {
  key: string;
  sku: string;
  email: string;
  localeName: string;
  productName: string;
  productUrl: string;
  isAvailable: boolean;
  createdAt: Date;
};

export type ProductView = { sku: string; name: string; isAvailable: boolean; url: string | null; pageUrl: string; subscriberCount: number };

type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof selectSubscriptionByKey>>>;

function toView(row: SubscriptionRow): SubscriptionView {
  return {
    key: row.key,
    sku: row.sku,
    email: row.email,
    localeName: row.localeName,
    productName: row.productName,
    productUrl: productPageUrl({ sku: row.sku, url: row.productUrl }),
    isAvailable: row.isAvailable,
    createdAt: row.createdAt,
  };
}

function newSubscriptionKey(): string {
  return randomBytes(16).toString('hex');
}

/** POST /availability-notifications and the product page's form; `principal` when signed in. */
export async function subscribe(principal: CustomerPrincipal | null, input: unknown, context: RequestContext): Promise<SubscriptionView> {
  const now = nowOf(context);
  await consumeRateLimit('emailsPerIp', context.clientIp, now);
  const { email, sku } = parseInput(subscriptionSchema, input);
  await consumeRateLimit('emailsPerAddress', email, now);
  const product = await selectProduct(getDb(), sku);
  if (!product) throw new DomainError('productNotFound');
  return getDb().transaction(async (tx) => {
    if ((await countSubscriptionsOfAddress(tx, email)) >= maxSubscriptionsPerAddress()) throw new DomainError('subscriptionLimitReached');
    const key = newSubscriptionKey();
    const row = await insertSubscription(tx, { key, sku, email, customerId: principal?.customerId ?? null, createdAt: now });
    if (!row) throw new DomainError('subscriptionExists');
    await enqueueEmail(tx, row.customerId, subscriptionConfirmedEmail({ email }, product, key));
    return toView({ ...row, productName: product.name, productUrl: product.url, isAvailable: product.isAvailable });
  });
}

/** DELETE /availability-notifications/{key} and the unsubscribe link: the key is the proof. */
export async function unsubscribe(input: unknown): Promise<void> {
  const { key } = parseInput(subscriptionKeySchema, input);
  if (!(await deleteSubscriptionByKey(getDb(), key))) throw new DomainError('subscriptionNotFound');
}

/** The account page's button: only the shopper's own subscriptions. */
export async function unsubscribeOwn(principal: CustomerPrincipal, customerId: number | null, input: unknown): Promise<void> {
  const { key } = parseInput(subscriptionKeySchema, input);
  assertActsFor(principal, customerId, 'subscriptionForbidden');
  if (!(await deleteSubscriptionByKey(getDb(), key, customerId))) throw new DomainError('subscriptionNotFound');
}

/** The subscription a link's key names (the unsubscribe page asks before it deletes), or null. */
export async function findSubscription(input: unknown): Promise<SubscriptionView | null> {
  const { key } = parseInput(subscriptionKeySchema, input);
  const row = await selectSubscriptionByKey(getDb(), key);
  return row ? toView(row) : null;
}

/** GET /customers/{ref}/availability-notifications, /my-availability-notifications and the account page. */
export async function listSubscriptions(principal: CustomerPrincipal, customerId: number | null): Promise<SubscriptionView[]> {
  assertActsFor(principal, customerId, 'subscriptionForbidden');
  return (await selectSubscriptionsOfCustomer(getDb(), customerId)).map(toView);
}

async function productView(sku: string): Promise<ProductView> {
  const db = getDb();
  const product = SKU_PATTERN.test(sku) ? await selectProduct(db, sku) : undefined;
  if (!product) throw new DomainError('productNotFound');
  return { sku: product.sku, name: product.name, isAvailable: product.isAvailable, url: product.url, pageUrl: productPageUrl(product), subscriberCount: await countSubscribers(db, sku) };
}

/** The product page (anyone) and GET /admin/v1/products/{sku}. */
export async function getProduct(sku: string): Promise<ProductView> {
  return productView(sku);
}

/** PUT /admin/v1/products/{sku}: creates or updates the product; its return to stock starts the notices. */
export async function setProduct(_principal: AdminPrincipal, sku: string, input: unknown, context: Pick<RequestContext, 'now'> = {}): Promise<ProductView> {
  const now = nowOf(context);
  if (!SKU_PATTERN.test(sku)) throw new DomainError('validation', { fields: [{ field: 'sku', code: 'invalid' }] });
  const data = parseInput(productSchema, input);
  const restocked = await getDb().transaction(async (tx) => {
    const { product, wasAvailable } = await upsertProductLocked(tx, { sku, name: data.name, isAvailable: data.isAvailable, url: data.url }, now);
    const turnedAvailable = wasAvailable === false && product.isAvailable;
    if (turnedAvailable) await insertRestock(tx, sku, now);
    return turnedAvailable;
  });
  // The answer first (it counts the subscribers the product came back to), then the fan-out.
  const view = await productView(sku);
  if (restocked) kickRestockFanOut();
  return view;
}
