// Lint: the TypeScript rules everyone expects, and the layering of ARCHITECTURE.md as import
// rules, so an arrow that runs back up the layers fails `npm test`. Formatting is prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make, each with why (no-restricted-imports patterns, gitignore-style). */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const CORE_ONLY = [
  [
    '**/app/**',
    '**/store/**',
    '**/platform/**',
    '**/local/**',
    '**/functions/**',
    '**/cloud/**',
    '**/testing/harness',
    '**/miniprogram/**',
  ],
  'core is the pure domain: it imports nothing but core (and dayjs)',
];
const NO_IO = [
  ['wx-server-sdk', 'better-sqlite3', 'node:*', 'fs', 'path', 'zod', '@tarojs/*', 'mobx*', 'react*'],
  'core does no I/O and knows no framework',
];
const NO_EDGES = [
  ['**/local/**', '**/cloud/entry', '**/functions/**', '**/testing/harness', '**/testing/modelCheck'],
  'the runtime, the cloud root and the test harness sit at the edges: nothing inside imports them',
];
const NO_ADAPTERS = [
  ['**/store/sqlite/**', '**/store/wxcloud/**', '**/store/testing/**', '**/platform/local/**', '**/platform/cloud/**'],
  'use cases see the Store port and the platform ports, never an adapter',
];
const CONTRACT_LEAF = [
  ['**/app/**', '**/store/**', '**/platform/**', '**/local/**', '**/functions/**', '**/cloud/**', '**/testing/**', 'zod'],
  'the contract is a leaf: it says the shapes the app answers, importing only core',
];
const NO_APP = [['**/app/**', '../../app', '../app'], 'adapters serve the app through its ports: they do not import it'];
const NO_GATEWAY = [['**/gateway', '**/gateway/**'], 'pages and components reach the cloud through stores, which receive the Gateway'];
const NO_USE_CASES_IN_APP = [
  ['**/cloudfunctions/app/**', '**/cloudfunctions/store/**', '**/cloudfunctions/platform/**', '**/cloudfunctions/local/**'],
  'the mini-program imports the contract (cloudfunctions/contract) and core, nothing else of the cloud functions',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**', 'scripts/stubs/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names fail `tsc` already (noUnusedLocals); a rest sibling that drops a field is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `any` stays out of the product, not out of tests that hold untyped answers.
      '@typescript-eslint/no-explicit-any': 'error',
      // `x != null` (neither null nor undefined) is the one loose comparison kept.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.typecheck.ts', 'tests/**', 'bench/**', 'scripts/**', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  { files: ['cloudfunctions/local/**', 'cloudfunctions/cloud/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The layers (ARCHITECTURE.md): core imports nothing; the app only ports; adapters not the app; pages not the gateway.
  { files: ['cloudfunctions/core/**/*.ts'], ignores: ['**/*.test.ts', 'cloudfunctions/core/testing/**'], rules: forbid(CORE_ONLY, NO_IO) },
  { files: ['cloudfunctions/contract/**/*.ts'], rules: forbid(CONTRACT_LEAF) },
  { files: ['cloudfunctions/app/**/*.ts'], ignores: ['**/*.test.ts', '**/*.typecheck.ts'], rules: forbid(NO_EDGES, NO_ADAPTERS) },
  {
    files: ['cloudfunctions/store/**/*.ts', 'cloudfunctions/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(NO_APP, NO_EDGES),
  },
  {
    files: ['miniprogram/pages/**', 'miniprogram/packages/**', 'miniprogram/components/**'],
    rules: forbid(NO_GATEWAY, NO_USE_CASES_IN_APP),
  },
  { files: ['miniprogram/stores/**'], ignores: ['**/*.test.ts', 'miniprogram/stores/testing/**'], rules: forbid(NO_USE_CASES_IN_APP) },
);
