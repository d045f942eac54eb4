import { defaultCalendar } from './defaultCalendar.js';
import type { LegalCalendar } from './LegalCalendar.js';
import { LegalTimeError } from './LegalTimeError.js';
import { fromDayNumber, toDayNumber, yearOfDayNumber, type IsoDate } from './isoDate.js';
import { provisionalReasonFor } from './provisionalReasonFor.js';

/** The units Chinese rules count periods in (CPL Art. 85; CC Art. 200). */
export const PERIOD_UNITS = ['day', 'workingDay', 'month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  /** The day of the event that starts the period; it is not counted (CC Art. 201; CPL Art. 85). */
  from: IsoDate;
  length: number;
  unit: PeriodUnit;
}

export interface DueDate {
  /** The last day of the period, after moving off a rest day (CC Art. 203; CPL Art. 85). */
  dueOn: IsoDate;
  /** The last day before that move: what pauses and extensions count from. */
  endsOn: IsoDate;
  /** True when the computation reached a year whose official schedule is not loaded. */
  provisional: boolean;
  /**
   * Present exactly when `provisional`: which years were not loaded and what was assumed, e.g.
   * `calendar year 2027 not published; statutory holidays applied` (several years joined by `; `).
   */
  provisionalReason?: string;
  /**
   * The calendar years the computation looked at, from the year of its start day to the year of
   * `dueOn`, ascending: loading or correcting one of them may change the answer.
   */
  yearsTouched: number[];
}

/** Upper bounds that keep a typo (length 3000000) from becoming a long loop. */
const MAX_LENGTH: Record<PeriodUnit, number> = { day: 36_500, workingDay: 25_000, month: 1_200, year: 100 };
const DAYS_SEARCHED_FOR_A_WORKING_DAY = 60;

/**
 * Computes when a legal period ends under CPL Art. 85 and CC Arts. 200-203:
 * the start day is not counted; a month or year period ends on the corresponding day of the
 * last month, or that month's last day when it has none; a last day that is not a working day
 * (weekend or public holiday, make-up working days excepted) moves to the next working day;
 * `workingDay` periods count working days only.
 */
export function computeDueDate(period: Period, calendar: LegalCalendar = defaultCalendar): DueDate {
  const { from, length, unit } = checkPeriod(period);
  const start = toDayNumber(from);
  const tracker = new ProvisionalTracker(calendar);
  const end =
    unit === 'workingDay' ? countWorkingDays(start, length, calendar, tracker) : nominalEnd(start, length, unit);
  tracker.see(end);
  const due = nextWorkingDayFrom(end, calendar, tracker);
  return tracker.dueDate(start, end, due);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: IsoDate, calendar: LegalCalendar = defaultCalendar): DueDate {
  const day = toDayNumber(date);
  const tracker = new ProvisionalTracker(calendar);
  tracker.see(day);
  return tracker.dueDate(day, day, nextWorkingDayFrom(day, calendar, tracker));
}

/** The working day `count` working days before `date` (a reminder "3 working days before"). */
export function workingDaysBefore(date: IsoDate, count: number, calendar: LegalCalendar = defaultCalendar): IsoDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new LegalTimeError('INVALID_LENGTH', `count ${String(count)} is not a whole number ≥ 0`, count);
  }
  let day = toDayNumber(date);
  for (let counted = 0; counted < count;) {
    day--;
    if (calendar.isWorkingDayNumber(day)) counted++;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: LegalCalendar = defaultCalendar): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (calendar.isWorkingDayNumber(day)) count++;
  return count;
}

function checkPeriod(period: Period): Period {
  if (period === null || typeof period !== 'object') {
    throw new LegalTimeError('INVALID_LENGTH', 'a period needs { from, length, unit }', period);
  }
  const { from, length, unit } = period;
  toDayNumber(from);
  if (!(PERIOD_UNITS as readonly string[]).includes(unit)) {
    throw new LegalTimeError('INVALID_UNIT', `unit "${String(unit)}" is not one of ${PERIOD_UNITS.join(', ')}`, unit);
  }
  if (!Number.isInteger(length) || length < 0) {
    throw new LegalTimeError(
      'INVALID_LENGTH',
      `length ${String(length)} is not a whole number of ${unit}s ≥ 0`,
      length,
    );
  }
  if (length > MAX_LENGTH[unit]) {
    throw new LegalTimeError('INVALID_LENGTH', `length ${length} exceeds ${MAX_LENGTH[unit]} ${unit}s`, length);
  }
  return period;
}

function nominalEnd(start: number, length: number, unit: Exclude<PeriodUnit, 'workingDay'>): number {
  if (unit === 'day') return start + length;
  const months = unit === 'month' ? length : length * 12;
  const date = new Date(start * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // CC Art. 202: the corresponding day, or the last day of a month that has none (Jan 31 + 1 month).
  const day = Math.min(date.getUTCDate(), lastDayOfTargetMonth);
  return Date.UTC(year, month, day) / 86_400_000;
}

function countWorkingDays(start: number, length: number, calendar: LegalCalendar, tracker: ProvisionalTracker): number {
  let day = start;
  for (let counted = 0; counted < length;) {
    day++;
    tracker.see(day);
    if (calendar.isWorkingDayNumber(day)) counted++;
  }
  return day;
}

function nextWorkingDayFrom(day: number, calendar: LegalCalendar, tracker: ProvisionalTracker): number {
  for (let candidate = day; candidate < day + DAYS_SEARCHED_FOR_A_WORKING_DAY; candidate++) {
    tracker.see(candidate);
    if (calendar.isWorkingDayNumber(candidate)) return candidate;
  }
  throw new LegalTimeError(
    'INVALID_SCHEDULE',
    `no working day within ${DAYS_SEARCHED_FOR_A_WORKING_DAY} days of ${fromDayNumber(day)}`,
  );
}

/** Notes the years without a loaded schedule that a computation looked at. */
class ProvisionalTracker {
  private readonly unknownYears = new Set<number>();
  private lastYearSeen = Number.NaN;
  constructor(private readonly calendar: LegalCalendar) {}

  see(day: number): void {
    const year = yearOfDayNumber(day);
    if (year === this.lastYearSeen) return;
    this.lastYearSeen = year;
    if (!this.calendar.hasYear(year)) this.unknownYears.add(year);
  }

  dueDate(start: number, end: number, due: number): DueDate {
    const dueOn = fromDayNumber(due);
    const endsOn = fromDayNumber(end);
    const yearsTouched = yearsBetween(yearOfDayNumber(start), yearOfDayNumber(due));
    if (this.unknownYears.size === 0) return { dueOn, endsOn, provisional: false, yearsTouched };
    const provisionalReason = provisionalReasonFor(this.calendar, [...this.unknownYears]);
    return { dueOn, endsOn, provisional: true, provisionalReason, yearsTouched };
  }
}

function yearsBetween(first: number, last: number): number[] {
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  return years;
}
