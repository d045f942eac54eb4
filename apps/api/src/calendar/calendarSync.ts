import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PollingLoop } from '../common/pollingLoop.js';
import type { AppConfig } from '../config/config.js';
import { poolOf } from '../database/dataSource.js';
import { applyToCalendar } from './calendarYearStore.js';
import { CalendarYearsRepository } from './calendarYears.repository.js';

/**
 * Keeps this instance's calendar in step with the years stored in PostgreSQL: at boot, before the
 * first request, and then once per polling interval, so that a year loaded through any instance or
 * the command line is used everywhere without a restart. Runs on every instance, background jobs or not.
 */
@Injectable()
export class CalendarSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CalendarSync');
  private readonly years: CalendarYearsRepository;
  private readonly loop: PollingLoop;
  /** The version of each year this process has loaded (absent: the bundled schedule, version 0). */
  private readonly loaded = new Map<number, number>();

  constructor(
    dataSource: DataSource,
    @Inject('APP_CONFIG') private readonly config: AppConfig,
  ) {
    this.years = new CalendarYearsRepository(poolOf(dataSource));
    this.loop = PollingLoop.polling(
      () => this.config.pollIntervalMs,
      { logger: this.logger, failure: 'calendar refresh failed' },
      async () => {
        await this.refresh();
        return false;
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Loads what changed; returns the years that did. */
  async refresh(): Promise<number[]> {
    const changed = applyToCalendar(await this.years.latestOfEachYear(), this.loaded);
    if (changed.length) this.logger.log({ years: changed }, 'calendar years loaded');
    return changed;
  }

  versionOf(year: number): number | undefined {
    return this.loaded.get(year);
  }
}
