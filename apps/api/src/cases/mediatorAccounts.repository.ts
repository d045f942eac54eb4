import type { Queryable } from '../database/dataSource.js';

/** A user account as the mediator check needs it. */
export interface MediatorAccount {
  role: string;
  organizationId: string;
  disabled: boolean;
}

/** Users named as mediators by events (the accounts themselves are managed through TypeORM, users/). */
export class MediatorAccountsRepository {
  constructor(private readonly db: Queryable) {}

  async find(userId: string): Promise<MediatorAccount | undefined> {
    const { rows } = await this.db.query({
      name: 'mediator-account',
      text: 'SELECT role, organization_id AS "organizationId", disabled FROM users WHERE id = $1',
      values: [userId],
    });
    return rows[0];
  }
}
