/** One jest run, several projects: pure and store tests are fast; http, weapp and e2e need the build. */
const ts = [
  'ts-jest',
  { tsconfig: { module: 'commonjs', jsx: 'react-jsx', esModuleInterop: true, resolveJsonModule: true, isolatedModules: true } },
];
const base = { transform: { '^.+\\.tsx?$': ts }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'core', testMatch: ['<rootDir>/cloudfunctions/core/**/*.test.ts'] },
    { ...base, displayName: 'store', testMatch: ['<rootDir>/cloudfunctions/store/**/*.test.ts'] },
    {
      ...base,
      displayName: 'app',
      testMatch: [
        '<rootDir>/cloudfunctions/app/**/*.test.ts',
        '<rootDir>/cloudfunctions/local/**/*.test.ts',
        '<rootDir>/cloudfunctions/platform/**/*.test.ts',
        '<rootDir>/miniprogram/**/*.test.ts',
        '<rootDir>/tests/lint/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'http',
      testMatch: ['<rootDir>/tests/http/**/*.test.ts', '<rootDir>/tests/functions/**/*.test.ts', '<rootDir>/tests/deploy/**/*.test.ts'],
    },
    // The same bundles again, with what Node 16 (the oldest cloud runtime) lacks taken away.
    {
      ...base,
      displayName: 'node16',
      testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/node16Globals.ts'],
    },
    {
      ...base,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/tests/support/nodeTextCodecs.ts'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
