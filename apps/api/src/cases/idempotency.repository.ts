import type { Queryable } from '../database/dataSource.js';

/**
 * The first answer to a request sent with an `Idempotency-Key`, per case (written with the event,
 * `CasesRepository.apply`).
 */
export interface IdempotencyRecord {
  requestHash: string;
  response: unknown;
}

export class IdempotencyRepository {
  constructor(private readonly db: Queryable) {}

  async find(caseId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.db.query({
      name: 'idempotency-find',
      text: 'SELECT request_hash, response FROM idempotency_keys WHERE case_id = $1 AND key = $2',
      values: [caseId, key],
    });
    return rows[0] && { requestHash: rows[0].request_hash, response: rows[0].response };
  }
}
