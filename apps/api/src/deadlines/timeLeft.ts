import { daysBetween, workingDaysBetween } from '@jiefen/legal-time';

/**
 * Calendar and working days from `today` to a deadline's last day, on the live calendar (years
 * loaded through /calendar/years included): what a work queue shows. Negative once it has passed.
 */
export function timeLeft(
  dueOn: string | null | undefined,
  today: string,
): { daysLeft: number; workingDaysLeft: number } | Record<string, never> {
  if (!dueOn) return {};
  const daysLeft = daysBetween(today, dueOn);
  const workingDaysLeft = daysLeft >= 0 ? workingDaysBetween(today, dueOn) : -workingDaysBetween(dueOn, today);
  return { daysLeft, workingDaysLeft };
}
