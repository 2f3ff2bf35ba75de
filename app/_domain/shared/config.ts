/**
 * Runtime configuration, read from the environment at call time (so operators and test suites
 * can tune it without a rebuild). Every variable is documented in the README.
 */
function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function appUrl(): string {
  return (process.env.APP_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

export function storeCode(): string {
  return (process.env.STORE_CODE || 'DE').toUpperCase();
}

export type LimitName = 'signupsPerIp' | 'loginFailures' | 'loginFailuresPerIp' | 'emailsPerAddress' | 'emailsPerIp' | 'emailsPerAccount';

const limits: Record<LimitName, { variable: string; max: number; windowSeconds: number }> = {
  signupsPerIp: { variable: 'RATE_LIMIT_SIGNUPS_PER_IP', max: 20, windowSeconds: 3600 },
  loginFailures: { variable: 'RATE_LIMIT_LOGIN_FAILURES', max: 10, windowSeconds: 900 },
  loginFailuresPerIp: { variable: 'RATE_LIMIT_LOGIN_FAILURES_PER_IP', max: 100, windowSeconds: 900 },
  emailsPerAddress: { variable: 'RATE_LIMIT_EMAILS_PER_ADDRESS', max: 5, windowSeconds: 3600 },
  emailsPerIp: { variable: 'RATE_LIMIT_EMAILS_PER_IP', max: 30, windowSeconds: 3600 },
  emailsPerAccount: { variable: 'RATE_LIMIT_EMAILS_PER_ACCOUNT', max: 10, windowSeconds: 3600 },
};

export function rateLimit(name: LimitName): { max: number; windowSeconds: number } {
  const { variable, max, windowSeconds } = limits[name];
  return { max: integer(variable, max), windowSeconds };
}

/** How many addresses one customer's address book may hold. */
export function maxAddressesPerCustomer(): number {
  return integer('MAX_ADDRESSES_PER_CUSTOMER', 100);
}

/** How many back-in-stock subscriptions one email address may hold. */
export function maxSubscriptionsPerAddress(): number {
  return integer('MAX_SUBSCRIPTIONS_PER_ADDRESS', 100);
}

export function accessTokenTtlSeconds(): number {
  return integer('ACCESS_TOKEN_TTL', 28_800);
}

export function refreshTokenTtlSeconds(): number {
  return integer('REFRESH_TOKEN_TTL', 2_592_000);
}

/** The shop's own password check for customers imported with hashingType `external`; unset = they cannot sign in. */
export function externalPasswordCheckUrl(): string | undefined {
  return process.env.EXTERNAL_PASSWORD_CHECK_URL || undefined;
}

/** How long a sign-in waits for that check before it counts as failed. */
export function externalPasswordCheckTimeoutMs(): number {
  return integer('EXTERNAL_PASSWORD_CHECK_TIMEOUT_MS', 3000);
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM || 'Shop <no-reply@example.com>';
}

export function resendApiKey(): string | undefined {
  return process.env.RESEND_API_KEY || undefined;
}

/**
 * The development mailbox (`/dev/mailbox`, unauthenticated, shows every key): on only when
 * NODE_ENV is `development` or `test`, or with DEV_MAILBOX=1 — never on a staging or other build.
 */
export function devMailboxEnabled(): boolean {
  const env = process.env.NODE_ENV;
  return env === 'development' || env === 'test' || process.env.DEV_MAILBOX === '1';
}

/** The admin API's shop key (the `{shopKey}` of its paths). */
export function shopKey(): string {
  return process.env.SHOP_KEY || 'shop';
}

/**
 * The countries the shop ships to (`SHIP_TO_COUNTRIES`: comma-separated ISO alpha-2 codes, in the
 * order the address form lists them). Only these can be chosen in the shopper's address form; the
 * storefront and admin APIs accept every country.
 */
export function shipToCountries(): string[] {
  const raw = process.env.SHIP_TO_COUNTRIES;
  if (raw === undefined || raw.trim() === '') return ['DE', 'AT', 'CH', 'NL', 'BE', 'FR', 'GB', 'US'];
  const codes = raw.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
  const bad = codes.find((code) => !/^[A-Z]{2}$/.test(code));
  if (bad !== undefined || codes.length === 0) throw new Error(`SHIP_TO_COUNTRIES must be comma-separated ISO alpha-2 codes, got "${raw}"`);
  return [...new Set(codes)];
}
