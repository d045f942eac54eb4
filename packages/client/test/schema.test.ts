import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// openapi.json is held to the service by apps/api/test/openapi.e2e.test.ts; this holds schema.ts to openapi.json.
describe('the generated types', () => {
  it('are what openapi-typescript makes of openapi.json (else run `pnpm --filter @jiefen/client generate`)', () => {
    const script = fileURLToPath(new URL('../scripts/generate.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
