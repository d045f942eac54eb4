#!/usr/bin/env node
// Item 3, the database's ceiling, run as its own process: `node bench/sql-ceiling.mjs <plan.json>`.
// The same SQL work per event as a transition, issued directly with `pg` at the same concurrency
// as the HTTP clients, on the same cases, with named (prepared) statements:
//
//   mode "issue"  — the issue's definition, one transaction of five round trips:
//                   BEGIN; SELECT … FROM cases WHERE id = $1 FOR UPDATE; INSERT INTO case_events …;
//                   UPDATE cases SET snapshot = …, version = version + 1 …; COMMIT
//                   (the snapshot written back is the one read, so its size is the case's real size)
//   mode "runner" — exactly what the service's runner sends for a `session.recorded`: the case
//                   load (CasesRepository.load) and the one-statement write (CasesRepository.apply:
//                   case row guarded by version, event, outbox row, deadlines, idempotency), with
//                   the snapshot parsed, a session appended and serialised again in JavaScript —
//                   the service minus HTTP, Nest, auth, validation and the flows library.
//
// Prints one line of JSON with the figures.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pg } from './lib/deps.mjs';
import { apiDist } from './lib/paths.mjs';
import { summarize } from './lib/stats.mjs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { databaseUrl, cases, warmupSec, durationSec, poolSize, mode } = plan;
const concurrency = cases.length;
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const SUMMARY = plan.summary;
const ACTOR = {
  userId: '00000000-0000-4000-8000-0000000000a2',
  role: 'mediator',
  organizationId: '00000000-0000-4000-8000-000000000031',
};

pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const { CasesRepository } = await import(new URL('cases/cases.repository.js', apiDist).href);
const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
const repository = new CasesRepository(pool);

async function issueTransaction(caseId) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query({
      name: 'c-lock',
      text: 'SELECT version, snapshot::text AS snapshot FROM cases WHERE id = $1 FOR UPDATE',
      values: [caseId],
    });
    const { version, snapshot } = rows[0];
    const at = new Date();
    await client.query({
      name: 'c-event',
      text: `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today) VALUES ($1, $2, 'session.recorded',
        $3::jsonb, $4::jsonb, $5, $6)`,
      values: [
        caseId,
        version + 1,
        JSON.stringify({ heldOn: today, summary: SUMMARY }),
        JSON.stringify(ACTOR),
        at,
        today,
      ],
    });
    await client.query({
      name: 'c-update',
      text: `UPDATE cases SET snapshot = $2::jsonb, version = version + 1, updated_at = $3 WHERE id = $1`,
      values: [caseId, snapshot, at],
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function runnerStatements(caseId) {
  const row = await repository.load(caseId);
  const snapshot = structuredClone(row.snapshot);
  (snapshot.context.records.sessions ??= []).push({ heldOn: today, summary: SUMMARY });
  const at = new Date();
  const ok = await repository.apply({
    caseId,
    expectedVersion: row.version,
    snapshot,
    columns: {
      state: 'mediating',
      status: 'open',
      final: false,
      organizationId: row.organizationId,
      acceptedOn: snapshot.context.acceptedOn ?? null,
      endedOn: null,
      overdue: false,
      courtId: row.courtId,
    },
    organizationPath: row.organizationPath,
    event: {
      type: 'session.recorded',
      payload: { heldOn: today, summary: SUMMARY },
      actor: ACTOR,
      today,
      idempotencyKey: null,
      meta: null,
    },
    upsertDeadlines: [],
    removedDeadlineKinds: [],
    links: null,
    idempotency: null,
    outbox: [
      {
        kind: 'document.mediationRecord',
        recipient: { type: 'parties' },
        payload: { caseNumber: row.caseNumber, heldOn: today },
      },
    ],
    at,
  });
  if (!ok) throw new Error(`version moved on ${caseId}`);
}

const work = mode === 'runner' ? runnerStatements : issueTransaction;
const latencies = [];
let state = 'warmup';
let measured = 0;
let errors = 0;
const errorSamples = [];
let measureStart = 0;

async function worker(i) {
  const own = cases[i];
  let k = 0;
  while (state !== 'done') {
    const t0 = performance.now();
    let ok = true;
    try {
      await work(own[k++ % own.length]);
    } catch (error) {
      ok = false;
      if (errorSamples.length < 5) errorSamples.push(String(error.message ?? error));
    }
    const t1 = performance.now();
    if (state === 'measure' && t0 >= measureStart) {
      measured++;
      latencies.push(t1 - t0);
      if (!ok) errors++;
    }
  }
}

const running = Array.from({ length: concurrency }, (_, i) => worker(i));
await new Promise((r) => setTimeout(r, warmupSec * 1000));
const cpuStart = process.cpuUsage();
measureStart = performance.now();
state = 'measure';
await new Promise((r) => setTimeout(r, durationSec * 1000));
const seconds = (performance.now() - measureStart) / 1000;
const cpu = process.cpuUsage(cpuStart);
state = 'done';
await Promise.all(running);
await pool.end();
process.stdout.write(
  `${JSON.stringify({
    mode,
    concurrency,
    poolSize,
    durationSec: seconds,
    requests: measured,
    errors,
    errorSamples,
    eventsPerSecond: (measured - errors) / seconds,
    latencyMs: summarize(latencies),
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
