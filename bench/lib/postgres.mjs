// The PostgreSQL the benchmark runs against: by default a fresh embedded PostgreSQL (the binaries
// the service itself ships with and starts when DATABASE_URL is unset), in a new temporary data
// directory, with durable settings written down below; or, with BENCH_DATABASE_URL, a fresh
// database on an existing server (e.g. postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pg } from './deps.mjs';
import { apiDist } from './paths.mjs';
import { running } from './service.mjs';

/**
 * Server settings for the embedded cluster. Everything not named here is PostgreSQL's default; in
 * particular fsync, synchronous_commit and full_page_writes stay ON (every transition is durable).
 * BENCH_SYNCHRONOUS_COMMIT=off reruns with asynchronous commit, for comparison only.
 */
export function embeddedSettings() {
  const settings = {
    max_connections: '200',
    shared_buffers: process.env.BENCH_SHARED_BUFFERS ?? '1GB',
    // Fewer forced checkpoints during bulk loads and sustained writes (default 1GB).
    max_wal_size: '4GB',
    synchronous_commit: process.env.BENCH_SYNCHRONOUS_COMMIT ?? 'on',
  };
  // Statement statistics for profiling (BENCH_PROFILE=1); off otherwise.
  if (process.env.BENCH_PROFILE === '1') settings.shared_preload_libraries = 'pg_stat_statements';
  return settings;
}

/** Settings reported with every result, whichever server. */
const REPORTED = [
  'server_version',
  'max_connections',
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'maintenance_work_mem',
  'max_wal_size',
  'checkpoint_timeout',
  'synchronous_commit',
  'fsync',
  'full_page_writes',
  'wal_level',
  'jit',
  'random_page_cost',
  'max_parallel_workers_per_gather',
  'shared_preload_libraries',
];

export async function startDatabase(log = () => {}) {
  const runId = randomBytes(4).toString('hex');
  const database = `jiefen_bench_${runId}`;
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const tcpUrl = withDatabase(external, database);
    const url = await transportUrl(tcpUrl);
    log(`database ${database} on the server in BENCH_DATABASE_URL`);
    return {
      kind: 'external',
      url,
      tcpUrl,
      urlFor: (db) => withDatabase(external, db),
      settings: await settingsOf(url),
      newDatabase: (suffix) => newDatabase(url, `${database}_${suffix}`),
      async stop() {
        if (process.env.BENCH_KEEP === '1') return;
        const a = new pg.Client({ connectionString: external });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const { startEmbeddedPostgres } = await import(new URL('database/embeddedPostgres.js', apiDist).href);
  const root = join(process.env.BENCH_TMPDIR ?? tmpdir(), `jiefen-bench-${runId}`);
  const flags = Object.entries(embeddedSettings()).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  log(`starting an embedded PostgreSQL in ${root}`);
  const server = await startEmbeddedPostgres({ dataDir: join(root, 'postgres'), database, postgresFlags: flags });
  const tcpUrl = server.url;
  const cleanup = { stop: () => server.stop() };
  running.add(cleanup);
  if (process.env.BENCH_PROFILE === '1') await exec(tcpUrl, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const url = await transportUrl(tcpUrl);
  return {
    kind: 'embedded',
    url,
    tcpUrl,
    dataDir: join(root, 'postgres'),
    urlFor: (db) => withDatabase(url, db),
    settings: await settingsOf(url),
    newDatabase: (suffix) => newDatabase(url, `${database}_${suffix}`),
    async stop() {
      running.delete(cleanup);
      await server.stop();
      if (process.env.BENCH_KEEP !== '1') await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * The service and PostgreSQL share the machine, so by default everything connects over the
 * server's Unix-domain socket, as a same-host deployment would (BENCH_DB_TRANSPORT=tcp for
 * 127.0.0.1 instead). Same URL otherwise: `?host=<socket directory>` is understood by pg.
 */
async function transportUrl(tcpUrl) {
  if ((process.env.BENCH_DB_TRANSPORT ?? 'unix') === 'tcp') return tcpUrl;
  const { rows } = await exec(tcpUrl, 'SHOW unix_socket_directories');
  const dir = rows[0].unix_socket_directories.split(',')[0].trim();
  if (!dir) return tcpUrl;
  const parsed = new URL(tcpUrl);
  parsed.hostname = 'localhost';
  parsed.searchParams.set('host', dir);
  return parsed.toString();
}

export function transport(url) {
  return new URL(url).searchParams.get('host')
    ? `Unix-domain socket (${new URL(url).searchParams.get('host')})`
    : 'TCP (127.0.0.1)';
}

/** Creates another database on the same server (each item gets its own); returns its URL and a drop(). */
async function newDatabase(url, name) {
  await exec(url, `CREATE DATABASE ${name}`);
  const dbUrl = withDatabase(url, name);
  return {
    url: dbUrl,
    drop: async () => {
      if (process.env.BENCH_KEEP !== '1') await exec(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function exec(url, sql, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

async function settingsOf(url) {
  const { rows } = await exec(
    url,
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
    [REPORTED],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/** Process ids of the PostgreSQL server and its backends (for CPU accounting), when it runs on this machine. */
export function postgresPids(dataDir) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'postgres' || cmdline.startsWith('postgres:') || cmdline.includes('/bin/postgres')) {
        if (!dataDir || cmdline.includes(dataDir) || isChildOfDataDir(entry, dataDir)) pids.push(Number(entry));
      }
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function isChildOfDataDir(pid, dataDir) {
  try {
    const ppid = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
    return readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes(dataDir);
  } catch {
    return false;
  }
}
