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
    ignores: ['app/_domain/**', '**/*.test.ts', 'app/_lib/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noQueries] }] },
  },
]);
