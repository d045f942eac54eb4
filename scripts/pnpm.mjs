#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's `engines.pnpm`, on a machine that has only
// Node and npm (corepack's first run fails without network signatures, see docs/toolchain.md).
//
// Order: a `pnpm` on the PATH of exactly that version; else the copy a previous `npx` run left
// in npm's cache (`_npx/<hash>/node_modules/pnpm`); else `npx --yes pnpm@<version>`, which
// fetches it. Going through npx each time costs 2.5–5 s (it resolves the package again), three
// times per `npm start`; starting the cached copy costs a few milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version = manifest.engines.pnpm; // "12.21.0"
const args = process.argv.slice(2);

// Scripts that call `pnpm` themselves (the root `build`) find the same one, as they do under npx.
const run = (command, commandArgs) =>
  spawnSync(command, commandArgs, {
    stdio: 'inherit',
    env:
      command === 'pnpm' || command === 'npx'
        ? process.env
        : { ...process.env, PATH: `${dirname(command)}${delimiter}${process.env.PATH ?? ''}` },
  });

function onPath() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === version ? 'pnpm' : undefined;
}

/** The pnpm executable of the pinned version in npm's npx cache, if a previous run put it there. */
function inNpxCache() {
  const cache = process.env.npm_config_cache || join(homedir(), '.npm');
  const npx = join(cache, '_npx');
  if (!existsSync(npx)) return undefined;
  for (const entry of readdirSync(npx)) {
    const dir = join(npx, entry, 'node_modules', 'pnpm');
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version !== version) continue;
    } catch {
      continue;
    }
    const bin = join(npx, entry, 'node_modules', '.bin', 'pnpm');
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

const local = onPath() ?? inNpxCache();
let result = local ? run(local, args) : undefined;
// A cached copy that cannot start (removed meanwhile, wrong platform) falls back to npx.
if (!result || result.error) result = run('npx', ['--yes', `pnpm@${version}`, ...args]);
process.exit(result.status ?? 1);
