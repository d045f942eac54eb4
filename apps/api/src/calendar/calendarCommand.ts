import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import { poolOf } from '../database/dataSource.js';
import { storeCalendarYear } from './calendarYearStore.js';
import { CalendarYearsRepository } from './calendarYears.repository.js';
import { LoadCalendarYearDto } from './dto/load-calendar-year.dto.js';

export const CALENDAR_USAGE =
  'calendar load --year <YYYY> --file <notice.json> [--replaces-version <n> --reason <text>] | ' +
  'calendar list | calendar show --year <YYYY>';

/**
 * The command-line loader of a year's schedule: the same validation, storage and recomputation as
 * `PUT /calendar/years/{year}`.
 */
export async function calendarCommand(
  dataSource: DataSource,
  args: string[],
  out: (line: string) => void,
): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      year: { type: 'string' },
      file: { type: 'string' },
      'replaces-version': { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const pool = poolOf(dataSource);
  const years = new CalendarYearsRepository(pool);
  if (sub === 'list') {
    for (const y of await years.latestOfEachYear())
      out(
        `${y.year} version ${y.version}: ${y.notice.number} (${y.notice.date}), ` +
          `loaded by ${y.loadedBy.username ?? y.loadedBy.userId} at ${y.loadedAt}`,
      );
    return;
  }
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new Error(`--year <YYYY> is required\nusage: ${CALENDAR_USAGE}`);
  if (sub === 'show') {
    out(JSON.stringify(await years.versionsOf(year), null, 2));
    return;
  }
  if (sub !== 'load' || !values.file) throw new Error(`usage: ${CALENDAR_USAGE}`);
  const body: unknown = JSON.parse(readFileSync(values.file, 'utf8'));
  const dto = plainToInstance(LoadCalendarYearDto, {
    ...(body as object),
    ...(values['replaces-version'] !== undefined ? { replacesVersion: Number(values['replaces-version']) } : {}),
    ...(values.reason !== undefined ? { reason: values.reason } : {}),
  });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const problems = errors.map(
      (e) => `${e.property} ${Object.values(e.constraints ?? {}).join(', ') || 'is invalid'}`,
    );
    throw new Error(`${values.file} is invalid: ${problems.join('; ')}`);
  }
  const actor = {
    userId: 'cli',
    username: `cli:${process.env.USER ?? 'operator'}`,
    role: 'admin',
    organizationId: null,
  };
  const result = await storeCalendarYear(pool, { year, ...dto }, actor, new Date());
  out(
    `${year} schedule stored as version ${result.year.version}; ${result.recomputation.cases} cases queued ` +
      'for recomputation (the running service picks both up within one polling interval)',
  );
}
