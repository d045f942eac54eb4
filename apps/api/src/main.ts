import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { AppModule } from './app.module.js';
import { SystemClock } from './common/clock.js';
import { configureApp } from './configureApp.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createDataSource } from './database/dataSource.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embeddedPostgres.js';
import { seedDemoData } from './demo/seedDemoData.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] });

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    logger.info({ dataDir: config.dataDir }, 'no DATABASE_URL: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (m) => logger.debug({ postgres: m }) });
  }
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, config.poolSize);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  if (config.demoData) await seedDemoData(dataSource, logger);

  const app = await NestFactory.create(AppModule.with({ config, dataSource, clock: new SystemClock() }), { bodyParser: false, logger: false });
  configureApp(app, config, logger);
  await app.listen(config.port);
  logger.info({ url: `http://localhost:${config.port}`, docs: `http://localhost:${config.port}/docs` }, 'Jiefen is listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await dataSource.destroy();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'Jiefen could not start');
  process.exit(1);
});
