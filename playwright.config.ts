import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
// Where e2e/support/serve.mjs leaves the admin API key it made for the HTTP suite (workers inherit it).
process.env.E2E_ADMIN_KEY_FILE ??= path.join(tmpdir(), `shop-e2e-admin-key-${port}`);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  // e2e: the shopper in a browser; http: every route file over HTTP through the typed API client.
  projects: [
    { name: 'e2e', testDir: 'e2e', testMatch: '**/*.spec.ts' },
    { name: 'http', testDir: 'test/http', testMatch: '**/*.spec.ts' },
  ],
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node e2e/support/serve.mjs',
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      // A production start requires AUTH_SECRET; each run gets its own.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
      // Per-IP limits are lifted (every test comes from 127.0.0.1); per-account limits stay.
      RATE_LIMIT_SIGNUPS_PER_IP: '100000',
      RATE_LIMIT_EMAILS_PER_IP: '100000',
      RATE_LIMIT_LOGIN_FAILURES_PER_IP: '100000',
      // The shop key of SCAYLE's examples.
      SHOP_KEY: 'ms',
    },
  },
});
