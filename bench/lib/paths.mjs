// Where the built code lives: the benchmark runs the service and the libraries as built
// (`node scripts/pnpm.mjs run build` first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = new URL('../../', import.meta.url);
export const apiDist = new URL('apps/api/dist/', repoRoot);
export const flowsDist = new URL('packages/flows/dist/', repoRoot);
export const resultsDir = new URL('bench/results/', repoRoot);
export const path = (url) => fileURLToPath(url);

export function requireBuild() {
  for (const file of [new URL('main.js', apiDist), new URL('index.js', flowsDist)]) {
    if (!existsSync(file)) {
      console.error(`${path(file)} is missing: build first (node scripts/pnpm.mjs run build).`);
      process.exit(1);
    }
  }
}
