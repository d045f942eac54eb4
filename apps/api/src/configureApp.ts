import { ValidationPipe, type INestApplication } from '@nestjs/common';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import type { AppConfig } from './config/config.js';
import { validationFailed } from './common/errors/DomainError.js';
import { PinoNestLogger } from './common/pinoNestLogger.js';
import { requestLog } from './common/requestLog.js';
import { ProblemFilter } from './common/problem.filter.js';
import { UndeclaredQueryInterceptor } from './common/undeclaredQuery.interceptor.js';
import { WellFormedInputPipe } from './common/wellFormedInput.pipe.js';
import { flatten } from './common/validationErrors.js';
import { serveConsole } from './console/serveConsole.js';
import { buildOpenApiDocument } from './openapi/openApiDocument.js';

/** Everything about the HTTP surface that is not a route: parsing, validation, errors, logs, docs. */
export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  app.useLogger(new PinoNestLogger(logger));
  // Same origin only (the console's scripts, styles and fonts are served from here). Element Plus sets
  // style attributes, hence 'unsafe-inline' for styles; no upgrade-insecure-requests, which would
  // break the console on a plain-HTTP intranet address.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          // The console's 打印 opens an archived PDF as a blob: URL, which inherits this policy;
          // Chromium's PDF viewer counts as an object, so helmet's object-src 'none' would blank it.
          'object-src': ["'self'", 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['ETag', 'Location', 'Idempotent-Replayed'],
  });
  // Never an ID number in a log line, not even in a search's query string (PIPL Art. 51).
  app.use(requestLog(logger));
  app.use(
    express.json({ limit: config.bodyLimitBytes, strict: true, type: ['application/json', 'application/*+json'] }),
  );
  app.useGlobalPipes(
    // Before validation: no validator is handed NUL, lone surrogates or nesting that overflows it.
    new WellFormedInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      transform: true,
      exceptionFactory: (errors) => validationFailed(flatten(errors, '')),
    }),
  );
  app.useGlobalInterceptors(new UndeclaredQueryInterceptor());
  app.useGlobalFilters(new ProblemFilter());
  const document = buildOpenApiDocument(app);
  app.use('/docs/openapi.json', (_req: express.Request, res: express.Response) => res.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { swaggerOptions: { url: '/docs/openapi.json' } }));
  serveConsole(app, logger);
}
