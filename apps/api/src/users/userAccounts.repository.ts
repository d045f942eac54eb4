import type { EntityManager } from 'typeorm';

/**
 * The user-account statements the command-line commands run inside a TypeORM transaction (the
 * entity repositories do the rest): the lock that queues concurrent `create-admin` runs, and the
 * token version a password reset moves on (auth/userSessions.ts).
 */
export class UserAccountsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Held until the transaction ends; every run of the same command takes the same key. */
  async lockForCommand(key: number): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
  }

  /** Ends the user's sessions: tokens issued before carry the old version. */
  async endSessions(username: string): Promise<void> {
    await this.manager.query('UPDATE users SET token_version = token_version + 1 WHERE username = $1', [username]);
  }
}
