// Item 8: a calendar year loaded into a running service (issue 11). A fresh database with `cases`
// people-mediation cases in `mediating` whose one-month mediation period was counted today into
// next year, whose State Council schedule is not published: provisional, on the statutory holidays
// (snapshots made by the flows library as if each case had been accepted today, stored as the
// service stores them). Then an administrator loads next year's schedule (PUT /calendar/years/{year})
// and the service's DeadlineRecomputer, as in production (background jobs on, poll 500 ms), writes a
// `deadline.recomputed` event through the runner for every case. Reported: seconds from the PUT to
// the last event, events/s, and whether every case got exactly one.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { pg } from './lib/deps.mjs';
import { chinaToday, migrate } from './lib/generate.mjs';
import { signIn } from './lib/http.mjs';
import { apiDist, repoRoot } from './lib/paths.mjs';
import { DEMO_PASSWORD, serviceSecrets, startService, watchMemory } from './lib/service.mjs';
import { insertTimers } from './deadlines.mjs';
import { flows, idNumber, protectionFrom, rng } from './lib/walk.mjs';

const { columnsOf } = await import(new URL('cases/caseRow.js', apiDist).href);
const { protectCase } = await import(new URL('security/personalData.js', apiDist).href);
const { statutoryHolidays } = await import(new URL('packages/legal-time/dist/index.js', repoRoot).href);

const COMMITTEE = '00000000-0000-4000-8000-000000000031';
const MEDIATOR = { userId: '00000000-0000-4000-8000-0000000000a2', role: 'mediator', organizationId: COMMITTEE };

/** A case accepted and assigned today: its one-month mediation period reaches into an unpublished year. */
function template(protection, today) {
  const r = rng(6);
  const intake = {
    category: 'neighbour',
    summary: '楼上卫生间漏水，双方就维修费用发生纠纷',
    channel: 'walkIn',
    organizationId: COMMITTEE,
    receivedOn: today,
    parties: [
      { role: 'applicant', kind: 'person', name: '张某', idNumber: idNumber(r), phone: '13800138000' },
      { role: 'respondent', kind: 'person', name: '李某', idNumber: idNumber(r), phone: '13900139000' },
    ],
  };
  const events = [
    {
      type: 'case.opened',
      payload: { ...intake, parties: intake.parties.map(({ idNumber: _i, phone: _p, ...rest }) => rest) },
      actor: MEDIATOR,
      today,
    },
  ];
  let snapshot = flows.startCase('people-mediation', intake, { today, host: { policy: {} } }).snapshot;
  for (const [type, payload] of [
    ['application.accepted', {}],
    ['mediator.assigned', { mediatorId: MEDIATOR.userId, chosenBy: 'committee' }],
  ]) {
    snapshot = flows.sendEvent(snapshot, { type, payload }, { today, host: {} }).snapshot;
    events.push({ type, payload, actor: MEDIATOR, today });
  }
  const period = snapshot.context.deadlines.find((d) => d.kind === 'mediationPeriod');
  const stored = protectCase(snapshot, protection);
  return { snapshot, events, period, d0: today, intake, stored, columns: columnsOf(stored.snapshot) };
}

export async function runCalendar({ db, log, outDir, scale = 1 }) {
  const count = Number(process.env.BENCH_CALENDAR_CASES ?? Math.round(100_000 * Math.min(1, scale)));
  const today = chinaToday();
  const t = template(protectionFrom(serviceSecrets()), today);
  const year = Number(t.period.dueOn.slice(0, 4));
  if (!t.period.provisional)
    throw new Error(
      `the mediation period counted today ends ${t.period.dueOn}, on a published year: ` +
        `run this item in a year's last month`,
    );
  const database = await db.newDatabase('calendar');
  const client = new pg.Client({ connectionString: database.url });
  let service;
  try {
    await migrate(database.url, DEMO_PASSWORD);
    await client.connect();
    log(
      `item 8: ${count} cases whose mediation period ends ${t.period.dueOn} (provisional:` +
        ` ${t.period.provisionalReason}); loading ${year}`,
    );
    const t0 = performance.now();
    await insertTimers(client, t, { count, offset: 100000, tag: 'C', held: false });
    await client.query('VACUUM ANALYZE');
    log(`  inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    service = await startService({ databaseUrl: database.url, logFile: join(outDir, 'service-calendar.log'), log });
    const memory = watchMemory(service.pid, 100);
    const token = await signIn(service.baseUrl, 'admin', DEMO_PASSWORD);
    // A schedule as a notice publishes one: the statutory days and the days bridging them.
    const holidays = { ...statutoryHolidays(year), [`${year}-01-02`]: '元旦', [`${year}-01-03`]: '元旦' };
    const body = {
      holidays,
      makeUpWorkdays: {},
      notice: { number: `国办发明电〔${year - 1}〕（基准测试）`, date: today },
    };
    const cpuA = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
    const put = Date.now();
    const response = await fetch(`${service.baseUrl}/api/v1/calendar/years/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT /calendar/years/${year}: ${response.status} ${await response.text()}`);
    const loaded = await response.json();
    const putMs = Date.now() - put;
    log(`  PUT answered in ${putMs} ms; ${loaded.recomputation.cases} cases queued`);
    const progress = [];
    let events = 0;
    const deadline = Date.now() + Number(process.env.BENCH_CALENDAR_TIMEOUT_SEC ?? 600) * 1000;
    while (events < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      events = Number(
        (await client.query(`SELECT count(*) AS n FROM case_events WHERE type = 'deadline.recomputed'`)).rows[0].n,
      );
      progress.push({ second: Math.round((Date.now() - put) / 1000), events });
      if (progress.length % 10 === 0) log(`  ${events} recomputed after ${progress.at(-1).second} s`);
    }
    const cpuB = cpuSnapshot({ servicePid: service.pid, dataDir: db.dataDir });
    const { rows } = await client.query(
      `SELECT extract(epoch FROM max(at) - $1::timestamptz) AS last_s, count(*)::int AS events,
       count(DISTINCT case_id)::int AS cases
       FROM case_events WHERE type = 'deadline.recomputed'`,
      [new Date(put)],
    );
    const { rows: moved } = await client.query(
      `SELECT due_on, provisional, count(*)::int AS n FROM deadlines WHERE kind = 'mediationPeriod' GROUP BY 1, 2`,
    );
    const result = {
      cases: count,
      year,
      dueBefore: t.period.dueOn,
      putMs,
      queued: loaded.recomputation.cases,
      events: rows[0].events,
      casesWithEvent: rows[0].cases,
      seconds: Number(rows[0].last_s),
      perSecond: rows[0].events / Number(rows[0].last_s),
      deadlineRows: moved,
      peakRssMb: memory.stop().peakRssMb,
      cpu: cpuBetween(cpuA, cpuB),
      progress,
    };
    log(
      `  ${result.events} events for ${result.casesWithEvent} cases in ${result.seconds.toFixed(1)} s ` +
        `= ${result.perSecond.toFixed(0)}/s`,
    );
    return result;
  } finally {
    await service?.stop();
    await client.end().catch(() => undefined);
    await database.drop();
  }
}
