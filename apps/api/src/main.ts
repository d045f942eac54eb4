import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { SystemClock } from './common/clock.js';
import { createLogger } from './common/createLogger.js';
import { configureApp } from './configureApp.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createDataSource } from './database/dataSource.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embeddedPostgres.js';
import { demoLoginBlock, seedDemoData } from './demo/seedDemoData.js';
import { TemplateError } from './documents/templateError.js';
import { TemplateRegistry } from './documents/templateRegistry.js';
import { loadOrCreateSecrets } from './security/secrets.js';

// Pretty lines for a person at a terminal, JSON lines otherwise (see createLogger).
const { logger, print } = createLogger({ level: 'info', pretty: process.stdout.isTTY === true });
let embedded: EmbeddedDatabase | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  // The document templates (the province's JIEFEN_TEMPLATE_DIR over the bundled ones) are checked
  // before anything starts: a broken file stops here, named, before a database is started.
  TemplateRegistry.load(undefined, config.templateDir);
  if (!config.databaseUrl) {
    logger.info({ dataDir: config.dataDir }, 'no DATABASE_URL: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (m) => logger.debug({ postgres: m }) });
  }
  // Key material: from the environment, or generated once beside the embedded data directory.
  const secrets = config.secrets ?? (await loadOrCreateSecrets(`${config.dataDir}.secrets.json`));
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, config.poolSize);
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  if (migrations.length) logger.info({ migrations: migrations.map((m) => m.name) }, 'migrations applied');
  // The demo password is kept beside the data directory, like the generated keys.
  const demo = config.demoData
    ? await seedDemoData(dataSource, logger, {
        password: config.demoPassword,
        passwordFile: `${config.dataDir}.demo-password`,
      })
    : undefined;

  const app = await NestFactory.create(
    AppModule.with({ config: { ...config, secrets }, dataSource, clock: new SystemClock() }),
    {
      bodyParser: false,
      logger: false,
      // With its logger off, Nest would exit(1) without a word on an error while it builds the
      // application; rejected instead, the error reaches the catch below and is logged.
      abortOnError: false,
    },
  );
  configureApp(app, config, logger);
  await app.listen(config.port);
  logger.info(
    { url: `http://localhost:${config.port}`, docs: `http://localhost:${config.port}/docs` },
    'Jiefen is listening',
  );
  // Through the log's own destination, so that it comes after the start-up lines, at every start.
  if (demo) print(demoLoginBlock(demo));

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

main().catch(async (error: unknown) => {
  // A configuration mistake is for a person at a terminal: plain text, one line per variable (or
  // the template file, JIEFEN_TEMPLATE_DIR, and what is wrong with it).
  if (error instanceof ConfigError || error instanceof TemplateError)
    process.stderr.write(`Jiefen could not start: ${error.message}\n`);
  else logger.fatal({ err: error }, 'Jiefen could not start');
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
