import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { LegalTimeError } from './LegalTimeError.js';
import { addDays, type IsoDate } from './isoDate.js';

/**
 * The public holidays fixed by 全国年节及纪念日放假办法 (Measures on National Holidays and
 * Commemoration Days), Art. 2, as in force in each year. The text is not in our statutes folder;
 * the revisions are cited by their State Council decree:
 * - Decree No. 270 (1999-09-18), in force from 2000 here: 元旦 1, 春节 3 (1st–3rd lunar day), 劳动节 3, 国庆节 3;
 * - Decree No. 513 (2007-12-14), in force 2008-01-01: 春节 becomes 除夕 + 1st–2nd, 劳动节 1 day,
 *   清明节, 端午节, 中秋节 1 day each;
 * - Decree No. 644 (2013-12-11), in force 2014-01-01: 春节 back to the 1st–3rd of the first lunar month;
 * - Decree No. 795 (2024-11-10), in force 2025-01-01: 春节 4 days (除夕 + 1st–3rd), 劳动节 2 days (1–2 May).
 */
type Rule = (year: number) => Array<[IsoDate, string]>;

/** The first year whose statutory holidays this library computes (the first whole year under Decree No. 270). */
export const FIRST_STATUTORY_YEAR = 2000;
/** The year Decree No. 795's revision came into force. */
export const DECREE_795_IN_FORCE_FROM = 2025;
const LAST_STATUTORY_YEAR = 9999;

const decree270: Rule = (y) => [
  newYearsDay(y),
  ...springFestival(y, [0, 1, 2]),
  ...fixedDays(y, '05', [1, 2, 3], '劳动节'),
  ...nationalDay(y),
];
const decree513: Rule = (y) => [
  newYearsDay(y),
  ...springFestival(y, [-1, 0, 1]),
  qingming(y),
  ...fixedDays(y, '05', [1], '劳动节'),
  dragonBoat(y),
  midAutumn(y),
  ...nationalDay(y),
];
const decree644: Rule = (y) => [
  newYearsDay(y),
  ...springFestival(y, [0, 1, 2]),
  qingming(y),
  ...fixedDays(y, '05', [1], '劳动节'),
  dragonBoat(y),
  midAutumn(y),
  ...nationalDay(y),
];
const decree795: Rule = (y) => [
  newYearsDay(y),
  ...springFestival(y, [-1, 0, 1, 2]),
  qingming(y),
  ...fixedDays(y, '05', [1, 2], '劳动节'),
  dragonBoat(y),
  midAutumn(y),
  ...nationalDay(y),
];

const cache = new Map<number, Readonly<Record<IsoDate, string>>>();

/**
 * The statutory public holidays of `year` (全国年节及纪念日放假办法 Art. 2, in the revision in force
 * that year), ISO date → Chinese name. These are the days off by law, before any State Council
 * notice moves weekends around them (调休); a day that is two holidays at once (中秋节 on 1–3
 * October) carries both names. Empty before 2000, a year this library has no rule for.
 * Computed once per year; the lunar dates and the Qingming solar term come from `tyme4ts`.
 */
export function statutoryHolidays(year: number): Readonly<Record<IsoDate, string>> {
  if (!Number.isInteger(year) || year < 1 || year > LAST_STATUTORY_YEAR) {
    throw new LegalTimeError('INVALID_DATE', `${String(year)} is not a calendar year`, year);
  }
  let days = cache.get(year);
  if (!days) {
    days = Object.freeze(collect(ruleFor(year)?.(year) ?? []));
    cache.set(year, days);
  }
  return days;
}

function ruleFor(year: number): Rule | undefined {
  if (year >= DECREE_795_IN_FORCE_FROM) return decree795;
  if (year >= 2014) return decree644;
  if (year >= 2008) return decree513;
  if (year >= FIRST_STATUTORY_YEAR) return decree270;
  return undefined;
}

function collect(days: Array<[IsoDate, string]>): Record<IsoDate, string> {
  const byDate = new Map<IsoDate, string>();
  for (const [date, name] of days) {
    const existing = byDate.get(date);
    byDate.set(date, existing && existing !== name ? `${existing}、${name}` : name);
  }
  return Object.fromEntries([...byDate].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function newYearsDay(year: number): [IsoDate, string] {
  return [`${year}-01-01`, '元旦'];
}

function nationalDay(year: number): Array<[IsoDate, string]> {
  return fixedDays(year, '10', [1, 2, 3], '国庆节');
}

function fixedDays(year: number, month: string, days: number[], name: string): Array<[IsoDate, string]> {
  return days.map((day) => [`${year}-${month}-${String(day).padStart(2, '0')}`, name]);
}

/**
 * Spring Festival days as offsets from the 1st of the first lunar month: -1 is 除夕, the last day
 * of the 12th lunar month, whether that month has 29 or 30 days.
 */
function springFestival(year: number, offsets: number[]): Array<[IsoDate, string]> {
  const newYear = isoOf(LunarDay.fromYmd(year, 1, 1).getSolarDay());
  return offsets.map((offset) => [addDays(newYear, offset), '春节']);
}

function qingming(year: number): [IsoDate, string] {
  return [isoOf(SolarTerm.fromName(year, '清明').getSolarDay()), '清明节'];
}

function dragonBoat(year: number): [IsoDate, string] {
  return [isoOf(LunarDay.fromYmd(year, 5, 5).getSolarDay()), '端午节'];
}

function midAutumn(year: number): [IsoDate, string] {
  return [isoOf(LunarDay.fromYmd(year, 8, 15).getSolarDay()), '中秋节'];
}

function isoOf(day: SolarDay): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(day.getYear()).padStart(4, '0')}-${pad(day.getMonth())}-${pad(day.getDay())}`;
}
