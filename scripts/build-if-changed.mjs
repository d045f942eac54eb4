#!/usr/bin/env node
// Runs a build command only when its inputs changed since the last successful run, for builds
// that cannot skip work themselves (vite). `npm start` builds at every start; `tsc -b` skips an
// up-to-date project by itself, this does the same for the others.
//
//   node build-if-changed.mjs --stamp dist/.inputs.sha256 --inputs . ../../docs/glossary.md -- '<command>'
//
// The stamp holds a SHA-256 of every input file's path and content (directories walked,
// `node_modules` and the stamp's own directory left out), written after the command succeeds
// and computed again then, so files the command itself regenerates count as they are after it.
// A missing or different stamp runs the command; deleting the output directory rebuilds.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const options = argv.slice(0, split);
const command = argv.slice(split + 1).join(' ');
const stampAt = options.indexOf('--stamp');
const inputsAt = options.indexOf('--inputs');
if (split < 0 || !command || stampAt < 0 || inputsAt < 0) {
  console.error("usage: build-if-changed.mjs --stamp <file> --inputs <path>… -- '<command>'");
  process.exit(2);
}
const stamp = resolve(options[stampAt + 1]);
const outDir = dirname(stamp);
const afterInputs = options.slice(inputsAt + 1);
const inputsEnd = afterInputs.findIndex((o) => o.startsWith('--'));
const inputs = inputsEnd < 0 ? afterInputs : afterInputs.slice(0, inputsEnd);

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  if (path === outDir) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && entry.name !== '.git')
    .flatMap((entry) => files(join(path, entry.name)));
}

function digest() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => files(resolve(input))).sort()) {
    hash
      .update(`${relative(process.cwd(), file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (previous && previous === digest()) {
  console.log(`up to date (${relative(process.cwd(), stamp)}): skipped ${command}`);
  process.exit(0);
}
const result = spawnSync(command, { stdio: 'inherit', shell: true });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(outDir, { recursive: true });
writeFileSync(stamp, `${digest()}\n`);
