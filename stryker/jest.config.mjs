// The Jest configuration Stryker runs (docs/testing.md): one flat project with the root
// jest.config.ts's transform and module map, because Stryker's per-test coverage wraps the
// configured test environment, which it cannot do inside `projects`. Each Stryker
// configuration picks its test files with `jest.config.testMatch`.
import { createRequire } from 'node:module';

// Stryker's wrapper resolves the environment by name from the project root, where pnpm does
// not hoist jest-environment-node: name it by path, found the way Jest itself finds it.
let resolveFrom = createRequire(import.meta.url);
for (const pkg of ['jest', '@jest/core', 'jest-config']) resolveFrom = createRequire(resolveFrom.resolve(pkg));
const nodeEnvironment = resolveFrom.resolve('jest-environment-node');

export default {
  rootDir: '..',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', {}] },
  moduleNameMapper: {
    '^@jiefen/legal-time$': '<rootDir>/packages/legal-time/src/index.ts',
    '^@jiefen/flows$': '<rootDir>/packages/flows/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: nodeEnvironment,
  testTimeout: 30_000,
};
