import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statutoryHolidays } from '@jiefen/legal-time';
import pg from 'pg';
import { DeadlineRecomputer } from '../src/calendar/deadlineRecomputer.js';
import { CalendarSync } from '../src/calendar/calendarSync.js';
import { storeCalendarYear } from '../src/calendar/calendarYearStore.js';
import { anIntake } from './support/factories.js';
import { startTestApp, TEST_ENV, type Client, type TestApp } from './support/testApp.js';

/*
 * Issue 11: the calendar is legal data operators maintain. Each test works on its own calendar year,
 * because the calendar a year is loaded into is the process's own (as in the service).
 */

const at = (instant: string) => new Date(instant);
const ADMIN = 'admin';

let t: TestApp;
let admin: Client;
beforeEach(async () => {
  t = await startTestApp();
  admin = await t.as(ADMIN);
});
afterEach(async () => {
  await t.close();
});

const recomputer = (app: TestApp = t) => app.app.get(DeadlineRecomputer);
const caseOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body;
const mediationPeriodOf = async (id: string) =>
  (await caseOf(id)).deadlines.find((d: { kind: string }) => d.kind === 'mediationPeriod');
const trail = async (id: string) =>
  (await t.dataSource.query('SELECT type, payload, actor, meta FROM case_events WHERE case_id = $1 ORDER BY seq', [
    id,
  ])) as {
    type: string;
    payload: Record<string, unknown>;
    actor: { role: string };
  }[];

async function acceptedOn(day: string): Promise<string> {
  t.clock.set(at(`${day}T10:00:00+08:00`));
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await t.http.post(`/api/v1/cases/${body.id}/events`).send({ type: 'application.accepted' }).expect(200);
  return body.id;
}

/** A schedule as a notice would publish it: the statutory days plus `extra` days off. */
function scheduleOf(year: number, extra: Record<string, string> = {}, makeUpWorkdays: Record<string, string> = {}) {
  return {
    holidays: { ...statutoryHolidays(year), ...extra },
    makeUpWorkdays,
    notice: { number: `国办发明电〔${year - 1}〕99号`, date: `${year - 1}-11-12` },
  };
}

/** The first day on or after `from` that is a weekday and not in `holidays` (a schedule without make-up days). */
function firstWorkingDayFrom(from: string, holidays: Record<string, string>): string {
  for (let day = new Date(`${from}T00:00:00Z`); ; day = new Date(day.getTime() + 86_400_000)) {
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays[iso]) return iso;
  }
}

const load = (year: number, body: Record<string, unknown>, client: Client = admin) =>
  client.put(`/api/v1/calendar/years/${year}`).send(body);

describe('before the notice: the statutory holidays (全国年节及纪念日放假办法 Art. 2, rev. 2024-11-10)', () => {
  it('a one-month period accepted 2026-12-01 ends 2027-01-04, provisional, not on New Year’s Day', async () => {
    const id = await acceptedOn('2026-12-01');
    expect(await mediationPeriodOf(id)).toMatchObject({
      dueOn: '2027-01-04',
      provisional: true,
      provisionalReason: expect.stringContaining('calendar year 2027 not published; statutory holidays applied'),
    });
    const { body } = await t.http.get('/api/v1/deadlines?kind=mediationPeriod').expect(200);
    expect(body.items.find((d: { caseId: string }) => d.caseId === id)).toMatchObject({
      dueOn: '2027-01-04',
      provisional: true,
      provisionalReason: expect.stringContaining('statutory holidays applied'),
    });
  });
});

