import type { Queryable } from '../database/dataSource.js';

/** A running deadline's durable timer as the scheduler claims it. */
export interface DueTimer {
  caseId: string;
  kind: string;
  dueOn: string;
}

/**
 * The deadline rows as durable timers (docs/architecture.md "Deadlines are data, timers are rows").
 * They are written with their case's event, in the same statement (`CasesRepository.apply`); the
 * scheduler claims, cancels and reminds through this. Claims take a lease under `FOR UPDATE SKIP
 * LOCKED`, so instances share the work without waiting on each other.
 */
export class DeadlinesRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Leases up to `limit` running timers whose last day ended before `today` and whose lease (if
   * any) ran out by `now`, soonest first, until `leaseUntil`.
   */
  async claimDue(today: string, now: Date, leaseUntil: Date, limit: number): Promise<DueTimer[]> {
    const { rows } = await this.db.query({
      name: 'deadlines-claim',
      text: `UPDATE deadlines d SET claimed_until = $3
             FROM (SELECT case_id, kind FROM deadlines
                   WHERE status = 'running' AND due_on < $1 AND (claimed_until IS NULL OR claimed_until < $2)
                   ORDER BY due_on LIMIT $4 FOR UPDATE SKIP LOCKED) due
             WHERE d.case_id = due.case_id AND d.kind = due.kind
             RETURNING d.case_id, d.kind, d.due_on`,
      values: [today, now, leaseUntil, limit],
    });
    return rows.map((r) => ({ caseId: r.case_id, kind: r.kind, dueOn: r.due_on }));
  }

  /**
   * Deletes the timer if its case's snapshot no longer has that deadline running with that due
   * date (the case moved on); a timer the snapshot still holds is left alone.
   */
  async deleteIfCaseMovedOn(timer: DueTimer): Promise<void> {
    await this.db.query(
      `DELETE FROM deadlines d USING cases c
       WHERE d.case_id = $1 AND d.kind = $2 AND d.due_on = $3::date AND c.id = d.case_id
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.snapshot->'context'->'deadlines') x
                         WHERE x->>'kind' = $2 AND x->>'status' = 'running' AND x->>'dueOn' = $3::text)`,
      [timer.caseId, timer.kind, timer.dueOn],
    );
  }

  /**
   * Marks every running deadline whose reminder day has come (and whose due date has not passed)
   * as reminded on `today` and, in the same statement, queues one `deadline.reminder` to the
   * parties per deadline in the outbox, available at `now`. Returns how many were queued.
   */
  async queueDueReminders(today: string, now: Date): Promise<number> {
    const { rowCount } = await this.db.query({
      name: 'deadlines-remind',
      text: `WITH due AS (
               UPDATE deadlines SET reminded_on = $1
               WHERE status = 'running' AND reminded_on IS NULL AND remind_on <= $1 AND due_on >= $1
               RETURNING case_id, kind, due_on, organization_id)
             INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
             SELECT due.case_id, 'deadline.reminder', '{"type":"parties"}'::jsonb,
                    jsonb_build_object('caseNumber', c.case_number, 'deadline', due.kind, 'dueOn', due.due_on), $2, $2
             FROM due JOIN cases c ON c.id = due.case_id`,
      values: [today, now],
    });
    return rowCount ?? 0;
  }
}
