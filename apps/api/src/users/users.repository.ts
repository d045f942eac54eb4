import type { Queryable } from '../database/dataSource.js';

/** What decides whether a user's tokens still speak for them. */
export interface SessionState {
  tokenVersion: number;
  disabled: boolean;
}

/**
 * User accounts in SQL, where the TypeORM entity (user.entity.ts, maintained through users.service.ts)
 * does not serve: the one primary-key read every authenticated request makes, as a named statement.
 */
export class UsersRepository {
  constructor(private readonly db: Queryable) {}

  async sessionState(userId: string): Promise<SessionState | undefined> {
    const { rows } = await this.db.query<{ token_version: number; disabled: boolean }>({
      name: 'auth-session-current',
      text: 'SELECT token_version, disabled FROM users WHERE id = $1',
      values: [userId],
    });
    return rows[0] && { tokenVersion: rows[0].token_version, disabled: rows[0].disabled };
  }
}
