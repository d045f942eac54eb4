// A Stryker reporter that appends each mutant's result to reports/mutation/<name>.mutants.jsonl as
// soon as it is known, so that a run stopped early (a shared machine, a deadline) still leaves
// its survivors to read. Written without @stryker-mutator/api, like ignoreProse.mjs.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

function mutantLog(options) {
  const file = (options.jsonReporter?.fileName ?? 'reports/mutation/mutation.json').replace(
    /\.json$/,
    '.mutants.jsonl',
  );
  mkdirSync(dirname(file), { recursive: true });
  return {
    onMutantTested(result) {
      const { id, fileName, location, mutatorName, replacement, status, static: isStatic } = result;
      const at = `${location.start.line}:${location.start.column}`;
      appendFileSync(
        file,
        `${JSON.stringify({ id, fileName, at, mutatorName, replacement, status, static: isStatic })}\n`,
      );
    },
  };
}
mutantLog.inject = ['options'];

export const strykerPlugins = [{ kind: 'Reporter', name: 'mutant-log', factory: mutantLog }];
