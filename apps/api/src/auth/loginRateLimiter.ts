import type pg from 'pg';
import { DomainError } from '../common/errors/DomainError.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 50;
/** Every this many reservations an instance deletes the rows whose window has ended. */
const SWEEP_EVERY = 256;

/** An attempt that has been counted and may go on to the password check; settled once its outcome is known. */
export interface LoginReservation {
  succeeded(): Promise<void>;
}

/**
 * Slows password guessing: 5 failed sign-ins per account and address, or 50 per address, within
 * a 15-minute window lock further attempts until the window ends (429 with Retry-After).
 *
 * Every attempt is counted *before* the password is checked (reserve), and only a success gives
 * its count back (settle): the hash takes tens of milliseconds, and a limiter that counted after
 * it let any number of concurrent guesses through. The counts live in PostgreSQL
 * (`login_attempts`, one atomic upsert per attempt), so the limit holds across instances.
 */
export class LoginRateLimiter {
  private reservations = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  async reserve(address: string, username: string): Promise<LoginReservation> {
    const keys = this.keys(address, username);
    const now = this.now();
    if (++this.reservations % SWEEP_EVERY === 0) await this.sweep(now);
    const { rows } = await this.pool.query<{ key: string; attempts: number; window_started_at: Date }>({
      name: 'login-reserve',
      // One statement for both keys, in key order, so that concurrent attempts lock the rows alike.
      text: `
        INSERT INTO login_attempts AS a (key, window_started_at, attempts)
        SELECT k, $2, 1 FROM unnest($1::text[]) AS x(k) ORDER BY k
        ON CONFLICT (key) DO UPDATE SET
          attempts = CASE WHEN a.window_started_at <= $3 THEN 1 ELSE a.attempts + 1 END,
          window_started_at = CASE WHEN a.window_started_at <= $3 THEN $2 ELSE a.window_started_at END
        RETURNING key, attempts, window_started_at`,
      values: [keys.map(([key]) => key), now, new Date(now.getTime() - WINDOW_MS)],
    });
    const limits = new Map(keys);
    const over = rows.filter((r) => r.attempts > limits.get(r.key)!);
    if (over.length) {
      // A refused attempt never reaches the password check: it is not a failure, so its count goes back.
      await this.release(keys.map(([key]) => key));
      const endsAt = Math.max(...over.map((r) => r.window_started_at.getTime() + WINDOW_MS));
      const retryAfter = Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
      throw new DomainError('TOO_MANY_REQUESTS', `too many failed sign-ins; try again in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
    }
    const [account, addressKey] = keys.map(([key]) => key) as [string, string];
    return {
      // A success clears the account's failures and gives the address its count back.
      succeeded: async () => {
        await this.pool.query({
          name: 'login-succeeded-account',
          text: 'DELETE FROM login_attempts WHERE key = $1',
          values: [account],
        });
        await this.release([addressKey]);
      },
    };
  }

  private async release(keys: string[]): Promise<void> {
    await this.pool.query({
      name: 'login-release',
      // Rows locked in key order, as the reservation locks them: in scan order, two attempts deadlocked.
      text: `UPDATE login_attempts a SET attempts = GREATEST(a.attempts - 1, 0)
             FROM (SELECT key FROM login_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE) locked
             WHERE a.key = locked.key`,
      values: [keys],
    });
  }

  private async sweep(now: Date): Promise<void> {
    // Rows another attempt holds are left for the next sweep rather than waited for (or deadlocked on).
    await this.pool.query({
      name: 'login-sweep',
      text: `DELETE FROM login_attempts WHERE key IN (
               SELECT key FROM login_attempts WHERE window_started_at <= $1 ORDER BY key FOR UPDATE SKIP LOCKED)`,
      values: [new Date(now.getTime() - WINDOW_MS)],
    });
  }

  private keys(address: string, username: string): [string, number][] {
    return [
      [`account:${address}|${username}`, MAX_FAILURES_PER_ACCOUNT],
      [`address:${address}`, MAX_FAILURES_PER_ADDRESS],
    ];
  }
}
