#!/usr/bin/env node
// Regenerates data/calendar-cn.json from the `chinese-days` package (MIT, data 2004-2026).
// The result is committed: the runtime never depends on the package. A new year's schedule
// can also be loaded at run time with `loadCalendarYear` (see README).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkgJson = require('chinese-days/package.json');
const data = require('chinese-days/dist/chinese-days.json');

const chineseName = (label) => label.split(',')[1] ?? label;
const years = {};
const yearOf = (date) => (years[date.slice(0, 4)] ??= { holidays: {}, makeUpWorkdays: {} });
for (const [date, label] of Object.entries(data.holidays)) yearOf(date).holidays[date] = chineseName(label);
for (const [date, label] of Object.entries(data.workdays)) yearOf(date).makeUpWorkdays[date] = chineseName(label);

const sorted = Object.fromEntries(
  Object.keys(years)
    .sort()
    .map((y) => [
      y,
      {
        holidays: Object.fromEntries(Object.entries(years[y].holidays).sort()),
        makeUpWorkdays: Object.fromEntries(Object.entries(years[y].makeUpWorkdays).sort()),
      },
    ]),
);
const out = {
  source: `chinese-days ${pkgJson.version} (MIT), State Council General Office holiday notices`,
  years: sorted,
};
const target = new URL('../data/calendar-cn.json', import.meta.url);
writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(sorted).length} years to ${target.pathname}`);
