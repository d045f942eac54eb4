import { bundledCalendarFile, checkYearSchedule, defaultCalendar, isIsoDate } from '@jiefen/legal-time';
import type pg from 'pg';
import { DomainError, validationFailed, type FieldError } from '../common/errors/DomainError.js';
import type { Actor } from '../cases/actor.js';
import { withTransaction } from '../database/dataSource.js';
import { CalendarRecomputationsRepository } from './calendarRecomputations.repository.js';
import { CalendarYearsRepository, type StoredCalendarYear } from './calendarYears.repository.js';

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

/** A stored version of a year's schedule (calendarYears.repository.ts). */
export type LoadedCalendarYear = StoredCalendarYear;

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
    const years = new CalendarYearsRepository(client);
    const recomputations = new CalendarRecomputationsRepository(client);
    // One loader of a year at a time, on every instance: the version check below is then exact.
    await years.lockYear(input.year);
    const current: number | null =
      (await years.latestVersion(input.year)) ??
      (bundledCalendarFile.years[String(input.year)] ? BUNDLED_VERSION : null);
    checkReplacement(input, current);
    const version = (current ?? BUNDLED_VERSION) + 1;
    await years.insert({
      year: input.year,
      version,
      holidays: sorted(input.holidays),
      makeUpWorkdays: sorted(input.makeUpWorkdays),
      notice: input.notice,
      reason: input.reason ?? null,
      loadedBy,
      loadedAt: at,
    });
    const id = await recomputations.create(input.year, version, at);
    const cases = await recomputations.enqueueTouching(id, input.year);
    await recomputations.setCaseCount(id, cases);
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
      `the ${input.year} schedule is already loaded (version ${current}); ` +
        `to correct it, send replacesVersion: ${current} and a reason`,
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
