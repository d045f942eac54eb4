import { Injectable } from '@nestjs/common';
import { bundledCalendarFile } from '@jiefen/legal-time';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { CalendarSync } from './calendarSync.js';
import { CalendarRecomputationsRepository } from './calendarRecomputations.repository.js';
import { storeCalendarYear, type LoadedCalendarYear, type LoadResult } from './calendarYearStore.js';
import { CalendarYearsRepository } from './calendarYears.repository.js';
import type { LoadCalendarYearDto } from './dto/load-calendar-year.dto.js';

export interface CalendarYearSummary {
  year: number;
  version: number;
  source: 'bundled' | 'loaded';
  holidays: number;
  makeUpWorkdays: number;
  notice?: { number: string; date: string };
  loadedBy?: { userId: string; username?: string };
  loadedAt?: string;
  reason?: string | null;
  recomputation?: { cases: number; events: number; done: boolean };
}

/** The official calendar as operators see and maintain it (issue 11): what is loaded, from where; loading a year. */
@Injectable()
export class CalendarService {
  private readonly pool: pg.Pool;
  private readonly years: CalendarYearsRepository;
  private readonly recomputations: CalendarRecomputationsRepository;

  constructor(
    dataSource: DataSource,
    private readonly sync: CalendarSync,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
    this.years = new CalendarYearsRepository(this.pool);
    this.recomputations = new CalendarRecomputationsRepository(this.pool);
  }

  async list(): Promise<{ years: CalendarYearSummary[]; bundledSource: string }> {
    const loaded = new Map((await this.years.latestOfEachYear()).map((y) => [y.year, y]));
    const jobs = await this.recomputations.latestOfEachYear();
    const years = new Set([...Object.keys(bundledCalendarFile.years).map(Number), ...loaded.keys()]);
    return {
      bundledSource: bundledCalendarFile.source,
      years: [...years]
        .sort((a, b) => a - b)
        .map((year) => {
          const y = loaded.get(year);
          return y
            ? { ...summaryOf(y), ...(jobs.has(year) ? { recomputation: jobs.get(year)! } : {}) }
            : bundledSummary(year);
        }),
    };
  }

  /** One year in full, with every version (the bundled schedule as version 0). */
  async get(year: number) {
    const versions = await this.years.versionsOf(year);
    const bundled = bundledCalendarFile.years[String(year)];
    if (!versions.length && !bundled) {
      throw new DomainError(
        'NOT_FOUND',
        `no schedule is loaded for ${year}; deadlines reaching it apply the statutory holidays and are provisional`,
        { year },
      );
    }
    const current = versions[0];
    const schedule = current ?? { holidays: asMap(bundled!.holidays), makeUpWorkdays: asMap(bundled!.makeUpWorkdays) };
    return {
      ...(current ? summaryOf(current) : bundledSummary(year)),
      holidays: schedule.holidays,
      makeUpWorkdays: schedule.makeUpWorkdays,
      versions: [...versions.map(summaryOf), ...(bundled ? [bundledSummary(year)] : [])],
    };
  }

  /**
   * Stores the year and queues the recomputation; this instance counts on it at once, the others
   * within a polling interval.
   */
  async load(year: number, dto: LoadCalendarYearDto, user: AuthenticatedUser): Promise<LoadResult> {
    const actor = {
      userId: user.userId,
      username: user.username,
      role: user.role,
      organizationId: user.organizationId,
    };
    const result = await storeCalendarYear(this.pool, { year, ...dto }, actor, this.clock.now());
    await this.sync.refresh();
    return result;
  }
}

function summaryOf(y: LoadedCalendarYear): CalendarYearSummary {
  return {
    year: y.year,
    version: y.version,
    source: 'loaded',
    holidays: Object.keys(y.holidays).length,
    makeUpWorkdays: Object.keys(y.makeUpWorkdays).length,
    notice: y.notice,
    loadedBy: { userId: y.loadedBy.userId, ...(y.loadedBy.username ? { username: y.loadedBy.username } : {}) },
    loadedAt: y.loadedAt,
    reason: y.reason,
  };
}

function bundledSummary(year: number): CalendarYearSummary {
  const bundled = bundledCalendarFile.years[String(year)]!;
  return {
    year,
    version: 0,
    source: 'bundled',
    holidays: Object.keys(asMap(bundled.holidays)).length,
    makeUpWorkdays: Object.keys(asMap(bundled.makeUpWorkdays)).length,
  };
}

function asMap(list: Record<string, string> | string[]): Record<string, string> {
  return Array.isArray(list) ? Object.fromEntries(list.map((d) => [d, ''])) : list;
}
