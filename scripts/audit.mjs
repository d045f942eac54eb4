#!/usr/bin/env node
// Fails on known high or critical advisories in production dependencies (pnpm audit --prod).
// When the registry's audit endpoint cannot be reached, nothing was checked: say so loudly, and
// fail too if JIEFEN_AUDIT_REQUIRED=true (set it where the endpoint is reachable).
import { spawnSync } from 'node:child_process';

const run = spawnSync(
  process.execPath,
  [new URL('./pnpm.mjs', import.meta.url).pathname, 'audit', '--prod', '--audit-level', 'high', '--json'],
  {
    encoding: 'utf8',
  },
);
const output = `${run.stdout}${run.stderr}`;
if (/ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(output)) {
  console.error('dependency audit: the registry audit endpoint could not be reached; NO advisories were checked.');
  process.exit(process.env.JIEFEN_AUDIT_REQUIRED === 'true' ? 1 : 0);
}
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error(output);
  process.exit(1);
}
const { high = 0, critical = 0 } = report.metadata?.vulnerabilities ?? {};
console.log(`dependency audit: ${high} high, ${critical} critical advisories in production dependencies`);
process.exit(high + critical > 0 ? 1 : 0);
