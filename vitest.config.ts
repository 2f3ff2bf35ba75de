import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      // 'server-only' throws outside React Server Components; under Node tests it is a no-op.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, 'test/support/empty-module.ts') },
    ],
  },
  test: {
    include: ['app/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // next-auth imports 'next/server' without an extension; bundling it lets Vite resolve that.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // Lift per-IP limits for the suite; tests of the limits set them explicitly.
      RATE_LIMIT_SIGNUPS_PER_IP: '100000',
      RATE_LIMIT_EMAILS_PER_IP: '100000',
      RATE_LIMIT_LOGIN_FAILURES_PER_IP: '100000',
      APP_URL: 'https://shop.example.test',
      STORE_CODE: 'DE',
      // A fixed secret for signing access tokens (otherwise one is generated into .data/).
      AUTH_SECRET: 'test-only-auth-secret-0123456789abcdefghijklmnop',
    },
  },
});
