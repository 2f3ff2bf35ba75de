import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layer boundaries of the house style: route → domain service → db query.
const noApp = { group: ['@/app/*', '../app/*', '../../app/*'], message: 'components/ and db/ never import app/.' };
const noQueries = {
  group: ['@/db/queries/*', '@/db/client'],
  message: 'Pages, actions and route handlers call domain functions (app/_domain), not the database.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['components/**', 'db/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApp] }] },
  },
  {
    files: ['app/**'],
    ignores: ['app/_domain/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noQueries] }] },
  },
  {
    // A CLI is a process of its own: like instrumentation.ts it opens and migrates the database
    // (db/client, db/migrate), but it reads and writes through the domain, never db/queries.
    files: ['app/_transport/cli/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/queries/*'], message: 'A CLI reads and writes through the domain (app/_domain), not db/queries.' }] }] },
  },
  {
    // Playwright fixtures call their parameter `use`, which is not React's hook.
    files: ['test/http/**', 'e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The domain speaks domain: no transport, no framework.
    files: ['app/_domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/_transport/*', '@/app/_auth/*', 'next', 'next/*', 'next-auth', 'next-auth/*'], message: 'The domain never imports a transport or the framework.' },
          ],
        },
      ],
    },
  },
  {
    // One transport never reaches into another's codecs (shared HTTP helpers live in _transport/http).
    files: ['app/_transport/forms/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/_transport/glue/*'], message: 'Forms do not use the JSON:API transport.' }] }] },
  },
]);
