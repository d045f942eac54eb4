/**
 * One temporary directory per test run, removed when the run ends — after a failure too, on
 * Ctrl-C, and at the next run if this one was killed outright. Every `os.tmpdir()` of the run
 * (the embedded PostgreSQL here, the service processes' data directories in the tests) lands
 * in it: TMPDIR is set for the test workers and the processes they start. A run used to leave
 * about 400 MB of PostgreSQL data directories in /tmp.
 * Plain JavaScript: Jest loads global hooks outside its TypeScript transform.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'jiefen-test-run-';
const OWNER = 'owner.pid';

export function createRunTmpDir() {
  const parent = tmpdir();
  removeAbandoned(parent);
  const dir = mkdtempSync(join(parent, PREFIX));
  // Run as root, PostgreSQL runs as the OS user `postgres`, which must reach its directories.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, OWNER), `${process.pid}\n`);
  const cleanUp = () => removeRunTmpDir(dir);
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      cleanUp();
      process.kill(process.pid, signal); // then die of it, as without this handler
    });
  }
  process.env.TMPDIR = dir;
  return dir;
}

/** Stops every PostgreSQL still running from a data directory inside, then deletes it all. */
export function removeRunTmpDir(dir) {
  if (!existsSync(dir)) return;
  for (const pidFile of postmasterPidFiles(dir)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    // SIGQUIT: immediate shutdown; the data is about to be deleted.
    if (pid && isAlive(pid)) signal(pid, 'SIGQUIT');
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/** Runs killed with SIGKILL cannot clean up after themselves: their directories go at the next run. */
function removeAbandoned(parent) {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(PREFIX)) continue;
    let owner;
    try {
      owner = Number(readFileSync(join(parent, name, OWNER), 'utf8').trim());
    } catch {
      continue; // another run that is just starting
    }
    if (!isAlive(owner)) removeRunTmpDir(join(parent, name));
  }
}

function postmasterPidFiles(dir, depth = 4) {
  if (depth === 0) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.isDirectory()) return postmasterPidFiles(join(dir, entry.name), depth - 1);
    return entry.name === 'postmaster.pid' ? [join(dir, entry.name)] : [];
  });
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // gone meanwhile
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
