// Item 5: deadlines. A fresh database with `timers` people-mediation cases in `mediating` whose
// mediation period ended yesterday (snapshots made by the flows library exactly as if the case
// had been accepted a month ago, protected and stored as the service stores them; deadline rows
// written as the runner writes them). The rows are first held by a lease that never ends
// (claimed_until = 'infinity'), so the service's scheduler cannot see them; then:
//
//   burst   — one UPDATE releases all of them at T0: 100,000 timers due at once. The scheduler
//             (DeadlineScheduler.runOnce, as in production: poll every 500 ms, claim 200 with
//             FOR UPDATE SKIP LOCKED, fire through the runner 16 at a time) expires them all.
//             Reported: expirations/s, and lag after T0 (the `at` of each deadline.expired event − T0).
//   trickle — separate timers released a few at a time (20/s) for 30 s while HTTP load from a
//             separate process runs: lag = fired − released, per timer. At "normal load" (a fixed,
//             moderate event rate) and again at full load (64 clients flat out).
//
// Each deadline.expired goes through the real runner: load, flows library (mediating → terminated,
// a final state), one statement writing event, snapshot, deadline and outbox rows.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openMediatingCases } from './lib/cases.mjs';
import { runScript } from './lib/child.mjs';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { pg } from './lib/deps.mjs';
import { chinaToday, migrate } from './lib/generate.mjs';
import { signIn } from './lib/http.mjs';
import { apiDist, path, repoRoot } from './lib/paths.mjs';
import { DEMO_PASSWORD, memoryOf, serviceSecrets, startService, watchMemory } from './lib/service.mjs';
import { summarize } from './lib/stats.mjs';
import { addDays, flows, idNumber, protectionFrom, rng } from './lib/walk.mjs';

const { columnsOf } = await import(new URL('cases/caseRow.js', apiDist).href);
const { protectCase } = await import(new URL('security/personalData.js', apiDist).href);

const COMMITTEE = '00000000-0000-4000-8000-000000000031';
const MEDIATOR = { userId: '00000000-0000-4000-8000-0000000000a2', role: 'mediator', organizationId: COMMITTEE };

/**
 * A case accepted and assigned on the day that makes its one-month mediation period end
 * yesterday (China time), as the service would have stored it.
 */
function template(protection) {
  const yesterday = addDays(chinaToday(), -1);
  const r = rng(5);
  let best;
  for (let back = 20; back <= 50; back++) {
    const d0 = addDays(chinaToday(), -back);
    const intake = {
      category: 'neighbour',
      summary: '楼上卫生间漏水，双方就维修费用发生纠纷',
      channel: 'walkIn',
      organizationId: COMMITTEE,
      receivedOn: d0,
      parties: [
        { role: 'applicant', kind: 'person', name: '张某', idNumber: idNumber(r), phone: '13800138000' },
        { role: 'respondent', kind: 'person', name: '李某', idNumber: idNumber(r), phone: '13900139000' },
      ],
    };
    const events = [];
    let snapshot = flows.startCase('people-mediation', intake, { today: d0, host: { policy: {} } }).snapshot;
    events.push({
      type: 'case.opened',
      payload: { ...intake, parties: intake.parties.map(({ idNumber: _i, phone: _p, ...rest }) => rest) },
      actor: MEDIATOR,
      today: d0,
    });
    for (const [type, payload] of [
      ['application.accepted', {}],
      ['mediator.assigned', { mediatorId: MEDIATOR.userId, chosenBy: 'committee' }],
    ]) {
      snapshot = flows.sendEvent(snapshot, { type, payload }, { today: d0, host: {} }).snapshot;
      events.push({ type, payload, actor: MEDIATOR, today: d0 });
    }
    const period = snapshot.context.deadlines.find((d) => d.kind === 'mediationPeriod');
    if (period?.status === 'running' && period.dueOn <= yesterday && (!best || period.dueOn > best.period.dueOn))
      best = { snapshot, events, period, d0, intake };
    if (best?.period.dueOn === yesterday) break;
  }
  const stored = protectCase(best.snapshot, protection);
  return { ...best, stored, columns: columnsOf(stored.snapshot) };
}

