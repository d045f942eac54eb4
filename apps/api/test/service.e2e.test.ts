/**
 * The built service as a process: embedded PostgreSQL in a persistent directory, recovery after
 * the service is killed with SIGKILL, a clean stop on SIGTERM, and configuration checked at boot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embeddedPostgres.js';
import pg from 'pg';
import { aParty, anIntake, ID_NUMBERS } from './support/factories.js';
import { createTestDatabase, startTestApp } from './support/testApp.js';
import { secretsFromEnv } from '../src/security/secrets.js';

const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
const BOOT_TIMEOUT_MS = 60_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const response = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

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
    const found = await fetch(`${second.url}/api/v1/cases/${id}`, {
      headers: { authorization: `Bearer ${await signIn(second.url, 'mediator', 'process-test-password')}` },
    });
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

describe('the command line on a real server', () => {
  const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (c) => (output += c));
      child.stderr!.on('data', (c) => (output += c));
      child.once('exit', (code) => resolve({ code, output }));
    });

  it('makes keys and the first admin, re-encrypts on a data-key and re-hashes on a hash-key rotation', async () => {
    const databaseUrl = await createTestDatabase();
    const keys = await run(['generate-keys'], {});
    expect(keys.code).toBe(0);
    const env = Object.fromEntries(
      keys.output
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    ) as Record<string, string>;
    expect(Object.keys(env)).toEqual(['JIEFEN_DATA_KEYS', 'JIEFEN_HASH_KEY', 'JIEFEN_JWT_SECRET']);

    const refused = await run(['create-admin', '--username', 'root', '--create-city', '测试市矛调中心'], {
      ...env,
      DATABASE_URL: databaseUrl,
      JIEFEN_ADMIN_PASSWORD: 'short',
    });
    expect(refused).toMatchObject({ code: 1, output: expect.stringContaining('JIEFEN_ADMIN_PASSWORD') });
    const created = await run(['create-admin', '--username', 'root', '--create-city', '测试市矛调中心'], {
      ...env,
      DATABASE_URL: databaseUrl,
      JIEFEN_ADMIN_PASSWORD: 'a-long-admin-password',
    });
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining('admin root created') });

    // The service runs on the same key material as the command line.
    const t = await startTestApp({ databaseUrl, seed: false, config: { secrets: secretsFromEnv(env, []) } });
    try {
      const signIn = await t.anonymous
        .post('/api/v1/auth/token')
        .send({ username: 'root', password: 'a-long-admin-password' })
        .expect(200);
      const admin = `Bearer ${signIn.body.accessToken}`;
      const { body: tree } = await t.anonymous.get('/api/v1/organizations').set('Authorization', admin).expect(200);
      const city = tree[0].id as string;
      const mediator = {
        username: 'first.mediator',
        displayName: '调解员',
        password: 'mediator-password-1',
        role: 'mediator',
        organizationId: city,
      };
      await t.anonymous.post('/api/v1/users').set('Authorization', admin).send(mediator).expect(201);
      const { body: token } = await t.anonymous
        .post('/api/v1/auth/token')
        .send({ username: mediator.username, password: mediator.password })
        .expect(200);
      await t.anonymous
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${token.accessToken}`)
        .send(
          anIntake({
            organizationId: city,
            // 民族 is encrypted like the ID number (docs/security.md), so rotate-keys must re-encrypt it too.
            parties: [
              aParty({ ethnicity: '回族' }),
              aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000' }),
            ],
          }),
        )
        .expect(201);
    } finally {
      await t.close();
    }
    // A new data key goes first; the old one still decrypts until rotate-keys has re-encrypted everything.
    const fresh = (await run(['generate-keys'], {})).output.match(/JIEFEN_DATA_KEYS=k1:(\S+)/)![1];
    const rotatedEnv = { ...env, DATABASE_URL: databaseUrl, JIEFEN_DATA_KEYS: `k2:${fresh},${env.JIEFEN_DATA_KEYS}` };
    const rotated = await run(['rotate-keys'], rotatedEnv);
    expect(rotated).toMatchObject({ code: 0, output: expect.stringContaining('re-encrypted 2 of 2 parties') });
    expect((await run(['rotate-keys'], rotatedEnv)).output).toContain('re-encrypted 0 of 2 parties');
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT ethnicity_encrypted FROM parties WHERE ethnicity_encrypted IS NOT NULL`);
      expect(rows.map((r) => r.ethnicity_encrypted.split('.')[1])).toEqual(['k2']); // under the new key
    } finally {
      await db.end();
    }

    // The hash key: the new one current, the old one still searched until rotate-keys has re-hashed every ID number.
    const newHashKey = (await run(['generate-keys'], {})).output.match(/JIEFEN_HASH_KEY=(\S+)/)![1]!;
    const hashRotating = { ...rotatedEnv, JIEFEN_HASH_KEY: newHashKey, JIEFEN_PREVIOUS_HASH_KEY: env.JIEFEN_HASH_KEY! };
    const hashRotated = { ...rotatedEnv, JIEFEN_HASH_KEY: newHashKey };
    const findByIdNumber = async (keys: Record<string, string>) => {
      const app = await startTestApp({ databaseUrl, seed: false, config: { secrets: secretsFromEnv(keys, []) } });
      try {
        const { body: token } = await app.anonymous
          .post('/api/v1/auth/token')
          .send({ username: 'root', password: 'a-long-admin-password' })
          .expect(200);
        const { body } = await app.anonymous
          .get('/api/v1/cases')
          .query({ idNumber: ID_NUMBERS.li })
          .set('Authorization', `Bearer ${token.accessToken}`)
          .expect(200);
        return body.items.length as number;
      } finally {
        await app.close();
      }
    };
    expect(await findByIdNumber(hashRotated)).toBe(0); // the stored hashes are still the old key's
    expect(await findByIdNumber(hashRotating)).toBe(1);
    expect((await run(['rotate-keys'], hashRotating)).output).toContain(
      're-hashed 2 ID numbers under the current hash key',
    );
    expect((await run(['rotate-keys'], hashRotated)).output).toContain('re-hashed 0 ID numbers');
    expect(await findByIdNumber(hashRotated)).toBe(1);
    // Nine CLI processes and three service starts, each loading Nest: this took over the suite's
    // 30 s while the rest of the suite shared the 2 cores (CI rehearsal, 2026-12-01).
  }, 120_000);
});