describe('loading a published year (PUT /api/v1/calendar/years/{year})', () => {
  it('recomputes the year’s deadlines: an event, new timer, mediator told (CPL Art. 85; CC Art. 203)', async () => {
    const newYear = await acceptedOn('2026-12-01'); // due 2027-01-04, provisional
    // Last day 2027-02-08 (初三, statutory) → 2027-02-09, provisional.
    const springFestival = await acceptedOn('2027-01-08');
    expect(await mediationPeriodOf(springFestival)).toMatchObject({ dueOn: '2027-02-09', provisional: true });

    const schedule = scheduleOf(
      2027,
      { '2027-01-02': '元旦', '2027-01-03': '元旦', '2027-02-09': '春节', '2027-02-10': '春节', '2027-02-11': '春节' },
      { '2027-02-14': '春节' },
    );
    const { body: loaded } = await load(2027, schedule).expect(200);
    expect(loaded).toMatchObject({
      year: { year: 2027, version: 1, notice: schedule.notice, loadedBy: { username: ADMIN } },
      recomputation: { cases: 2 },
    });

    expect(await recomputer().runOnce()).toMatchObject({ cases: 2, events: 2, failed: 0 });
    expect(await mediationPeriodOf(springFestival)).toMatchObject({ dueOn: '2027-02-12', provisional: false });
    expect(await mediationPeriodOf(springFestival)).not.toHaveProperty('provisionalReason');
    expect((await trail(springFestival)).at(-1)).toMatchObject({
      type: 'deadline.recomputed',
      actor: { role: 'engine' },
      payload: {
        kind: 'mediationPeriod',
        from: '2027-02-09',
        to: '2027-02-12',
        provisional: false,
        basis: expect.stringContaining('国办发明电〔2026〕99号'),
      },
    });
    // The durable timer follows in the same statement.
    const [timer] = await t.dataSource.query(
      `SELECT due_on, provisional, provisional_reason FROM deadlines WHERE case_id = $1 AND kind = 'mediationPeriod'`,
      [springFestival],
    );
    expect(timer).toEqual({ due_on: '2027-02-12', provisional: false, provisional_reason: null });
    // New Year's Day stays the 4th, now final: recorded, but nobody is told of a date that did not move.
    expect(await mediationPeriodOf(newYear)).toMatchObject({ dueOn: '2027-01-04', provisional: false });
    expect((await trail(newYear)).at(-1)).toMatchObject({
      type: 'deadline.recomputed',
      payload: { from: '2027-01-04', to: '2027-01-04', provisional: false },
    });
    const notices = await t.dataSource.query(
      `SELECT case_id, recipient, payload FROM outbox WHERE kind = 'notice.deadlineMoved'`,
    );
    expect(notices).toEqual([
      expect.objectContaining({
        case_id: springFestival,
        payload: expect.objectContaining({ from: '2027-02-09', to: '2027-02-12' }),
      }),
    ]);

    // Exactly once: another pass finds nothing to change.
    expect(await recomputer().runOnce()).toMatchObject({ events: 0 });
    expect((await trail(springFestival)).filter((e) => e.type === 'deadline.recomputed')).toHaveLength(1);

    // A case accepted now counts on the loaded year at once.
    const later = await acceptedOn('2027-01-09'); // last day 2027-02-09, off under the notice → 2027-02-12
    expect(await mediationPeriodOf(later)).toMatchObject({ dueOn: '2027-02-12', provisional: false });
  });

  it('refuses an invalid schedule with 400 naming each bad date, and stores nothing', async () => {
    const valid = scheduleOf(2035);
    const bad = async (body: Record<string, unknown>, field: RegExp) => {
      const { body: problem } = await load(2035, body).expect(400);
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e: { field: string }) => e.field).join(' ')).toMatch(field);
    };
    await bad({ ...valid, holidays: { ...valid.holidays, '2036-01-01': '元旦' } }, /2036-01-01/); // another year
    await bad({ ...valid, holidays: { ...valid.holidays, '2035-02-30': '春节' } }, /2035-02-30/); // no such day
    const [weekday] = Object.keys(valid.holidays).filter(
      (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    // A holiday and a make-up day, on a weekday.
    await bad({ ...valid, makeUpWorkdays: { [weekday!]: '调休' } }, new RegExp(weekday!));
    const { '2035-01-01': _newYear, ...withoutNewYear } = valid.holidays;
    await bad({ ...valid, holidays: withoutNewYear }, /2035-01-01|holidays/); // a statutory day missing
    await bad({ ...valid, notice: { number: '国办发明电〔2034〕1号', date: '2035-13-01' } }, /notice\.date/);
    await bad({ ...valid, unexpected: true }, /unexpected/);
    expect(await t.dataSource.query('SELECT 1 FROM calendar_years WHERE year = 2035')).toEqual([]);
    expect((await admin.get('/api/v1/calendar/years/2035').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('is an administrator’s: any other role gets 403 and nothing is stored', async () => {
    for (const role of ['reception', 'mediator', 'supervisor', 'court', 'petition']) {
      expect((await load(2036, scheduleOf(2036), await t.as(role)).expect(403)).body.code).toBe('FORBIDDEN');
    }
    expect(await t.dataSource.query('SELECT 1 FROM calendar_years WHERE year = 2036')).toEqual([]);
  });

  it('never silently replaces a loaded year: a correction names the version and why, as a new version', async () => {
    await load(2037, scheduleOf(2037)).expect(200);
    const again = await load(2037, scheduleOf(2037, { '2037-10-05': '国庆节' })).expect(409);
    expect(again.body).toMatchObject({ code: 'CALENDAR_YEAR_EXISTS', currentVersion: 1 });
    expect(
      (await load(2037, { ...scheduleOf(2037), replacesVersion: 0, reason: '更正' }).expect(412)).body,
    ).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    expect((await load(2037, { ...scheduleOf(2037), replacesVersion: 1 }).expect(400)).body.errors[0].field).toBe(
      'reason',
    );
    const corrected = await load(2037, {
      ...scheduleOf(2037, { '2037-10-05': '国庆节' }),
      replacesVersion: 1,
      reason: '补充国庆节假日',
    }).expect(200);
    expect(corrected.body.year).toMatchObject({ version: 2, reason: '补充国庆节假日' });
    const { body: year } = await admin.get('/api/v1/calendar/years/2037').expect(200);
    expect(year).toMatchObject({
      year: 2037,
      version: 2,
      source: 'loaded',
      holidays: expect.objectContaining({ '2037-10-05': '国庆节' }),
    });
    expect(year.versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [2, '补充国庆节假日'],
      [1, null],
    ]);
  });

  it('corrects a bundled year only as version 1 of it, with a reason', async () => {
    const bundled = (await admin.get('/api/v1/calendar/years/2026').expect(200)).body;
    expect(bundled).toMatchObject({ year: 2026, version: 0, source: 'bundled' });
    const body = {
      holidays: bundled.holidays,
      makeUpWorkdays: bundled.makeUpWorkdays,
      notice: { number: '国办发明电〔2025〕7号', date: '2025-11-04' },
    };
    expect((await load(2026, body).expect(409)).body).toMatchObject({
      code: 'CALENDAR_YEAR_EXISTS',
      currentVersion: 0,
    });
    await load(2026, { ...body, replacesVersion: 0, reason: '按通知原文核对' }).expect(200);
    const { body: list } = await t.http.get('/api/v1/calendar/years').expect(200);
    expect(list.years.find((y: { year: number }) => y.year === 2025)).toMatchObject({ source: 'bundled', version: 0 });
    expect(list.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({
      source: 'loaded',
      version: 1,
      loadedBy: { username: ADMIN },
      loadedAt: expect.any(String),
      notice: { number: '国办发明电〔2025〕7号' },
      recomputation: { cases: 0 },
    });
  });
});

describe('recomputation across instances and restarts', () => {
  it('writes each recomputation exactly once when two instances share the work', async () => {
    const other = await startTestApp({ databaseUrl: t.databaseUrl, clock: t.clock });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await acceptedOn('2031-09-01')); // last day 2031-10-01 (国庆节) → after Oct 3
      const extra = { '2031-10-04': '国庆节', '2031-10-05': '国庆节', '2031-10-06': '国庆节', '2031-10-07': '国庆节' };
      await load(2031, scheduleOf(2031, extra)).expect(200);
      await other.app.get(CalendarSync).refresh();
      const [a, b] = await Promise.all([recomputer().runOnce(), recomputer(other).runOnce()]);
      expect(a.cases + b.cases).toBe(20);
      expect(a.failed + b.failed).toBe(0);
      const expected = firstWorkingDayFrom('2031-10-01', { ...statutoryHolidays(2031), ...extra });
      for (const id of ids) {
        expect((await trail(id)).filter((e) => e.type === 'deadline.recomputed')).toHaveLength(1);
        expect(await mediationPeriodOf(id)).toMatchObject({ dueOn: expected, provisional: false });
      }
    } finally {
      await other.close();
    }
  });

  it('finishes a recomputation queued before a restart; sweeps deadlines counted on the old calendar', async () => {
    const before = await acceptedOn('2033-09-01');
    await load(2033, scheduleOf(2033, { '2033-10-04': '国庆节', '2033-10-05': '国庆节' })).expect(200);
    // Another instance that has not polled yet still counts on the statutory days alone: simulate its write.
    const stale = await acceptedOn('2033-09-02');
    await t.dataSource.query(`UPDATE deadlines SET due_on = '2033-10-04', provisional = true WHERE case_id = $1`, [
      stale,
    ]);
    await t.dataSource.query(
      `UPDATE cases SET snapshot = jsonb_set(snapshot, '{context,deadlines}',
         (SELECT jsonb_agg(CASE WHEN x->>'kind' = 'mediationPeriod'
          THEN x || '{"dueOn":"2033-10-04","provisional":true}'::jsonb ELSE x END)
          FROM jsonb_array_elements(snapshot->'context'->'deadlines') x)) WHERE id = $1`,
      [stale],
    );
    t = await t.restart();
    admin = await t.as(ADMIN);
    expect((await recomputer().runOnce()).cases).toBeGreaterThanOrEqual(1);
    const expected = firstWorkingDayFrom('2033-10-01', {
      ...statutoryHolidays(2033),
      '2033-10-04': '国庆节',
      '2033-10-05': '国庆节',
    });
    expect(await mediationPeriodOf(before)).toMatchObject({ dueOn: expected, provisional: false });
    // The sweep comes once every instance has surely loaded the year (a few polling intervals later).
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await recomputer().runOnce();
    await recomputer().runOnce();
    expect(await mediationPeriodOf(stale)).toMatchObject({
      dueOn: firstWorkingDayFrom('2033-10-02', {
        ...statutoryHolidays(2033),
        '2033-10-04': '国庆节',
        '2033-10-05': '国庆节',
      }),
      provisional: false,
    });
    const [job] = await t.dataSource.query('SELECT done_at, swept_at FROM calendar_recomputations WHERE year = 2033');
    expect(job.swept_at).not.toBeNull();
    expect(job.done_at).not.toBeNull();
  });

  it('uses a year stored by another instance or the CLI within one polling interval, without a restart', async () => {
    const pool = new pg.Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      await storeCalendarYear(
        pool,
        { year: 2039, ...scheduleOf(2039) },
        { userId: 'cli', username: 'cli:test', role: 'admin', organizationId: null },
        new Date(),
      );
    } finally {
      await pool.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // JIEFEN_POLL_INTERVAL_MS defaults to 500
    const id = await acceptedOn('2039-03-01');
    expect(await mediationPeriodOf(id)).toMatchObject({ provisional: false });
  });

  it('loads a year from a notice file on the command line (calendar load --year --file)', async () => {
    const file = join(tmpdir(), `jiefen-calendar-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(scheduleOf(2041)));
    const cli = new URL('../dist/cli.js', import.meta.url).pathname;
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, ...args], {
          env: { ...process.env, ...TEST_ENV, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout!.on('data', (c) => (output += c));
        child.stderr!.on('data', (c) => (output += c));
        child.once('exit', (code) => resolve({ code, output }));
      });
    expect(await run(['calendar', 'load', '--year', '2041', '--file', file])).toMatchObject({
      code: 0,
      output: expect.stringContaining('version 1'),
    });
    const again = await run(['calendar', 'load', '--year', '2041', '--file', file]);
    expect(again).toMatchObject({ code: 1, output: expect.stringContaining('already loaded') });
    const { body } = await t.http.get('/api/v1/calendar/years').expect(200);
    expect(body.years.find((y: { year: number }) => y.year === 2041)).toMatchObject({
      source: 'loaded',
      version: 1,
      loadedBy: { username: expect.stringMatching(/^cli:/) },
    });
  });
});
