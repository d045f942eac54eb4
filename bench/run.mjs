#!/usr/bin/env node
// `pnpm bench`: every benchmark of docs/benchmarks.md in one run, after a build.
//
//   1. flows: µs per sendEvent against raw xstate transition()      (packages/flows/bench)
//   2. transitions over HTTP, 64 clients from a separate process    (transitions.mjs, http-load.mjs)
//   3. the same SQL work issued directly with pg, in the same run   (sql-ceiling.mjs)
//   5. 100,000 deadlines due at once; lag at normal load            (deadlines.mjs)
//   4. queries at 1,000,000 cases and ~10,000,000 events            (lib/generate.mjs, queries.mjs)
//   8. a calendar year loaded: 100,000 deadlines recomputed         (calendar.mjs)
//   7. documents: agreement PDF p95 warm, a 20-document dossier       (documents.mjs)
//   9. the statistics reports and their Excel exports on item 4's data (statistics.mjs)
//   6. the console in headless Chromium: first screen, JS shipped, the work queue (console.mjs)
//
// The service runs as `pnpm start` runs it, in its own process, against a PostgreSQL started for the
// run (lib/postgres.mjs: the embedded PostgreSQL the service ships with, fresh data directory,
// durable settings), each item on its own fresh database. Results: bench/results/<time>.json and
// .md (git-ignored); the markdown is also printed.
//
// Environment: BENCH_SCALE (default 1; e.g. 0.1 = 100,000 cases for item 4, shorter runs),
// BENCH_ONLY (comma-separated: flows,transitions,deadlines,calendar,queries,statistics,documents,console),
// BENCH_DATABASE_URL (use a server you run instead of the embedded one), and the knobs named in each script.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runCalendar } from './calendar.mjs';
import { runConsole } from './console.mjs';
import { runDeadlines } from './deadlines.mjs';
import { runDocuments } from './documents.mjs';
import { chinaToday, generateDataset, migrate } from './lib/generate.mjs';
import { path, repoRoot, requireBuild, resultsDir } from './lib/paths.mjs';
import { startDatabase, transport } from './lib/postgres.mjs';
import { machineCpu, DEMO_PASSWORD, running, serviceSecrets, startService, sleep } from './lib/service.mjs';
import { runQueries } from './queries.mjs';
import { prepareStatistics, runStatistics } from './statistics.mjs';
import { report } from './report.mjs';
import { runTransitions } from './transitions.mjs';

requireBuild();
// Interrupted: stop the services first, then PostgreSQL (they were added in that order reversed).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    process.stderr.write(`\n${signal}: stopping what the benchmark started\n`);
    for (const item of [...running].reverse()) await item.stop().catch(() => undefined);
    process.exit(130);
  });
}
const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = new Set(
  (process.env.BENCH_ONLY ?? 'flows,transitions,deadlines,calendar,queries,statistics,documents,console')
    .split(',')
    .map((s) => s.trim()),
);
const started = new Date();
const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path(new URL(`${stamp}/`, resultsDir));
mkdirSync(outDir, { recursive: true });
const log = (message) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const results = { started: started.toISOString(), command: commandLine(), scale, machine: await machine(), items: {} };
log(
  `benchmark run ${stamp}, scale ${scale}; machine busy ${(results.machine.busyBefore * 100).toFixed(0)}% of its CPU ` +
    `before the start (load average ${results.machine.loadAverage.join(' ')})`,
);

if (only.has('flows')) {
  log('item 1: flows (packages/flows/bench/send-event.bench.mjs)');
  results.items.flows = await flowsBench(scale);
}

if (only.has('documents')) {
  // In-process and without a database: rendering is CPU work, measured before the heavy items load the machine.
  results.items.documents = await runDocuments({ log });
}

const db = ['transitions', 'deadlines', 'calendar', 'queries', 'statistics', 'console'].some((item) => only.has(item))
  ? await startDatabase(log)
  : undefined;
