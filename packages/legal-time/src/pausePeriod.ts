import { computeDueDate, workingDaysBetween, type DueDate, type PeriodUnit } from './computeDueDate.js';
import { defaultCalendar } from './defaultCalendar.js';
import type { LegalCalendar } from './LegalCalendar.js';
import { daysBetween, type IsoDate } from './isoDate.js';

/** Time left on a paused period, in the unit it keeps counting in. */
export interface RemainingTime {
  length: number;
  unit: 'day' | 'workingDay';
}

/**
 * The time left on a period that pauses on `pausedOn` (appraisal 鉴定, hearing 听证): the days
 * after `pausedOn` up to the period's `endsOn`. The pause day itself still counts.
 * Working-day periods keep counting working days; all others count calendar days.
 */
export function pausePeriod(
  running: { endsOn: IsoDate; unit: PeriodUnit },
  pausedOn: IsoDate,
  calendar: LegalCalendar = defaultCalendar,
): RemainingTime {
  if (running.unit === 'workingDay') {
    return { length: workingDaysBetween(pausedOn, running.endsOn, calendar), unit: 'workingDay' };
  }
  return { length: Math.max(0, daysBetween(pausedOn, running.endsOn)), unit: 'day' };
}

/** Resumes a paused period on `resumedOn`: the time left runs from the next day. */
export function resumePeriod(
  remaining: RemainingTime,
  resumedOn: IsoDate,
  calendar: LegalCalendar = defaultCalendar,
): DueDate {
  return computeDueDate({ from: resumedOn, length: remaining.length, unit: remaining.unit }, calendar);
}
