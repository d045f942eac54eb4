#!/usr/bin/env node
// Regenerates data/calendar-cn.json from the `chinese-days` package (MIT, data 2004-2026),
// cross-checked against tyme4ts's LegalHoliday table and settled by data/calendar-corrections.json
// (see calendarCrossCheck.mjs). The result is committed: the runtime never reads either package's
// holiday table. `--check` writes nothing and fails when the committed file is not what the
// import would write. A new year's schedule is loaded at run time with `loadCalendarYear`.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildBundledCalendar, CALENDAR_FILE, serialise } from './calendarCrossCheck.mjs';

const checkOnly = process.argv.includes('--check');
const { file, report } = buildBundledCalendar();
const failures = [
  ...report.problems,
  ...report.differences.map(
    (d) =>
      `${d.date}: chinese-days says ${d.chineseDays}, tyme4ts says ${d.tyme4ts}; ` +
      `check the notice and record a correction`,
  ),
  ...report.stale.map((c) => `${c.date}: the correction (${c.notice}) settles nothing, the sources agree; remove it`),
];
if (failures.length > 0) {
  console.error(`calendar cross-check failed (${report.years[0]}–${report.years.at(-1)}):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
const text = serialise(file);
if (checkOnly) {
  if (readFileSync(CALENDAR_FILE, 'utf8') !== text) {
    console.error(`${CALENDAR_FILE.pathname} is not what the import writes: run pnpm calendar:import`);
    process.exit(1);
  }
  console.log(`calendar ${report.years[0]}–${report.years.at(-1)} cross-checked; the committed file is up to date`);
} else {
  writeFileSync(CALENDAR_FILE, text);
  const years = Object.keys(file.years);
  console.log(
    `wrote ${years.length} years (${years[0]}–${years.at(-1)}) to ${CALENDAR_FILE.pathname}; ` +
      `cross-checked with tyme4ts, ${file.corrections.length} corrections applied`,
  );
}
