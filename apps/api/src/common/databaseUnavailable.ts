/**
 * How long a client should wait before retrying while the database cannot be reached (`Retry-After`, RFC 9110 §10.2.3).
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Node's socket errors when the server is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a server that will not serve now: class 08 (connection exception),
 * 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections).
 */
const SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** node-postgres words these without a code: a connection dropped mid-query, a full pool past its timeout. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /Connection terminated due to connection timeout/,
];

const MAX_CAUSES = 8;

/**
 * Whether an error means "the database is not there right now" rather than a fault of the request
 * or of the code: the request may succeed if retried, so it is a 503, not a 500. Looks through
 * TypeORM's `driverError`, `cause` and an `AggregateError`'s errors (Node tries each address of a host).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending = [error];
  for (let seen = 0; pending.length && seen < MAX_CAUSES; seen++) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object') continue;
    const { code, message, driverError, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message))) return true;
    pending.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
