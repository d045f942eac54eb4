/** The built service and CLI as child processes, for tests of what a person at a terminal sees. */
import { spawn, type ChildProcess } from 'node:child_process';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const BOOT_TIMEOUT_MS = 60_000;

export interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const children: ChildProcess[] = [];

/** Kills what a test left running (call from afterAll). */
export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Starts dist/main.js on the embedded PostgreSQL (DATABASE_URL cleared). */
export function startService(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: '', JIEFEN_DEMO_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output };
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

export async function waitForHealth(running: Running): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`service exited early:\n${running.output()}`);
    try {
      if ((await fetch(`${running.url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service did not become healthy:\n${running.output()}`);
}

/** Stops the service as a terminal's Ctrl-C would, and waits until it has exited. */
export async function stopService(running: Running): Promise<number | null> {
  running.child.kill('SIGTERM');
  return exited(running.child);
}

/** Runs dist/cli.js; `input` is written to its standard input. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

export async function signInStatus(url: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}
