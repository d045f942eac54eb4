import type { Queryable } from '../database/dataSource.js';

/** An outbox row as the dispatcher claims it; `attempts` already counts this delivery. */
export interface ClaimedMessage {
  id: string;
  caseId: string | null;
  kind: string;
  recipient: Record<string, unknown>;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * The outbox (docs/architecture.md "The outbox"): notifications written with the event that causes
 * them, in the same statement (`CasesRepository.apply`); delivered through this. A claim is a
 * lease under `FOR UPDATE SKIP LOCKED`, so instances share the work; a row stays until delivered.
 */
export class OutboxRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Leases up to `limit` undelivered messages available by `now` (and not leased by another
   * instance), oldest first, until `leaseUntil`, counting the attempt.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
    const { rows } = await this.db.query(
      `UPDATE outbox SET claimed_until = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox
                    WHERE delivered_at IS NULL AND available_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
                    ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, case_id, kind, recipient, payload, attempts`,
      [now, leaseUntil, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      caseId: r.case_id,
      kind: r.kind,
      recipient: r.recipient,
      payload: r.payload,
      attempts: r.attempts,
    }));
  }

  /** Gives a failed message back, available again at `retryAt`, with the error kept. */
  async scheduleRetry(id: string, retryAt: Date, error: string): Promise<void> {
    await this.db.query('UPDATE outbox SET available_at = $2, claimed_until = NULL, last_error = $3 WHERE id = $1', [
      id,
      retryAt,
      error,
    ]);
  }

  /** Marks the messages delivered at `at`, in one statement for the whole batch. */
  async markDelivered(ids: readonly string[], at: Date): Promise<void> {
    await this.db.query(
      'UPDATE outbox SET delivered_at = $2, claimed_until = NULL, last_error = NULL WHERE id = ANY($1::bigint[])',
      [ids, at],
    );
  }
}
