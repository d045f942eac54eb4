// Types for calendarCrossCheck.mjs, so the tests can call it.
export type DayStatus = 'holiday' | 'makeUpWorkday' | 'ordinary';
export interface Source {
  holidays: Record<string, string>;
  makeUpWorkdays: Record<string, string>;
}
export interface Correction {
  date: string;
  kind: DayStatus;
  name: string;
  notice: string;
  noticeTitle?: string;
  noticeDate?: string;
  reason: string;
}
export interface CrossCheckReport {
  years: string[];
  differences: Array<{ date: string; chineseDays: DayStatus; tyme4ts: DayStatus }>;
  stale: Correction[];
  problems: string[];
}
export interface CalendarFile {
  source: string;
  crossCheckedWith: string;
  corrections: Array<Pick<Correction, 'date' | 'kind' | 'notice'>>;
  years: Record<string, Source>;
}
export const CALENDAR_FILE: URL;
export function fromChineseDays(data: { holidays: Record<string, string>; workdays: Record<string, string> }): Source;
export function fromTyme(table?: { DATA: string; NAMES: string[] }): Source;
export function statusOf(source: Source, date: string): DayStatus;
export function crossCheck(primary: Source, secondary: Source, corrections: Correction[]): CrossCheckReport;
export function applyCorrections(primary: Source, corrections: Correction[]): Source;
export function toCalendarFile(
  source: Source,
  meta: { chineseDaysVersion: string; tymeVersion: string; corrections: Correction[] },
): CalendarFile;
export function buildBundledCalendar(): { file: CalendarFile; report: CrossCheckReport };
export function serialise(file: CalendarFile): string;
