// What both mutation runs share (docs/testing.md). Run outside CI: a full run takes tens of
// minutes on the 2-core machine.

/** @type {Partial<import('@stryker-mutator/api/core').PartialStrykerOptions>} */
export const shared = {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner', './stryker/ignoreProse.mjs', './stryker/mutantLog.mjs'],
  ignorers: ['prose'],
  // Jest runs our ES modules only with vm modules (docs/toolchain.md).
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  // The machine is shared: one or two test processes, never one per core.
  concurrency: 2,
  // A mutant that loops forever is cut off after its tests' time x 1.5 + 10 s (not Jest's 30 s); less
  // than 10 s counted slow runs on the loaded machine as timeouts, i.e. as killed.
  timeoutMS: 10_000,
  // The sandbox copy holds only what the two packages' tests load.
  ignorePatterns: [
    '/apps',
    '/docs',
    '/bench',
    '/packages/client',
    '/packages/*/bench',
    '/scripts',
    'dist',
    'coverage',
    '.data',
    'reports',
  ],
  tempDirName: '.stryker-tmp',
  // Only the mutated sources get a @ts-nocheck header (the default also tried .d.mts files).
  disableTypeChecks: 'packages/*/src/**/*.ts',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'html', 'json', 'mutant-log'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};
