import { bundledCalendarFile, checkYearSchedule, defaultCalendar, isIsoDate } from '@jiefen/legal-time';
import type pg from 'pg';
import { DomainError, validationFailed, type FieldError } from '../common/errors/DomainError.js';
import type { Actor } from '../cases/actor.js';
import { withTransaction } from '../database/dataSource.js';

/** A year's schedule as an operator loads it: the State Council General Office's notice (放假安排的通知). */
export interface CalendarYearInput {
  year: number;
  holidays: Record<string, string>;
  makeUpWorkdays: Record<string, string>;
  notice: { number: string; date: string };
  /** Why a year already loaded (or bundled) is corrected; required then. */
  reason?: string;
  /** The version being corrected (0 for the bundled schedule): a stale one is refused (412). */
  replacesVersion?: number;
}

export interface LoadedCalendarYear {
  year: number;
  version: number;
  notice: { number: string; date: string };
  reason: string | null;
  loadedBy: Actor;
  loadedAt: string;
  holidays: Record<string, string>;
  makeUpWorkdays: Record<string, string>;
}

export interface LoadResult {
  year: LoadedCalendarYear;
  recomputation: { id: string; cases: number };
}

/** The bundled schedule counts as version 0 of its year: a correction of it is version 1. */
export const BUNDLED_VERSION = 0;

/**
 * Stores a new version of a year's schedule and, in the same transaction, the recomputation of
 * every running deadline whose count touched that year (from its first counted day to its due
 * date). Validated first (legal-time's `checkYearSchedule`); nothing is written on any error.
 */
export async function storeCalendarYear(
  pool: pg.Pool,
  input: CalendarYearInput,
  loadedBy: Actor,
  at: Date,
): Promise<LoadResult> {
  checkInput(input);
  return withTransaction(pool, async (client) => {
    // One loader of a year at a time, on every instance: the version check below is then exact.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-year:${input.year}`]);
    const { rows } = await client.query('SELECT max(version) AS version FROM calendar_years WHERE year = $1', [
      input.year,
    ]);
    const current: number | null =
      rows[0].version ?? (bundledCalendarFile.years[String(input.year)] ? BUNDLED_VERSION : null);
    checkReplacement(input, current);
    const version = (current ?? BUNDLED_VERSION) + 1;
    await client.query(
      `INSERT INTO calendar_years (year, version, holidays, make_up_workdays, notice_number, notice_date, reason, loaded_by, loaded_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8::jsonb, $9)`,
      [
        input.year,
        version,
        JSON.stringify(sorted(input.holidays)),
        JSON.stringify(sorted(input.makeUpWorkdays)),
        input.notice.number,
        input.notice.date,
        input.reason ?? null,
        JSON.stringify(loadedBy),
        at,
      ],
    );
    const job = await client.query(
      'INSERT INTO calendar_recomputations (year, version, created_at) VALUES ($1, $2, $3) RETURNING id',
      [input.year, version, at],
    );
    const id = String(job.rows[0].id);
    const cases = await enqueueTouching(client, id, input.year);
    await client.query('UPDATE calendar_recomputations SET cases = $2 WHERE id = $1', [id, cases]);
    return {
      year: {
        year: input.year,
        version,
        notice: input.notice,
        reason: input.reason ?? null,
        loadedBy,
        loadedAt: at.toISOString(),
        holidays: sorted(input.holidays),
        makeUpWorkdays: sorted(input.makeUpWorkdays),
      },
      recomputation: { id, cases },
    };
  });
}

