// Items 2 and 3 in one run: transitions over HTTP through the whole stack, from a separate load
// process, and the same SQL work issued directly with `pg` at the same concurrency, on the same
// database and the same cases, alternating, `repeats` times.
import { join } from 'node:path';
import { pg } from './lib/deps.mjs';
import { openCases, openMediatingCases } from './lib/cases.mjs';
import { runScript } from './lib/child.mjs';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { signIn } from './lib/http.mjs';
import { path, repoRoot } from './lib/paths.mjs';
import { DEMO_PASSWORD, memoryOf, startService, watchMemory } from './lib/service.mjs';
import { median, summarize } from './lib/stats.mjs';

export const SUMMARY = '双方到场陈述意见，调解员释法说理，约定下次调解时间。';

export function transitionOptions(scale) {
  const n = (name, fallback) => Number(process.env[name] ?? fallback);
  return {
    clients: n('BENCH_CLIENTS', 64),
    casesPerClient: n('BENCH_CASES_PER_CLIENT', scale < 1 ? 50 : 200),
    warmupSec: n('BENCH_WARMUP_SEC', scale < 1 ? 5 : 15),
    durationSec: n('BENCH_DURATION_SEC', scale < 1 ? 15 : 60),
    repeats: n('BENCH_REPEATS', scale < 1 ? 1 : 3),
    opens: n('BENCH_OPENS', scale < 1 ? 1000 : 5000),
  };
}

