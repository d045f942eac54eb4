#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's `engines.pnpm`, on a machine that has only
// Node and npm (corepack's first run fails without network signatures, see docs/toolchain.md).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinned = `pnpm@${manifest.engines.pnpm}`; // "pnpm@12.21.0"
const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
const usePath = onPath.status === 0 && `pnpm@${onPath.stdout.trim()}` === pinned;
const [command, args] = usePath
  ? ['pnpm', process.argv.slice(2)]
  : ['npx', ['--yes', pinned, ...process.argv.slice(2)]];
const result = spawnSync(command, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
