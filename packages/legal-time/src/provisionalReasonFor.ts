import type { LegalCalendar } from './LegalCalendar.js';
import { FIRST_STATUTORY_YEAR } from './statutoryHolidays.js';

/**
 * Why a computation over `years` is provisional on `calendar`, or undefined when every one of
 * them has a loaded schedule: one clause per year without one, joined by `; `, e.g.
 * `calendar year 2027 not published; statutory holidays applied`. "Not published" means that no
 * State Council schedule for that year is loaded into this calendar.
 */
export function provisionalReasonFor(calendar: LegalCalendar, years: readonly number[]): string | undefined {
  const unknown = [...new Set(years)].filter((year) => !calendar.hasYear(year)).sort((a, b) => a - b);
  if (unknown.length === 0) return undefined;
  return unknown.map(reasonForYear).join('; ');
}

function reasonForYear(year: number): string {
  const assumed = year >= FIRST_STATUTORY_YEAR ? 'statutory holidays applied' : 'weekends only';
  return `calendar year ${year} not published; ${assumed}`;
}
