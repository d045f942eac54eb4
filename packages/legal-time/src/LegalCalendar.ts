import { LegalTimeError } from './LegalTimeError.js';
import { fromDayNumber, isoWeekday, toDayNumber, yearOfDayNumber, type IsoDate } from './isoDate.js';
import { statutoryHolidays } from './statutoryHolidays.js';

/**
 * One year's official schedule as published by the State Council General Office:
 * the public holidays (放假) and the make-up working days (调休上班).
 * Values are the holiday's name, kept for display only.
 */
export interface YearSchedule {
  holidays: Record<IsoDate, string> | IsoDate[];
  makeUpWorkdays: Record<IsoDate, string> | IsoDate[];
}

const SATURDAY = 6;

/**
 * Which days are working days under the official calendar: Monday to Friday, minus public
 * holidays, plus make-up working days (CPL Art. 85; CC Art. 203). Years are loaded as data.
 * In a year with no loaded schedule, the statutory holidays of 全国年节及纪念日放假办法 Art. 2
 * are rest days and there are no make-up working days (they are only known from the notice).
 */
export class LegalCalendar {
  private readonly holidays = new Set<number>();
  private readonly makeUpWorkdays = new Set<number>();
  private readonly schedules = new Map<number, { holidays: number[]; makeUpWorkdays: number[] }>();
  private readonly statutoryDays = new Map<number, ReadonlySet<number>>();

  /** Loads (or replaces) one year's schedule. Every date must lie in that year. */
  loadYear(year: number, schedule: YearSchedule): void {
    if (!Number.isInteger(year) || year < 1949 || year > 9999) {
      throw new LegalTimeError('INVALID_SCHEDULE', `${String(year)} is not a calendar year`, year);
    }
    const holidays = datesOf(schedule?.holidays, year, 'holidays');
    const workdays = datesOf(schedule?.makeUpWorkdays, year, 'makeUpWorkdays');
    const clash = holidays.find((d) => workdays.includes(d));
    if (clash) {
      throw new LegalTimeError(
        'INVALID_SCHEDULE',
        `${clash} is listed both as a holiday and as a make-up working day`,
        clash,
      );
    }
    this.forgetYear(year);
    const entry = { holidays: holidays.map(toDayNumber), makeUpWorkdays: workdays.map(toDayNumber) };
    entry.holidays.forEach((d) => this.holidays.add(d));
    entry.makeUpWorkdays.forEach((d) => this.makeUpWorkdays.add(d));
    this.schedules.set(year, entry);
  }

  /** An independent copy: loading a year into either leaves the other as it was. */
  clone(): LegalCalendar {
    const copy = new LegalCalendar();
    for (const [year, entry] of this.schedules) {
      // An entry is never changed after loading (a reload replaces it), so the copy can share it.
      copy.schedules.set(year, entry);
      entry.holidays.forEach((d) => copy.holidays.add(d));
      entry.makeUpWorkdays.forEach((d) => copy.makeUpWorkdays.add(d));
    }
    return copy;
  }

  hasYear(year: number): boolean {
    return this.schedules.has(year);
  }

  years(): number[] {
    return [...this.schedules.keys()].sort((a, b) => a - b);
  }

  /** The loaded schedule of `year`, as ISO dates, or undefined when none is loaded. */
  scheduleOf(year: number): { holidays: IsoDate[]; makeUpWorkdays: IsoDate[] } | undefined {
    const entry = this.schedules.get(year);
    return (
      entry && {
        holidays: entry.holidays.map(fromDayNumber),
        makeUpWorkdays: entry.makeUpWorkdays.map(fromDayNumber),
      }
    );
  }

  /**
   * Whether `date` is a working day; in a year with no schedule, Monday to Friday except the
   * statutory holidays (a provisional answer: the notice may add days off and make-up days).
   */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** @internal day-number form used by the period arithmetic. */
  isWorkingDayNumber(dayNumber: number): boolean {
    if (this.makeUpWorkdays.has(dayNumber)) return true;
    if (this.holidays.has(dayNumber)) return false;
    if (isoWeekday(dayNumber) >= SATURDAY) return false;
    const year = yearOfDayNumber(dayNumber);
    return this.schedules.has(year) || !this.statutoryDaysOf(year).has(dayNumber);
  }

  private statutoryDaysOf(year: number): ReadonlySet<number> {
    let days = this.statutoryDays.get(year);
    if (!days) {
      days = new Set(Object.keys(statutoryHolidays(year)).map(toDayNumber));
      this.statutoryDays.set(year, days);
    }
    return days;
  }

  private forgetYear(year: number): void {
    const old = this.schedules.get(year);
    old?.holidays.forEach((d) => this.holidays.delete(d));
    old?.makeUpWorkdays.forEach((d) => this.makeUpWorkdays.delete(d));
    this.schedules.delete(year);
  }
}

function datesOf(list: YearSchedule[keyof YearSchedule] | undefined, year: number, field: string): IsoDate[] {
  if (list === undefined || list === null || typeof list !== 'object') {
    throw new LegalTimeError('INVALID_SCHEDULE', `the schedule for ${year} has no ${field}`, list);
  }
  const dates = Array.isArray(list) ? list : Object.keys(list);
  for (const date of dates) {
    toDayNumber(date);
    if (!date.startsWith(`${year}-`)) {
      throw new LegalTimeError('INVALID_SCHEDULE', `${field} of ${year} lists ${date}, which is in another year`, date);
    }
  }
  return dates;
}