/**
 * Inserts `count` clones of the template (case, parties, events, deadline rows held by an endless
 * lease unless `held` is false). Also used by item 8 (bench/calendar.mjs).
 */
export async function insertTimers(client, t, { count, offset, tag, held = true }) {
  const { rows } = await client.query(`SELECT path, short_name FROM organizations WHERE id = $1`, [COMMITTEE]);
  const { path: orgPath, short_name: short } = rows[0];
  const year = Number(chinaToday().slice(0, 4));
  const at = `${t.d0}T10:00:00+08:00`;
  await client.query(
    `INSERT INTO cases (id, case_number, flow_id, flow_version, state, status, final, snapshot, version,
       organization_id, organization_path,
       receiving_organization_id, category, channel, risk_level, amount, summary, search_text, received_on, accepted_on,
         ended_on, overdue,
       links, opened_at, updated_at, court_id, parties_view)
     SELECT gen_random_uuid(), $1 || g || '号', 'people-mediation', 1, $2, 'open', false, $3::jsonb, 3, $4, $5, $4,
       'neighbour', 'walkIn', 'none', NULL,
       $6, lower($6 || ' ' || $9), $7, $7, NULL, false, '[]', $8, $8, NULL, $10::jsonb
     FROM generate_series($11::int, $11::int + $12::int - 1) g`,
    [
      `（${year}）${short}人调字第${tag}`,
      t.columns.state,
      JSON.stringify(t.stored.snapshot),
      COMMITTEE,
      orgPath,
      t.intake.summary,
      t.d0,
      at,
      '张某 李某',
      JSON.stringify(t.stored.partiesView),
      offset,
      count,
    ],
  );
  await client.query(
    `INSERT INTO parties (case_id, party_id, role, kind, name, id_number_encrypted, id_number_hash, credit_code,
     phone_encrypted, address, agent)
     SELECT c.id, p."partyId", p.role, p.kind, p.name, p."idNumberEncrypted", p."idNumberHash", p."creditCode",
       p."phoneEncrypted", p.address, p.agent
     FROM cases c, jsonb_to_recordset($1::jsonb) AS p("partyId" text, role text, kind text, name text,
       "idNumberEncrypted" text, "idNumberHash" text,
       "creditCode" text, "phoneEncrypted" text, address text, agent text)
     WHERE c.case_number LIKE $2`,
    [JSON.stringify(t.stored.parties), `%人调字第${tag}%`],
  );
  await client.query(
    `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today)
     SELECT c.id, e.seq, e.type, e.payload, e.actor, $2::timestamptz + e.seq * interval '1 minute', e.today
     FROM cases c, jsonb_to_recordset($1::jsonb) AS e(seq int, type text, payload jsonb, actor jsonb, today date)
     WHERE c.case_number LIKE $3`,
    [JSON.stringify(t.events.map((e, i) => ({ ...e, seq: i + 1 }))), at, `%人调字第${tag}%`],
  );
  await client.query(
    `INSERT INTO deadlines (case_id, kind, sort, status, basis, due_on, remind_on, provisional, provisional_reason,
       counted_from,
       organization_id, organization_path, updated_at, claimed_until, reminded_on)
     SELECT c.id, d.kind, d.sort, d.status, d.basis, d."dueOn", d."remindOn", d.provisional, d."provisionalReason",
       COALESCE((d.steps->0->>'from')::date, d."startedOn"), $2, $3, $4, CASE WHEN $6 THEN 'infinity'::timestamptz END,
         d."remindOn"
     FROM cases c, jsonb_to_recordset($1::jsonb) AS d(kind text, sort text, status text, basis text, "dueOn" date,
       "remindOn" date,
       provisional boolean, "provisionalReason" text, "startedOn" date, steps jsonb)
     WHERE c.case_number LIKE $5`,
    [JSON.stringify(t.stored.snapshot.context.deadlines), COMMITTEE, orgPath, at, `%人调字第${tag}%`, held],
  );
}

