import type pg from 'pg';
import { DomainError } from '../common/errors/DomainError.js';
import { LoginAttemptsRepository } from './loginAttempts.repository.js';

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
  private readonly attempts: LoginAttemptsRepository;

  constructor(
    pool: pg.Pool,
    private readonly now: () => Date,
  ) {
    this.attempts = new LoginAttemptsRepository(pool);
  }

  async reserve(address: string, username: string): Promise<LoginReservation> {
    const keys = this.keys(address, username);
    const now = this.now();
    if (++this.reservations % SWEEP_EVERY === 0) await this.attempts.deleteEnded(windowEndedBy(now));
    const rows = await this.attempts.count(
      keys.map(([key]) => key),
      now,
      windowEndedBy(now),
    );
    const limits = new Map(keys);
    const over = rows.filter((r) => r.attempts > limits.get(r.key)!);
    if (over.length) {
      // A refused attempt never reaches the password check: it is not a failure, so its count goes back.
      await this.attempts.giveBack(keys.map(([key]) => key));
      const endsAt = Math.max(...over.map((r) => r.windowStartedAt.getTime() + WINDOW_MS));
      const retryAfter = Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
      throw new DomainError('TOO_MANY_REQUESTS', `too many failed sign-ins; try again in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
    }
    const [account, addressKey] = keys.map(([key]) => key) as [string, string];
    return {
      // A success clears the account's failures and gives the address its count back.
      succeeded: async () => {
        await this.attempts.clear(account);
        await this.attempts.giveBack([addressKey]);
      },
    };
  }

  private keys(address: string, username: string): [string, number][] {
    return [
      [`account:${address}|${username}`, MAX_FAILURES_PER_ACCOUNT],
      [`address:${address}`, MAX_FAILURES_PER_ADDRESS],
    ];
  }
}

/** The instant on or before which a window has started that has ended by `now`. */
function windowEndedBy(now: Date): Date {
  return new Date(now.getTime() - WINDOW_MS);
}
