import type { Config } from 'jest';

// Jest 30 runs our ES modules with NODE_OPTIONS=--experimental-vm-modules (Node 20),
// transformed by SWC; see docs/toolchain.md.
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', {}] },
  moduleNameMapper: {
    '^@jiefen/legal-time$': '<rootDir>/../../packages/legal-time/src/index.ts',
    '^@jiefen/flows$': '<rootDir>/../../packages/flows/src/index.ts',
    '^@jiefen/client$': '<rootDir>/../../packages/client/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'legal-time',
      rootDir: 'packages/legal-time',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
    { ...shared, displayName: 'flows', rootDir: 'packages/flows', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    { ...shared, displayName: 'client', rootDir: 'packages/client', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'api',
      rootDir: 'apps/api',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // One PostgreSQL per run (embedded unless DATABASE_URL is set); each test file migrates its own database.
      globalSetup: '<rootDir>/test/support/globalSetup.mjs',
      globalTeardown: '<rootDir>/test/support/globalTeardown.mjs',
    },
  ],
  testTimeout: 30_000,
};

export default config;
