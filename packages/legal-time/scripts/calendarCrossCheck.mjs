// Builds the bundled calendar (data/calendar-cn.json) from `chinese-days`, cross-checked day by
// day against a second, independent source: the LegalHoliday table of `tyme4ts` (6tail's data,
// the same as lunar-javascript's HolidayUtil). A day on which the two disagree about whether it is
// worked must be settled by a recorded correction (data/calendar-corrections.json) citing the
// State Council notice; anything else fails the import. Used by import-chinese-days.mjs and by
// test/bundledCalendar.test.ts, so CI re-checks the committed file against both packages.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { LegalHoliday } from 'tyme4ts';

const require = createRequire(import.meta.url);
const CORRECTIONS_FILE = new URL('../data/calendar-corrections.json', import.meta.url);
export const CALENDAR_FILE = new URL('../data/calendar-cn.json', import.meta.url);
const KINDS = ['holiday', 'makeUpWorkday', 'ordinary'];

/** `chinese-days` labels read "English name,中文名,n": keep the Chinese name. */
export function fromChineseDays(data) {
  const chineseName = (label) => label.split(',')[1] ?? label;
  return {
    holidays: mapValues(data.holidays, chineseName),
    makeUpWorkdays: mapValues(data.workdays, chineseName),
  };
}

/** tyme4ts's LegalHoliday.DATA: "YYYYMMDD" + work flag (0 = worked) + name index + offset, per day. */
export function fromTyme(table = LegalHoliday) {
  const source = { holidays: {}, makeUpWorkdays: {} };
  for (const [, y, m, d, work, name] of table.DATA.matchAll(/(\d{4})(\d{2})(\d{2})([01])(\d)[+-]\d{2}/g)) {
    source[work === '0' ? 'makeUpWorkdays' : 'holidays'][`${y}-${m}-${d}`] = table.NAMES[Number(name)];
  }
  return source;
}

/**
 * What a source says a day is, as far as deadlines are concerned: a weekday off ('holiday'), a
 * weekend worked ('makeUpWorkday'), or neither ('ordinary'). A holiday listed on a Saturday or a
 * "work" mark on a weekday changes nothing, so sources may differ in those listings freely.
 */
export function statusOf(source, date) {
  const weekend = isWeekend(date);
  if (date in source.makeUpWorkdays && weekend) return 'makeUpWorkday';
  if (date in source.holidays && !weekend && !(date in source.makeUpWorkdays)) return 'holiday';
  return 'ordinary';
}

/**
 * Compares `primary` and `secondary` on every day either lists in the years both cover.
 * Returns the differences no correction settles, the corrections that settle nothing (stale:
 * the sources agree there, so the record should go), and malformed corrections.
 */
export function crossCheck(primary, secondary, corrections) {
  const problems = corrections.flatMap(correctionProblems);
  const byDate = new Map(corrections.map((c) => [c.date, c]));
  const shared = intersect(yearsOf(primary), yearsOf(secondary));
  const dates = [...new Set([...listedDates(primary), ...listedDates(secondary)])]
    .filter((date) => shared.has(date.slice(0, 4)))
    .sort();
  const differences = [];
  const settled = new Set();
  for (const date of dates) {
    const ours = statusOf(primary, date);
    const theirs = statusOf(secondary, date);
    if (ours === theirs) continue;
    if (byDate.has(date)) settled.add(date);
    else differences.push({ date, chineseDays: ours, tyme4ts: theirs });
  }
  const stale = corrections.filter((c) => !settled.has(c.date));
  return { years: [...shared].sort(), differences, stale, problems };
}

/** `primary` with each correction's day set to what the notice says. */
export function applyCorrections(primary, corrections) {
  const holidays = { ...primary.holidays };
  const makeUpWorkdays = { ...primary.makeUpWorkdays };
  for (const { date, kind, name } of corrections) {
    delete holidays[date];
    delete makeUpWorkdays[date];
    if (kind === 'holiday') holidays[date] = name;
    if (kind === 'makeUpWorkday') makeUpWorkdays[date] = name;
  }
  return { holidays, makeUpWorkdays };
}

/** The calendar file: one entry per year, dates sorted, and where the data came from. */
export function toCalendarFile(source, { chineseDaysVersion, tymeVersion, corrections }) {
  const years = {};
  const yearOf = (date) => (years[date.slice(0, 4)] ??= { holidays: {}, makeUpWorkdays: {} });
  for (const [date, name] of Object.entries(source.holidays)) yearOf(date).holidays[date] = name;
  for (const [date, name] of Object.entries(source.makeUpWorkdays)) yearOf(date).makeUpWorkdays[date] = name;
  const sorted = Object.fromEntries(
    Object.keys(years)
      .sort()
      .map((y) => [y, { holidays: sortKeys(years[y].holidays), makeUpWorkdays: sortKeys(years[y].makeUpWorkdays) }]),
  );
  return {
    source: `chinese-days ${chineseDaysVersion} (MIT), State Council General Office holiday notices`,
    crossCheckedWith:
      `tyme4ts ${tymeVersion} LegalHoliday (MIT); ` + 'differences settled by data/calendar-corrections.json',
    corrections: corrections.map(({ date, kind, notice }) => ({ date, kind, notice })),
    years: sorted,
  };
}

/** Reads the installed packages and the corrections file; returns the file to write and the check's report. */
export function buildBundledCalendar() {
  const chineseDays = require('chinese-days/package.json');
  const tyme = packageJsonOf('tyme4ts');
  const corrections = JSON.parse(readFileSync(CORRECTIONS_FILE, 'utf8')).corrections;
  const primary = fromChineseDays(require('chinese-days/dist/chinese-days.json'));
  const report = crossCheck(primary, fromTyme(), corrections);
  const file = toCalendarFile(applyCorrections(primary, corrections), {
    chineseDaysVersion: chineseDays.version,
    tymeVersion: tyme.version,
    corrections,
  });
  return { file, report };
}

/** The text the calendar file must hold, byte for byte. */
export function serialise(file) {
  return JSON.stringify(file, null, 1) + '\n';
}

/** tyme4ts's `exports` do not list its package.json: find it above its entry point. */
function packageJsonOf(name) {
  let dir = dirname(require.resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name
  ) {
    dir = dirname(dir);
  }
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

function correctionProblems(c) {
  const problems = [];
  const at = `correction ${c?.date ?? '(no date)'}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c?.date ?? '')) problems.push(`${at}: date must be YYYY-MM-DD`);
  if (!KINDS.includes(c?.kind)) problems.push(`${at}: kind must be one of ${KINDS.join(', ')}`);
  for (const field of ['name', 'notice', 'reason']) {
    if (typeof c?.[field] !== 'string' || c[field].trim() === '') problems.push(`${at}: ${field} is required`);
  }
  if (c?.kind === 'makeUpWorkday' && !isWeekend(c.date))
    problems.push(`${at}: a make-up working day falls on a weekend`);
  if (c?.kind === 'holiday' && isWeekend(c.date)) problems.push(`${at}: a holiday on a weekend needs no correction`);
  return problems;
}

function isWeekend(date) {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function listedDates(source) {
  return [...Object.keys(source.holidays), ...Object.keys(source.makeUpWorkdays)];
}

function yearsOf(source) {
  return new Set(listedDates(source).map((date) => date.slice(0, 4)));
}

function intersect(a, b) {
  return new Set([...a].filter((x) => b.has(x)));
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}
