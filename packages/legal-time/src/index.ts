export {
  computeDueDate,
  nextWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
  PERIOD_UNITS,
} from './computeDueDate.js';
export type { DueDate, Period, PeriodUnit } from './computeDueDate.js';
export { pausePeriod, resumePeriod } from './pausePeriod.js';
export type { RemainingTime } from './pausePeriod.js';
export { LegalCalendar } from './LegalCalendar.js';
export { statutoryHolidays } from './statutoryHolidays.js';
export { checkYearSchedule } from './checkYearSchedule.js';
export type { ScheduleProblem } from './checkYearSchedule.js';
export { provisionalReasonFor } from './provisionalReasonFor.js';
export type { YearSchedule } from './LegalCalendar.js';
export { defaultCalendar, bundledCalendarFile } from './defaultCalendar.js';
export { LegalTimeError } from './LegalTimeError.js';
export type { LegalTimeErrorCode } from './LegalTimeError.js';
export { addDays, chinaDateOf, daysBetween, isIsoDate } from './isoDate.js';
export type { IsoDate } from './isoDate.js';
export { isWorkingDay, loadCalendarYear } from './calendarFunctions.js';
