// Mutation testing of packages/legal-time against its own tests (docs/testing.md).
import { shared } from './shared.mjs';

export default {
  ...shared,
  mutate: ['packages/legal-time/src/**/*.ts', '!packages/legal-time/src/index.ts'],
  jest: {
    projectType: 'custom',
    configFile: 'stryker/jest.config.mjs',
    config: { testMatch: ['<rootDir>/packages/legal-time/test/**/*.test.ts'] },
    enableFindRelatedTests: false,
  },
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/legal-time.incremental.json',
  htmlReporter: { fileName: 'reports/mutation/legal-time.html' },
  jsonReporter: { fileName: 'reports/mutation/legal-time.json' },
};
