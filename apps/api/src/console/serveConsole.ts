import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express from 'express';
import type { Logger } from 'pino';

/** apps/console/dist, from apps/api/src/console (tests) or apps/api/dist/console (the built service). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

/** Paths that belong to the service, never to the console's client-side routes. */
const SERVICE_PATHS = /^\/(api|docs|health)(\/|$)/;

/**
 * The built console at `/`: hashed assets cached for a year, and index.html for every other GET
 * that accepts HTML (client-side routes such as /cases/:id), so a reload or a bookmark works.
 * The API, Swagger and the health check are never shadowed.
 */
export function serveConsole(app: INestApplication, logger: Logger, dist = CONSOLE_DIST): void {
  const index = `${dist}index.html`;
  if (!existsSync(index)) {
    logger.warn({ dist }, 'the console is not built (pnpm -r run build): / serves nothing');
    return;
  }
  app.use(
    '/assets',
    express.static(`${dist}assets`, { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  app.use(express.static(dist, { index: false, maxAge: 0 }));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      SERVICE_PATHS.test(request.path) ||
      !request.accepts('html')
    )
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
