import { defaultCalendar } from './defaultCalendar.js';
import type { YearSchedule } from './LegalCalendar.js';
import type { IsoDate } from './isoDate.js';

/** Whether `date` is a working day on the official calendar (weekdays − holidays + 调休). */
export function isWorkingDay(date: IsoDate): boolean {
  return defaultCalendar.isWorkingDay(date);
}

/**
 * Loads a year's official schedule into the default calendar at run time, e.g. the 2027
 * notice published in November 2026, without a release. Replaces any schedule for that year.
 */
export function loadCalendarYear(year: number, schedule: YearSchedule): void {
  defaultCalendar.loadYear(year, schedule);
}