/** Queues every case with a running deadline whose count touched `year`; returns how many were queued. */
export async function enqueueTouching(
  db: pg.PoolClient | pg.Pool,
  recomputationId: string,
  year: number,
  changedSince?: Date,
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO calendar_recompute_items (recomputation_id, case_id)
     SELECT DISTINCT $1::bigint, case_id FROM deadlines
     WHERE status = 'running' AND due_on >= $2::date AND counted_from <= $3::date
       AND ($4::timestamptz IS NULL OR updated_at >= $4)
     ON CONFLICT DO NOTHING`,
    [recomputationId, `${year}-01-01`, `${year}-12-31`, changedSince ?? null],
  );
  return rowCount ?? 0;
}

/** The newest version of every loaded year, oldest year first. */
export async function latestCalendarYears(db: pg.Pool | pg.PoolClient): Promise<LoadedCalendarYear[]> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (year) year, version, holidays, make_up_workdays, notice_number, notice_date, reason, loaded_by, loaded_at
     FROM calendar_years ORDER BY year, version DESC`,
  );
  return rows.map(recordOf);
}

/** Every version of one year, newest first: the audit of its corrections. */
export async function calendarYearVersions(db: pg.Pool, year: number): Promise<LoadedCalendarYear[]> {
  const { rows } = await db.query(
    `SELECT year, version, holidays, make_up_workdays, notice_number, notice_date, reason, loaded_by, loaded_at
     FROM calendar_years WHERE year = $1 ORDER BY version DESC`,
    [year],
  );
  return rows.map(recordOf);
}

/**
 * Loads into the process's calendar every year version newer than what it holds; returns the years
 * that changed. Every instance runs this at boot and then once per polling interval.
 */
export function applyToCalendar(years: readonly LoadedCalendarYear[], loaded: Map<number, number>): number[] {
  const changed: number[] = [];
  for (const y of years) {
    if ((loaded.get(y.year) ?? BUNDLED_VERSION) >= y.version) continue;
    defaultCalendar.loadYear(y.year, { holidays: y.holidays, makeUpWorkdays: y.makeUpWorkdays });
    loaded.set(y.year, y.version);
    changed.push(y.year);
  }
  return changed;
}

function recordOf(r: Record<string, any>): LoadedCalendarYear {
  return {
    year: r.year,
    version: r.version,
    notice: { number: r.notice_number, date: r.notice_date },
    reason: r.reason,
    loadedBy: r.loaded_by,
    loadedAt: new Date(r.loaded_at).toISOString(),
    holidays: r.holidays,
    makeUpWorkdays: r.make_up_workdays,
  };
}

function checkInput(input: CalendarYearInput): void {
  const errors: FieldError[] = checkYearSchedule(input.year, {
    holidays: input.holidays,
    makeUpWorkdays: input.makeUpWorkdays,
  }).map((p) => ({
    field: p.field,
    message: p.message,
  }));
  if (!isIsoDate(input.notice.date)) errors.push({ field: 'notice.date', message: 'must be a date (YYYY-MM-DD)' });
  // A schedule is published before its year starts, never more than a year ahead (e.g. 2027's in Nov 2026).
  else if (input.notice.date >= `${input.year + 1}-01-01`)
    errors.push({ field: 'notice.date', message: `a notice for ${input.year} is dated before ${input.year + 1}` });
  if (errors.length) throw validationFailed(errors, `the ${input.year} schedule`);
}

function checkReplacement(input: CalendarYearInput, current: number | null): void {
  if (current === null) return;
  if (input.replacesVersion === undefined) {
    throw new DomainError(
      'CALENDAR_YEAR_EXISTS',
      `the ${input.year} schedule is already loaded (version ${current}); to correct it, send replacesVersion: ${current} and a reason`,
      { year: input.year, currentVersion: current },
    );
  }
  if (input.replacesVersion !== current) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `the ${input.year} schedule is at version ${current}, not ${input.replacesVersion}: reload it and try again`,
      {
        year: input.year,
        expectedVersion: input.replacesVersion,
        currentVersion: current,
      },
    );
  }
  if (!input.reason?.trim())
    throw validationFailed([{ field: 'reason', message: `is required to correct the ${input.year} schedule` }]);
}

function sorted(dates: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(dates).sort(([a], [b]) => a.localeCompare(b)));
}
