// Mutation testing of one flow's files against that flow's tests (docs/testing.md):
//   STRYKER_FLOW=judicial-confirmation node_modules/.bin/stryker run stryker/flows.config.mjs
// A flow's machine is built when its module loads, so most of its mutants are "static" and run
// every selected test: one flow with its own tests keeps a run to minutes, where the whole
// flows suite for every flow took hours. The globs hold for the flat layout
// (src/<flowName>.machine.ts) and for one folder per flow (src/flows/<flow-id>/*.ts).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { shared } from './shared.mjs';

/** Each flow: the camel-case name its files and tests start with, and the test files that pin its rules. */
const FLOWS = {
  'judicial-confirmation': { name: 'judicialConfirmation', pins: ['confirmation*.test.ts'] },
  'administrative-mediation': {
    name: 'administrativeMediation',
    pins: ['traffic*.test.ts', 'administrative*.test.ts'],
  },
  'people-mediation': { name: 'peopleMediation', pins: ['peopleMediation*.test.ts'] },
  'delegated-mediation': { name: 'delegatedMediation', pins: ['delegated*.test.ts'] },
  'court-referral': { name: 'courtReferral', pins: ['courtReferral*.test.ts'] },
  petition: { name: 'petition', pins: ['petition*.test.ts'] },
  // The handlers several flows share (appraisal, extensions, withdrawal …), against every machine's tests.
  shared: { name: '*.machine', pins: ['confirmation*.test.ts', 'traffic*.test.ts'] },
};

const flowId = process.env.STRYKER_FLOW ?? 'judicial-confirmation';
const flow = FLOWS[flowId];
if (!flow) throw new Error(`STRYKER_FLOW=${flowId}: not one of ${Object.keys(FLOWS).join(', ')}`);

/** A file-name pattern with `*` (the only wildcard used above) as a regular expression. */
const asRegExp = (pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
const patterns = [`${flow.name}*.test.ts`, ...flow.pins].map(asRegExp);
// STRYKER_ONE_MODULE=1: the test files imported by one entry file, so Jest loads the flows package
// once per mutant instead of once per file (the setup, 2.6 s, dwarfed the tests, 0.5 s). The flows
// tests have no top-level hooks and no module mocks, so they run the same side by side. Loaded
// once, the whole flows suite (583 tests) costs about what one flow's files did, so this mode runs
// every flows test against the flow's mutants: a rule pinned in another file (agreementContents,
// partyCorrection, the centre tests …) counts, as it does for a person changing the flow.
const oneModule = process.env.STRYKER_ONE_MODULE === '1';
// addingAFlow reads docs/ and apps/, which the sandbox does not hold (and it pins no rule of a flow).
const OUTSIDE_THE_SANDBOX = new Set(['addingAFlow.test.ts']);
// STRYKER_OTHER_FLOWS=skip (one module): the files named after another flow are left out — they
// drive only that flow, so they kill none of this flow's mutants but cost time on each (13% of a run
// measured); the shared and cross-flow files stay. A kill they would have made is lost, so the score
// can only read low. For `shared`, every file stays.
const skipOthers = process.env.STRYKER_OTHER_FLOWS === 'skip' && flowId !== 'shared';
const otherFlows = Object.entries(FLOWS)
  .filter(([id]) => skipOthers && id !== flowId && id !== 'shared')
  .flatMap(([, other]) => [`${other.name}*.test.ts`, ...other.pins].map(asRegExp));
const ownOrShared = (file) => patterns.some((p) => p.test(file)) || !otherFlows.some((p) => p.test(file));
const testFiles = readdirSync('packages/flows/test')
  .filter((file) => (oneModule ? file.endsWith('.test.ts') && ownOrShared(file) : patterns.some((p) => p.test(file))))
  .filter((file) => !(oneModule && OUTSIDE_THE_SANDBOX.has(file)))
  .sort();
if (oneModule) {
  mkdirSync('stryker/entries', { recursive: true });
  // Jest's bail stops between test files, and here there is one: after the first failing test the
  // others return at once, so a killed mutant costs the tests up to its first failure (a survivor
  // still runs them all). Test files use the globals, so they pick up the wrapped `it` and `test`.
  const FAIL_FAST = `const bailed = { failed: false };
const failFast = (fn) =>
  function (...args) {
    if (bailed.failed) return undefined;
    const fail = (error) => {
      bailed.failed = true;
      throw error;
    };
    try {
      const result = fn.apply(this, args);
      return result && typeof result.then === 'function' ? result.then(undefined, fail) : result;
    } catch (error) {
      return fail(error);
    }
  };
const realIt = globalThis.it;
const wrapped = Object.assign((name, fn, timeout) => realIt(name, fn && failFast(fn), timeout), realIt, {
  each: (...table) => (name, fn, timeout) => realIt.each(...table)(name, failFast(fn), timeout),
});
globalThis.it = wrapped;
globalThis.test = wrapped;
`;
  // Each file is imported on its own: one that fails to load (a mutant that breaks a statechart
  // some file walks while collecting its tests) fails as a test, as it fails `npm test`, and the
  // other files still run. With static imports the whole entry failed, which Stryker counts as a
  // runtime error and leaves out of the score instead of as a kill.
  const load = (file) =>
    `try {\n  await import('../../packages/flows/test/${file.replace(/\.ts$/, '.js')}');\n} catch (error) {\n` +
    `  test('${file} loads', () => {\n    throw error;\n  });\n}\n`;
  writeFileSync(
    `stryker/entries/${flowId}.test.ts`,
    '// Written by stryker/flows.config.mjs (STRYKER_ONE_MODULE=1); not a test of its own.\n' +
      FAIL_FAST +
      testFiles.map(load).join(''),
  );
}

export default {
  ...shared,
  mutate: [
    `packages/flows/src/flows/${flowId}/**/*.ts`,
    ...(flowId === 'shared' ? [] : [`packages/flows/src/${flow.name}.machine.ts`]),
  ],
  jest: {
    projectType: 'custom',
    configFile: 'stryker/jest.config.mjs',
    config: {
      testMatch: oneModule
        ? [`<rootDir>/stryker/entries/${flowId}.test.ts`]
        : testFiles.map((file) => `<rootDir>/packages/flows/test/${file}`),
    },
    enableFindRelatedTests: false,
  },
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${flowId}.incremental.json`,
  htmlReporter: { fileName: `reports/mutation/${flowId}.html` },
  jsonReporter: { fileName: `reports/mutation/${flowId}.json` },
};
