/**
 * The built service as a process: embedded PostgreSQL in a persistent directory, recovery after
 * the service is killed with SIGKILL, a clean stop on SIGTERM, and configuration checked at boot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embeddedPostgres.js';
import { anIntake } from './support/factories.js';

const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
const BOOT_TIMEOUT_MS = 60_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output };
}

async function waitForHealth(running: Running): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`service exited early:\n${running.output()}`);
    try {
      const response = await fetch(`${running.url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service did not become healthy:\n${running.output()}`);
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the service process', () => {
  const parent = mkdtempSync(join(tmpdir(), 'jiefen-service-'));
  // Run as root, PostgreSQL runs as the OS user `postgres`, which must reach the directory.
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'postgres');

  it('starts on an embedded PostgreSQL, survives SIGKILL with nothing lost, and stops cleanly on SIGTERM', async () => {
    const env = { JIEFEN_DATA_DIR: dataDir, LOG_LEVEL: 'info', JIEFEN_DEMO_PASSWORD: 'process-test-password' };
    const first = start({ ...env, PORT: String(await freePort()) });
    await waitForHealth(first);
    const token = await signIn(first.url, 'mediator', 'process-test-password');
    const created = await fetch(`${first.url}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(anIntake()),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    first.child.kill('SIGKILL');
    await exited(first.child);
    const orphan = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(orphan)).toBe(true);

    const second = start({ ...env, PORT: String(await freePort()) });
    await waitForHealth(second);
    expect(isAlive(orphan)).toBe(false);
    const found = await fetch(`${second.url}/api/v1/cases/${id}`, { headers: { authorization: `Bearer ${await signIn(second.url, 'mediator', 'process-test-password')}` } });
    expect(found.status).toBe(200);
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(isAlive(postmaster)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(second.output()).toContain('"msg":"stopped"');
  });

  it('refuses to boot with a bad variable and says which', async () => {
    const running = start({ JIEFEN_DATA_DIR: dataDir, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await exited(running.child)).toBe(1);
    expect(running.output()).toContain('PORT="eighty" must be a whole number from 0 to 65535');
    expect(running.output()).toContain('LOG_LEVEL="loud" must be one of');
  });
});
