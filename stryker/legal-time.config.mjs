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
  htmlReporter: { fileName: 'reports/mutation/legal-time.html' },
  jsonReporter: { fileName: 'reports/mutation/legal-time.json' },
};