export async function runTransitions({ db, log, outDir, scale = 1, serviceEnv = {} }) {
  const o = transitionOptions(scale);
  log(
    `items 2+3: ${o.clients} clients × ${o.casesPerClient} cases, warm-up ${o.warmupSec} s, ${o.durationSec} s ` +
      `measured, ${o.repeats} repetition(s)`,
  );
  const service = await startService({
    databaseUrl: db.url,
    env: serviceEnv,
    logFile: join(outDir, 'service-transitions.log'),
    log,
  });
  const memory = watchMemory(service.pid);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const poolSize = Number(serviceEnv.JIEFEN_DB_POOL_SIZE ?? 16);
  try {
    const token = await signIn(service.baseUrl, 'mediator', DEMO_PASSWORD);

    // Side figure: how fast cases are opened (POST /cases: intake validation, case number,
    // encryption of personal data, case row, parties, opening event, deadlines, outbox).
    log(`opening ${o.opens} cases at ${o.clients} concurrent clients (case-opening rate)`);
    const opened = await openCases(service.baseUrl, token, o.opens, { concurrency: o.clients });
    const opening = {
      count: opened.count,
      perSecond: opened.perSecond,
      errors: opened.errors,
      latencyMs: summarize(opened.latencies),
    };
    log(
      `  ${opening.perSecond.toFixed(0)} cases/s, p99 ${opening.latencyMs.p99.toFixed(1)} ms, ${opening.errors} errors`,
    );

    const total = o.clients * o.casesPerClient;
    log(`bringing ${total} cases to mediating through the API`);
    const setup = await openMediatingCases(service.baseUrl, token, total, { concurrency: 32, log });
    const cases = Array.from({ length: o.clients }, (_, c) =>
      setup.ids.slice(c * o.casesPerClient, (c + 1) * o.casesPerClient),
    );
    await pool.query('VACUUM ANALYZE');
    const snapshotBytes = async () =>
      Number(
        (await pool.query(`SELECT avg(pg_column_size(snapshot))::int AS b FROM cases WHERE id = ANY($1)`, [setup.ids]))
          .rows[0].b,
      );

    await waitForOutbox(pool);
    const runs = [];
    for (let r = 1; r <= o.repeats; r++) {
      // Item 2: HTTP, from a separate process.
      const before = await outboxCounts(pool);
      const sizeBefore = await snapshotBytes();
      // Memory and CPU are watched over the measured window only: it starts after the warm-up and
      // after the 64 sign-ins, whose argon2 verifications (64 MiB each, four at a time on libuv's
      // threads) are a memory peak of their own, reported apart as `signInPeakRssMb`.
      const signInMemory = watchMemory(service.pid, 100);
      let windowMemory;
      let cpuA;
      let load;
      const loadPromise = runScript(path(new URL('bench/http-load.mjs', repoRoot)), {
        baseUrl: service.baseUrl,
        username: 'mediator',
        password: DEMO_PASSWORD,
        cases,
        warmupSec: o.warmupSec,
        durationSec: o.durationSec,
      });
      // CPU is counted over the measured window only (it starts after the warm-up and the sign-ins).
      const cpuTimer = setTimeout(
        () => {
          cpuA = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
          windowMemory = watchMemory(service.pid, 100);
        },
        (o.warmupSec + 3) * 1000,
      );
      load = await loadPromise;
      clearTimeout(cpuTimer);
      const cpuB = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
      const mem = windowMemory?.stop() ?? { peakRssMb: NaN };
      const signIns = signInMemory.stop();
      const after = await outboxCounts(pool);
      const http = {
        ...load,
        peakRssMb: mem.peakRssMb,
        signInPeakRssMb: signIns.peakRssMb,
        cpu: cpuA ? cpuBetween(cpuA, cpuB) : undefined,
        snapshotBytes: { before: sizeBefore, after: await snapshotBytes() },
        outbox: {
          written: after.total - before.total,
          delivered: after.delivered - before.delivered,
          pendingAfter: after.pending,
        },
      };
      // The outbox dispatcher goes on delivering the backlog; the ceiling must not run beside it.
      http.outbox.drain = await waitForOutbox(pool);
      log(
        `  run ${r} HTTP: ${http.eventsPerSecond.toFixed(0)} events/s, p50 ${http.latencyMs.p50.toFixed(1)} ms, ` +
          `p99 ${http.latencyMs.p99.toFixed(1)} ms, ` +
          `${http.errors} errors, peak RSS ${http.peakRssMb.toFixed(0)} MB ` +
          `(sign-ins ${http.signInPeakRssMb.toFixed(0)} MB), outbox +${http.outbox.written} written ` +
          `/ ${http.outbox.delivered} delivered in the window, backlog drained ` +
          `in ${http.outbox.drain.seconds.toFixed(1)} s`,
      );

      // Item 3: the ceiling, same cases, same concurrency, from a separate process.
      const ceilings = {};
      for (const mode of ['issue', 'runner']) {
        const a = cpuSnapshot({ dataDir: db.dataDir });
        const c = await runScript(path(new URL('bench/sql-ceiling.mjs', repoRoot)), {
          databaseUrl: db.url,
          cases,
          warmupSec: Math.min(o.warmupSec, 5),
          durationSec: Math.min(o.durationSec, 30),
          poolSize,
          mode,
          summary: SUMMARY,
        });
        c.cpu = cpuBetween(a, cpuSnapshot({ dataDir: db.dataDir }));
        ceilings[mode] = c;
        log(
          `  run ${r} SQL ceiling (${mode}): ${c.eventsPerSecond.toFixed(0)} events/s, ` +
            `p50 ${c.latencyMs.p50.toFixed(1)} ms, p99 ${c.latencyMs.p99.toFixed(1)} ms, ${c.errors} errors`,
        );
      }
      runs.push({
        http,
        ceiling: ceilings.issue,
        runnerSql: ceilings.runner,
        ratio: http.eventsPerSecond / ceilings.issue.eventsPerSecond,
      });
      log(`  run ${r} ratio HTTP ÷ ceiling: ${(runs.at(-1).ratio * 100).toFixed(1)}%`);
    }

    const finalOutbox = await outboxCounts(pool);
    const overall = memory.stop();
    const hwm = memoryOf(service.pid).hwmMb;
    return {
      options: { ...o, servicePoolSize: poolSize, serviceEnv },
      opening,
      setup: { cases: total, seconds: setup.seconds, requestsPerSecond: setup.requestsPerSecond },
      runs,
      medians: {
        eventsPerSecond: median(runs.map((r) => r.http.eventsPerSecond)),
        p50: median(runs.map((r) => r.http.latencyMs.p50)),
        p90: median(runs.map((r) => r.http.latencyMs.p90)),
        p99: median(runs.map((r) => r.http.latencyMs.p99)),
        errors: runs.reduce((a, r) => a + r.http.errors, 0),
        peakRssMb: Math.max(...runs.map((r) => r.http.peakRssMb)),
        signInPeakRssMb: Math.max(...runs.map((r) => r.http.signInPeakRssMb)),
        ceilingEventsPerSecond: median(runs.map((r) => r.ceiling.eventsPerSecond)),
        ceilingP99: median(runs.map((r) => r.ceiling.latencyMs.p99)),
        runnerSqlEventsPerSecond: median(runs.map((r) => r.runnerSql.eventsPerSecond)),
        ratio: median(runs.map((r) => r.ratio)),
      },
      outbox: finalOutbox,
      serviceMemory: { peakRssMbWholeRun: overall.peakRssMb, vmHwmMb: hwm },
      serviceUrl: service.baseUrl,
    };
  } finally {
    await pool.end();
    await service.stop();
  }
}

/** Waits until every outbox row is delivered (or `timeoutMs` passes); how long it took. */
export async function waitForOutbox(pool, timeoutMs = 300_000) {
  const start = Date.now();
  for (;;) {
    const { pending } = await outboxCounts(pool);
    if (pending === 0 || Date.now() - start > timeoutMs) return { seconds: (Date.now() - start) / 1000, pending };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function outboxCounts(pool) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS total, count(delivered_at)::int AS delivered, (count(*) - count(delivered_at))::int AS
      pending FROM outbox`,
  );
  return rows[0];
}
