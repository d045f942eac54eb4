import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { maskedText, maskedUrl } from '../security/maskedUrl.js';

type LoggedRequest = Request & { id?: unknown; logFields?: Record<string, unknown> };

/**
 * One log line per request, written when its response has been sent or its connection closed:
 * `{ req: { id, method, url }, …logFields, res: { statusCode }, responseTime }` with pino-http's
 * messages ('request completed', 'request aborted', 'request errored' with `err` for a status of
 * 500 or more). This is the line pino-http wrote, without the two or three child loggers it built
 * for every request, which cost about a quarter of the service's CPU per transition
 * (docs/benchmarks.md). `maskUrl` keeps ID numbers and phones out of the line, by what the query
 * string means rather than how it is spelled (`maskedUrl`; PIPL Art. 51).
 */
export function requestLog(logger: Logger, maskUrl: (url: string) => string = maskedUrl) {
  let lastId = 0;
  return (req: LoggedRequest, res: Response, next: NextFunction): void => {
    const start = Date.now();
    // pino-http's default request id: a counter, unless something upstream set one.
    req.id ??= lastId = (lastId + 1) & 0x7fffffff;
    const url = maskedOrPath(maskUrl, req.originalUrl || req.url);
    const done = (err?: Error) => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const fields = {
        req: { id: req.id, method: req.method, url },
        ...maskedFields(req.logFields),
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - start,
      };
      if (err || res.statusCode >= 500) {
        logger.error(
          { ...fields, err: err ?? new Error(`failed with status code ${res.statusCode}`) },
          'request errored',
        );
      } else {
        logger.info(fields, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
      }
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    next();
  };
}

/**
 * The log line never makes a request fail: if masking throws, the query string is left out rather than logged unmasked.
 */
function maskedOrPath(maskUrl: (url: string) => string, url: string): string {
  try {
    return maskUrl(url);
  } catch {
    return `${url.split('?')[0]}?(query not logged: it could not be masked)`;
  }
}

/** Fields copied from the request (a path id, an event type) are as untrusted as the URL: masked alike. */
function maskedFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return fields;
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? maskedText(value) : value]),
  );
}
