import type { YearSchedule } from './LegalCalendar.js';
import { isIsoDate, isoWeekday, toDayNumber, type IsoDate } from './isoDate.js';
import { DECREE_795_IN_FORCE_FROM, statutoryHolidays } from './statutoryHolidays.js';

/** One thing wrong with a year's schedule: which field, which date, and the rule it breaks. */
export interface ScheduleProblem {
  /** The field at fault, e.g. `holidays["2027-02-30"]`, `makeUpWorkdays`, `year`. */
  field: string;
  date?: IsoDate;
  message: string;
}

type Field = 'holidays' | 'makeUpWorkdays';
const SATURDAY = 6;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Checks a State Council schedule before it is loaded for `year`: every date real and inside the
 * year; no day both a holiday and a make-up working day; make-up working days only on Saturdays or
 * Sundays; and, from 2025 (Decree No. 795), every statutory holiday of 全国年节及纪念日放假办法
 * Art. 2 among the holidays. Returns every problem found; an empty list means valid.
 * `LegalCalendar#loadYear` keeps only the structural checks, so older bundled years still load.
 */
export function checkYearSchedule(year: number, schedule: YearSchedule): ScheduleProblem[] {
  if (!Number.isInteger(year) || year < 1949 || year > 9999) {
    return [{ field: 'year', message: `${String(year)} is not a calendar year` }];
  }
  const holidays = datesOf(schedule?.holidays);
  const makeUpWorkdays = datesOf(schedule?.makeUpWorkdays);
  const problems = [
    ...listProblems('holidays', holidays, year),
    ...listProblems('makeUpWorkdays', makeUpWorkdays, year),
  ];
  if (!holidays || !makeUpWorkdays) return problems;
  const validHolidays = new Set(holidays.filter((d) => isDateIn(d, year)));
  const validWorkdays = makeUpWorkdays.filter((d) => isDateIn(d, year));
  problems.push(...clashes(validHolidays, validWorkdays), ...weekdayMakeUps(validWorkdays));
  if (year >= DECREE_795_IN_FORCE_FROM) problems.push(...missingStatutoryDays(year, validHolidays));
  return problems;
}

function datesOf(list: unknown): IsoDate[] | undefined {
  if (list === null || typeof list !== 'object') return undefined;
  return Array.isArray(list) ? list.map(String) : Object.keys(list);
}

function listProblems(field: Field, dates: IsoDate[] | undefined, year: number): ScheduleProblem[] {
  if (!dates) return [{ field, message: `${field} must be a list of ISO dates or an object from ISO date to name` }];
  const problems: ScheduleProblem[] = [];
  for (const date of dates) {
    const at = `${field}["${date}"]`;
    if (!isIsoDate(date)) {
      problems.push({
        field: at,
        date,
        message: `${date} is not a date of the form YYYY-MM-DD that exists in the calendar`,
      });
    } else if (!date.startsWith(`${year}-`)) {
      problems.push({
        field: at,
        date,
        message: `${date} lies outside ${year}: a year's schedule lists only days of that year`,
      });
    }
  }
  return problems;
}

function clashes(holidays: ReadonlySet<IsoDate>, makeUpWorkdays: IsoDate[]): ScheduleProblem[] {
  return makeUpWorkdays
    .filter((date) => holidays.has(date))
    .map((date) => ({
      field: `makeUpWorkdays["${date}"]`,
      date,
      message: `${date} is listed both as a holiday and as a make-up working day: a day is either off or worked`,
    }));
}

/** 国务院关于职工工作时间的规定 Art. 7: Saturday and Sunday are the weekly rest days, and only they are swapped (调休). */
function weekdayMakeUps(makeUpWorkdays: IsoDate[]): ScheduleProblem[] {
  return makeUpWorkdays
    .filter((date) => isoWeekday(toDayNumber(date)) < SATURDAY)
    .map((date) => ({
      field: `makeUpWorkdays["${date}"]`,
      date,
      message:
        `${date} is a ${WEEKDAY_NAMES[isoWeekday(toDayNumber(date))]}: a make-up working day (调休上班) replaces ` +
        'a weekend rest day, so it must be a Saturday or Sunday (国务院关于职工工作时间的规定 Art. 7)',
    }));
}

function missingStatutoryDays(year: number, holidays: ReadonlySet<IsoDate>): ScheduleProblem[] {
  return Object.entries(statutoryHolidays(year))
    .filter(([date]) => !holidays.has(date))
    .map(([date, name]) => ({
      field: 'holidays',
      date,
      message:
        `${date} (${name}) is a statutory holiday under 全国年节及纪念日放假办法 Art. 2 ` +
        '(State Council Decree No. 795, in force 2025-01-01) and must be listed among the holidays',
    }));
}

function isDateIn(date: string, year: number): boolean {
  return isIsoDate(date) && date.startsWith(`${year}-`);
}
