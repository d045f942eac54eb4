import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { FixedClock } from '../../src/common/clock.js';
import { configureApp } from '../../src/configureApp.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createDataSource } from '../../src/database/dataSource.js';
import { seedDemoData } from '../../src/demo/seedDemoData.js';
import { NotificationSender } from '../../src/notifications/notificationSender.js';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FixedClock;
  databaseUrl: string;
  /** Stops the app (the database stays, e.g. for a restart). */
  stop(): Promise<void>;
  /** Starts a fresh app on the same database, as after a restart. */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

export const TEST_TODAY = '2026-03-02';

/** A fresh, empty database on the run's server; `startTestApp` migrates it with the real migrations. */
export async function createTestDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.JIEFEN_TEST_ADMIN_URL });
  await admin.connect();
  const name = `jiefen_t_${process.env.JIEFEN_TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(process.env.JIEFEN_TEST_ADMIN_URL!, name);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestAppOptions {
  databaseUrl?: string;
  clock?: FixedClock;
  config?: Partial<AppConfig>;
  /** Replaces the notification sender (e.g. one that fails, to test retries). */
  sender?: NotificationSender;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const clock = options.clock ?? new FixedClock(new Date(`${TEST_TODAY}T10:00:00+08:00`));
  // Background jobs stay off: tests run the scheduler and the outbox by hand, on the fixed clock.
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', JIEFEN_BACKGROUND_JOBS: 'false' }), ...options.config };
  const dataSource = createDataSource(databaseUrl, config.poolSize);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const logger = pino({ level: 'silent' });
  await seedDemoData(dataSource, logger);
  let builder = Test.createTestingModule({ imports: [AppModule.with({ config, dataSource, clock })] });
  if (options.sender) builder = builder.overrideProvider(NotificationSender).useValue(options.sender);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app, config, logger);
  await app.init();
  const stop = async () => {
    await app.close();
    await dataSource.destroy();
  };
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    clock,
    databaseUrl,
    stop,
    restart: async () => {
      await stop();
      return startTestApp({ ...options, databaseUrl, clock });
    },
    close: stop,
  };
}
