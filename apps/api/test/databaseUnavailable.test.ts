import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../src/common/databaseUnavailable.js';

/**
 * The shapes node-postgres, pg-pool, TypeORM and Node give a database that is not there; the live case is in
 * hardening.e2e.test.ts.
 */

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeorm = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    [
      'every address of localhost refused (AggregateError)',
      Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''), {
        code: 'ECONNREFUSED',
      }),
    ],
    ['an AggregateError without its own code', new AggregateError([withCode('ETIMEDOUT')], '')],
    [
      '57P01 admin shutdown, through TypeORM',
      typeorm(withCode('57P01', 'terminating connection due to administrator command')),
    ],
    ['57P03 cannot connect now (starting up)', withCode('57P03', 'the database system is starting up')],
    ['53300 too many connections', withCode('53300', 'sorry, too many clients already')],
    ['08006 connection failure', withCode('08006')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a full pool past its timeout', new Error('timeout exceeded when trying to connect')],
    ['the cause of a wrapping error', new Error('opening failed', { cause: withCode('ECONNREFUSED') })],
  ])('is true for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', typeorm(withCode('23505', 'duplicate key value violates unique constraint'))],
    ['a character PostgreSQL cannot store', withCode('22P05', 'unsupported Unicode escape sequence')],
    ['a deadlock (a fault to fix, not an outage)', withCode('40P01', 'deadlock detected')],
    ['a plain error', new Error('boom')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const error: Error & { cause?: unknown } = new Error('x');
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