try {
  if (db) {
    results.database = { kind: db.kind, transport: transport(db.url), settings: db.settings };
    log(`PostgreSQL ${db.settings.server_version} (${db.kind}), connected over ${transport(db.url)}`);
  }
  if (only.has('transitions')) {
    await migrate(db.url, DEMO_PASSWORD);
    results.items.transitions = await runTransitions({ db, log, outDir, scale, serviceEnv: serviceEnvFromKnob() });
    save();
  }
  if (only.has('deadlines')) {
    results.items.deadlines = await runDeadlines({ db, log, outDir, scale });
    save();
  }
  if (only.has('calendar')) {
    results.items.calendar = await runCalendar({ db, log, outDir, scale });
    save();
  }
  if (only.has('console')) {
    results.items.console = await runConsole({ db, log, outDir });
    save();
  }
  if (only.has('queries') || only.has('statistics')) {
    const cases = Number(process.env.BENCH_CASES ?? Math.round(1_000_000 * scale));
    log(`item 4: generating ${cases} cases`);
    const database = await db.newDatabase('queries');
    try {
      await migrate(database.url, DEMO_PASSWORD);
      const dataset = await generateDataset(database.url, { cases, secrets: serviceSecrets(), log });
      log(
        `  ${dataset.cases} cases, ${dataset.events} events, ${dataset.parties} parties, ${dataset.deadlines} ` +
          `deadline rows, ${(dataset.bytes / 2 ** 30).toFixed(1)} GiB`,
      );
      // A read-side instance: background jobs off, so that nothing but the measured requests runs.
      const service = await startService({
        databaseUrl: database.url,
        env: { JIEFEN_BACKGROUND_JOBS: 'false' },
        logFile: join(outDir, 'service-queries.log'),
        log,
      });
      try {
        if (only.has('queries')) {
          const queries = await runQueries({
            url: database.url,
            baseUrl: service.baseUrl,
            repeats: Number(process.env.BENCH_QUERY_REPEATS ?? 100),
            log,
          });
          results.items.queries = { dataset, ...queries };
        }
        if (only.has('statistics')) {
          log(
            'item 9: statistics reports (adding return visits, 防止民转刑 flags, linked confirmations; ' +
              'case_statistics backfill)',
          );
          const prepared = await prepareStatistics(database.url, log);
          const statistics = await runStatistics({
            url: database.url,
            baseUrl: service.baseUrl,
            repeats: Number(process.env.BENCH_STATISTICS_REPEATS ?? 20),
            log,
          });
          results.items.statistics = {
            dataset: { cases: dataset.cases, events: dataset.events },
            prepared,
            ...statistics,
          };
        }
      } finally {
        await service.stop();
      }
    } finally {
      await database.drop();
    }
    save();
  }
} finally {
  await db?.stop();
}

results.finished = new Date().toISOString();
const markdown = report(results);
save(markdown);
process.stdout.write(`${markdown}\n`);
log(`results: ${join(outDir, 'results.json')} and results.md`);

function save(markdown) {
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (markdown) writeFileSync(join(outDir, 'results.md'), `${markdown}\n`);
}

/** BENCH_SERVICE_ENV="JIEFEN_DB_POOL_SIZE=8,…": service settings to compare in item 2 (and its ceiling's pool). */
function serviceEnvFromKnob() {
  const knob = process.env.BENCH_SERVICE_ENV ?? '';
  return Object.fromEntries(
    knob
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split(/=(.*)/s).slice(0, 2)),
  );
}

function commandLine() {
  const env = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_'))
    .map(([k, v]) => `${k}=${v}`);
  return [...env, 'pnpm bench'].join(' ');
}

async function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  const a = machineCpu();
  await sleep(3000);
  const b = machineCpu();
  const os_ = readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="([^"]+)"/)?.[1];
  return {
    cpu: cpu.match(/model name\s*:\s*(.*)/)?.[1],
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os_ ?? os.type()}, kernel ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => x.toFixed(2)),
    busyBefore: (b.busy - a.busy) / (b.total - a.total || 1),
    chinaToday: chinaToday(),
  };
}

function flowsBench(scale) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, BENCH_JSON: '1', ...(scale < 1 ? { BENCH_ROUNDS: '5' } : {}) };
    const child = spawn(process.execPath, [path(new URL('packages/flows/bench/send-event.bench.mjs', repoRoot))], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the flows benchmark exited with ${code}`));
      const json = JSON.parse(
        out
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .at(-1),
      );
      resolve({
        table: out
          .split('\n')
          .filter((l) => l.startsWith('|'))
          .join('\n'),
        rows: json.rows,
        total: json.total,
        info: json.info,
      });
    });
  });
}