export function deadlineOptions(scale) {
  const n = (name, fallback) => Number(process.env[name] ?? fallback);
  return {
    timers: n('BENCH_TIMERS', Math.round(100_000 * Math.min(1, scale))),
    trickleRate: n('BENCH_TRICKLE_RATE', 20),
    trickleSec: n('BENCH_TRICKLE_SEC', scale < 1 ? 15 : 30),
    normalRate: n('BENCH_NORMAL_RATE', 300),
  };
}

export async function runDeadlines({ db, log, outDir, scale = 1 }) {
  const o = deadlineOptions(scale);
  const database = await db.newDatabase('deadlines');
  const client = new pg.Client({ connectionString: database.url });
  let service;
  try {
    await migrate(database.url, DEMO_PASSWORD);
    await client.connect();
    const t = template(protectionFrom(serviceSecrets()));
    const trickleCount = Math.ceil(o.trickleRate * o.trickleSec * 1.1) * 2;
    log(
      `item 5: ${o.timers} timers due at once; mediation period of each case ended ${t.period.dueOn} (opened ${t.d0})`,
    );
    const t0 = performance.now();
    await insertTimers(client, t, { count: o.timers, offset: 100000, tag: 'B' });
    await insertTimers(client, t, { count: trickleCount, offset: 100000, tag: 'T' });
    await client.query(
      `INSERT INTO case_number_counters (organization_id, year, last) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
      [COMMITTEE, Number(chinaToday().slice(0, 4))],
    );
    await client.query('VACUUM ANALYZE');
    log(`  inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    service = await startService({ databaseUrl: database.url, logFile: join(outDir, 'service-deadlines.log'), log });
    const memory = watchMemory(service.pid, 100);

    // Burst: all at once.
    const cpuA = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
    const released = Date.now();
    const { rowCount } = await client.query(
      `UPDATE deadlines d SET claimed_until = NULL FROM cases c
        WHERE c.id = d.case_id AND c.case_number LIKE '%人调字第B%'`,
    );
    log(`  released ${rowCount} timers at ${new Date(released).toISOString()}`);
    const progress = [];
    let fired = 0;
    const deadline = Date.now() + Number(process.env.BENCH_BURST_TIMEOUT_SEC ?? 900) * 1000;
    while (fired < rowCount && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      fired = Number(
        (await client.query(`SELECT count(*) AS n FROM case_events WHERE type = 'deadline.expired'`)).rows[0].n,
      );
      progress.push({ second: Math.round((Date.now() - released) / 1000), fired });
      if (progress.length % 10 === 0) log(`  ${fired} expired after ${progress.at(-1).second} s`);
    }
    const cpuB = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
    const burstMemory = memory.stop();
    const { rows: lagRows } = await client.query(
      `SELECT extract(epoch FROM e.at - $1::timestamptz) * 1000 AS lag_ms, (e.meta->>'lagMs')::float AS legal_lag_ms
       FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE e.type = 'deadline.expired' AND c.case_number LIKE '%人调字第B%'`,
      [new Date(released)],
    );
    const lags = lagRows.map((r) => Number(r.lag_ms));
    const lastMs = Math.max(...lags);
    // The steady rate: between 10% and 90% of the timers expired.
    const sorted = [...lags].sort((a, b) => a - b);
    const p10 = sorted[Math.floor(sorted.length * 0.1)];
    const p90 = sorted[Math.floor(sorted.length * 0.9)];
    const { rows: states } = await client.query(
      `SELECT state, count(*)::int AS n FROM cases WHERE case_number LIKE '%人调字第B%' GROUP BY 1`,
    );
    const { rows: outbox } = await client.query(
      `SELECT count(*)::int AS written, count(delivered_at)::int AS delivered FROM outbox`,
    );
    const burst = {
      timers: rowCount,
      expired: lags.length,
      seconds: lastMs / 1000,
      perSecond: lags.length / (lastMs / 1000),
      steadyPerSecond: (0.8 * lags.length) / ((p90 - p10) / 1000),
      lagMs: summarize(lags),
      legalLagMinutesMedian: summarize(lagRows.map((r) => Number(r.legal_lag_ms))).p50 / 60_000,
      states,
      outbox: outbox[0],
      peakRssMb: burstMemory.peakRssMb,
      cpu: cpuBetween(cpuA, cpuB),
      progress,
    };
    log(
      `  burst: ${burst.expired} expired in ${burst.seconds.toFixed(1)} s = ${burst.perSecond.toFixed(0)}/s ` +
        `(steady ${burst.steadyPerSecond.toFixed(0)}/s), ` +
        `lag p50 ${(burst.lagMs.p50 / 1000).toFixed(1)} s, max ${(burst.lagMs.max / 1000).toFixed(1)} s, ` +
        `peak RSS ${burst.peakRssMb.toFixed(0)} MB`,
    );

    // Trickle under HTTP load: lag of timers falling due a few at a time.
    const token = await signIn(service.baseUrl, 'mediator', DEMO_PASSWORD);
    const clients = 64;
    const setup = await openMediatingCases(service.baseUrl, token, clients * 20, { concurrency: 32 });
    const cases = Array.from({ length: clients }, (_, c) => setup.ids.slice(c * 20, (c + 1) * 20));
    const { rows: trickleRows } = await client.query(
      `SELECT d.case_id FROM deadlines d JOIN cases c ON c.id = d.case_id
        WHERE c.case_number LIKE '%人调字第T%' ORDER BY 1`,
    );
    const trickleIds = trickleRows.map((r) => r.case_id);
    const trickles = {};
    for (const [name, rate] of [
      ['normal load', o.normalRate],
      ['full load', undefined],
    ]) {
      const ids = trickleIds.splice(0, Math.ceil(o.trickleRate * o.trickleSec * 1.1));
      const warmupSec = 5;
      const load = runScript(path(new URL('bench/http-load.mjs', repoRoot)), {
        baseUrl: service.baseUrl,
        username: 'mediator',
        password: DEMO_PASSWORD,
        cases,
        warmupSec,
        durationSec: o.trickleSec + 5,
        ...(rate ? { rate } : {}),
      });
      await new Promise((r) => setTimeout(r, (warmupSec + 3) * 1000));
      const releasedAt = new Map();
      const every = 100;
      const perTick = Math.max(1, Math.round((o.trickleRate * every) / 1000));
      const end = Date.now() + o.trickleSec * 1000;
      while (Date.now() < end && ids.length) {
        const batch = ids.splice(0, perTick);
        await client.query(`UPDATE deadlines SET claimed_until = NULL WHERE case_id = ANY($1)`, [batch]);
        const at = Date.now();
        for (const id of batch) releasedAt.set(id, at);
        await new Promise((r) => setTimeout(r, every));
      }
      const http = await load;
      await new Promise((r) => setTimeout(r, 3000));
      const { rows } = await client.query(
        `SELECT case_id, at FROM case_events WHERE type = 'deadline.expired' AND case_id = ANY($1)`,
        [[...releasedAt.keys()]],
      );
      const lag = rows.map((r) => r.at.getTime() - releasedAt.get(r.case_id));
      trickles[name] = {
        released: releasedAt.size,
        expired: rows.length,
        lagMs: summarize(lag),
        httpEventsPerSecond: http.eventsPerSecond,
        httpP99: http.latencyMs.p99,
        httpErrors: http.errors,
        targetRate: rate ?? null,
      };
      log(
        `  trickle at ${name} (${http.eventsPerSecond.toFixed(0)} events/s over HTTP):` +
          ` ${rows.length}/${releasedAt.size} expired, ` +
          `lag p50 ${trickles[name].lagMs.p50.toFixed(0)} ms, p99 ${trickles[name].lagMs.p99.toFixed(0)} ms, ` +
          `max ${trickles[name].lagMs.max.toFixed(0)} ms`,
      );
    }
    return {
      options: o,
      template: { openedOn: t.d0, dueOn: t.period.dueOn },
      burst,
      trickles,
      serviceHwmMb: memoryOf(service.pid).hwmMb,
    };
  } finally {
    await service?.stop();
    await client.end().catch(() => undefined);
    await database.drop();
  }
}
