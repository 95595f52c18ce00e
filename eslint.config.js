// One linter for the workspace. Besides the recommended rules it enforces package boundaries:
// packages talk only through their public entry ("@pulse/db", never "@pulse/db/src/…" or a relative
// path into another package), and the layers point one way: core ← db ← server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const crossPackage = {
  group: ['@pulse/*/*', '**/packages/*/src/**', '**/apps/*/src/**'],
  message: 'Import another package through its entry point, e.g. "@pulse/db".',
};

const restrict = (...extra) => ({
  'no-restricted-imports': ['error', { patterns: [crossPackage, ...extra] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', '.pulse/', 'test-artifacts/', '**/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['packages/core/src/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict({
      group: [
        '@pulse/db',
        '@pulse/server',
        'pg',
        '@electric-sql/*',
        'fastify',
        'node:fs',
        'node:net',
        'node:http',
        'fs',
      ],
      message:
        '@pulse/core holds types, rules and pure functions: no I/O and no dependency on other packages.',
    }),
  },
  {
    files: ['packages/db/src/**'],
    rules: restrict({
      group: [
        '@pulse/server',
        '@pulse/connectors',
        '@pulse/sync',
        '@pulse/metrics',
        '@pulse/demo',
        'fastify',
      ],
      message: '@pulse/db is the storage layer: it depends on @pulse/core only, nothing above it.',
    }),
  },
  {
    // Metrics read the store; they never reach a source or the API.
    files: ['packages/metrics/src/**'],
    rules: restrict({
      group: ['@pulse/server', '@pulse/connectors', '@pulse/sync', '@pulse/demo', 'fastify'],
      message: '@pulse/metrics depends on @pulse/core and @pulse/db only.',
    }),
  },
  {
    // Connectors extract and map; storing is the sync engine's job, serving the API's.
    files: ['packages/connectors/src/**'],
    rules: restrict({
      group: ['@pulse/server', '@pulse/sync', '@pulse/metrics', '@pulse/db', 'fastify'],
      message: '@pulse/connectors depends on @pulse/core only: sources never touch the store or the API.',
    }),
  },
  {
    files: ['packages/demo/src/**', 'packages/sync/src/**'],
    rules: restrict({
      group: ['@pulse/server', 'fastify'],
      message: 'Library packages must not depend on the server.',
    }),
  },
  {
    // The dashboard runs in the browser and talks to the server over HTTP only.
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        group: ['@pulse/*', '**/packages/**', '**/apps/server/**', 'node:*'],
        message: 'The dashboard reaches Pulse through the HTTP API only (src/lib/api).',
      }),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
