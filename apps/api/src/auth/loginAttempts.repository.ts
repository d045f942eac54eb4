import type { Queryable } from '../database/dataSource.js';

/** A key's count in its current window, as the reservation left it. */
export interface LoginAttemptCount {
  key: string;
  attempts: number;
  windowStartedAt: Date;
}

/**
 * The sign-in attempt counts (`login_attempts`), one row per key (an account at an address, or an
 * address), shared by every instance. Rows are always locked in key order, so that concurrent
 * attempts on the same keys queue instead of deadlocking.
 */
export class LoginAttemptsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Counts one attempt for every key, in one statement: a key whose window started on or before
   * `windowEndedBy` starts a new window at `now` with 1. Returns each key's count.
   */
  async count(keys: readonly string[], now: Date, windowEndedBy: Date): Promise<LoginAttemptCount[]> {
    const { rows } = await this.db.query<{ key: string; attempts: number; window_started_at: Date }>({
      name: 'login-reserve',
      // One statement for both keys, in key order, so that concurrent attempts lock the rows alike.
      text: `
        INSERT INTO login_attempts AS a (key, window_started_at, attempts)
        SELECT k, $2, 1 FROM unnest($1::text[]) AS x(k) ORDER BY k
        ON CONFLICT (key) DO UPDATE SET
          attempts = CASE WHEN a.window_started_at <= $3 THEN 1 ELSE a.attempts + 1 END,
          window_started_at = CASE WHEN a.window_started_at <= $3 THEN $2 ELSE a.window_started_at END
        RETURNING key, attempts, window_started_at`,
      values: [keys, now, windowEndedBy],
    });
    return rows.map((r) => ({ key: r.key, attempts: r.attempts, windowStartedAt: r.window_started_at }));
  }

  /** Forgets a key's failures (a success on that account). */
  async clear(key: string): Promise<void> {
    await this.db.query({
      name: 'login-succeeded-account',
      text: 'DELETE FROM login_attempts WHERE key = $1',
      values: [key],
    });
  }

  /** Gives each key one attempt back (never below 0). */
  async giveBack(keys: readonly string[]): Promise<void> {
    await this.db.query({
      name: 'login-release',
      // Rows locked in key order, as the reservation locks them: in scan order, two attempts deadlocked.
      text: `UPDATE login_attempts a SET attempts = GREATEST(a.attempts - 1, 0)
             FROM (SELECT key FROM login_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE) locked
             WHERE a.key = locked.key`,
      values: [keys],
    });
  }

  /** Deletes the rows whose window started on or before `windowEndedBy`. */
  async deleteEnded(windowEndedBy: Date): Promise<void> {
    // Rows another attempt holds are left for the next sweep rather than waited for (or deadlocked on).
    await this.db.query({
      name: 'login-sweep',
      text: `DELETE FROM login_attempts WHERE key IN (
               SELECT key FROM login_attempts WHERE window_started_at <= $1 ORDER BY key FOR UPDATE SKIP LOCKED)`,
      values: [windowEndedBy],
    });
  }
}
