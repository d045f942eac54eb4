import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { FixedClock } from '../../src/common/clock.js';
import { configureApp } from '../../src/configureApp.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createDataSource } from '../../src/database/dataSource.js';
import { seedDemoData } from '../../src/demo/seedDemoData.js';
import { NotificationSender } from '../../src/notifications/notificationSender.js';
import { DEMO } from '../../src/demo/demoOrganizations.js';
import { generateSecrets, secretsAsEnv } from '../../src/security/secrets.js';
import { User } from '../../src/users/user.entity.js';
import { createUser } from '../../src/users/users.service.js';

/** A supertest client that signs its requests as one user. */
export interface Client {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
}

export interface TestApp {
  app: INestApplication;
  /** Signed in as `city-mediator` (a mediator at the city centre: sees every case, sends mediation events). */
  http: Client;
  /**
   * Signed in as another user: a demo user (reception, mediator, supervisor, court, admin, petition) or `city-<role>`.
   */
  as(username: string): Promise<Client>;
  /** No token at all. */
  anonymous: ReturnType<typeof request>;
  /**
   * An active mediator account at `organizationId` (created on first use): one `mediator.assigned` may name on a case
   * there.
   */
  mediatorAt(organizationId: string): Promise<string>;
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
export const DEMO_PASSWORD = 'demo-password-for-tests';
/** The key material every test app of this run uses (so that a restart can read what it wrote). */
export const TEST_ENV: Record<string, string> = Object.fromEntries(
  secretsAsEnv(generateSecrets())
    .split('\n')
    .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
);
/** City-level users, one per role, so that tests not about scope can act anywhere. */
const CITY_ROLES = ['reception', 'mediator', 'supervisor', 'court'] as const;

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
  /** Where the service logs; silent by default. */
  logger?: Logger;
  /** Seed the demo organisations and users (default true). */
  seed?: boolean;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const clock = options.clock ?? new FixedClock(new Date(`${TEST_TODAY}T10:00:00+08:00`));
  // Background jobs stay off: tests run the scheduler and the outbox by hand, on the fixed clock.
  const config = {
    ...loadConfig({
      ...TEST_ENV,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      JIEFEN_BACKGROUND_JOBS: 'false',
      JIEFEN_DEMO_PASSWORD: DEMO_PASSWORD,
    }),
    ...options.config,
  };
  const dataSource = createDataSource(databaseUrl, config.poolSize);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const logger = options.logger ?? pino({ level: 'silent' });
  if (options.seed !== false) {
    await seedDemoData(dataSource, logger, { password: DEMO_PASSWORD });
    await seedCityUsers(dataSource);
  }
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
  const server = app.getHttpServer();
  // Tokens expire on the service's clock, which tests move: a client signs in again when its token would be stale.
  const tokens = new Map<string, { token: string; issuedAt: number }>();
  const tokenFor = async (username: string): Promise<string> => {
    const now = clock.now().getTime();
    const cached = tokens.get(username);
    if (cached && now >= cached.issuedAt && now - cached.issuedAt < (config.tokenTtlSeconds * 1000) / 2)
      return cached.token;
    const { body } = await request(server)
      .post('/api/v1/auth/token')
      .send({ username, password: DEMO_PASSWORD })
      .expect(200);
    tokens.set(username, { token: body.accessToken, issuedAt: now });
    return body.accessToken;
  };
  const as = async (username: string): Promise<Client> => {
    await tokenFor(username);
    const signed = (test: request.Test) => {
      const then = test.then.bind(test);
      let prepared: Promise<unknown> | undefined;
      // Set the header at send time, so that a clock moved since creating the client is honoured.
      test.then = ((resolve: never, reject: never) => {
        prepared ??= tokenFor(username).then((token) => {
          test.set('Authorization', `Bearer ${token}`); // not returned: a Test is itself a thenable
        });
        return prepared.then(() => then(resolve, reject));
      }) as typeof test.then;
      return test;
    };
    return {
      get: (url) => signed(request(server).get(url)),
      post: (url) => signed(request(server).post(url)),
      put: (url) => signed(request(server).put(url)),
      patch: (url) => signed(request(server).patch(url)),
    };
  };
  return {
    app,
    http: options.seed === false ? (undefined as never) : await as('city-mediator'),
    as,
    anonymous: request(server),
    mediatorAt: (organizationId) => mediatorAt(dataSource, organizationId),
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

async function mediatorAt(dataSource: DataSource, organizationId: string): Promise<string> {
  const users = dataSource.getRepository(User);
  const username = `mediator-${organizationId.slice(-4)}`;
  const existing = await users.findOneBy({ username });
  if (existing) return existing.id;
  return (
    await createUser(users, {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      role: 'mediator',
      organizationId,
    })
  ).id;
}

async function seedCityUsers(dataSource: DataSource): Promise<void> {
  const users = dataSource.getRepository(User);
  if (await users.existsBy({ username: 'city-mediator' })) return;
  for (const role of CITY_ROLES) {
    await createUser(users, {
      username: `city-${role}`,
      displayName: `city ${role}`,
      password: DEMO_PASSWORD,
      role,
      organizationId: DEMO.city,
    });
  }
}
