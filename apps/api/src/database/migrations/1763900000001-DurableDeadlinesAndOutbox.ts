import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline rows become durable timers the scheduler claims with a lease; events carry engine
 * metadata (how late a deadline fired); an outbox holds notifications written with the event
 * that causes them.
 */
export class DurableDeadlinesAndOutbox1763900000001 implements MigrationInterface {
  name = 'DurableDeadlinesAndOutbox1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events ADD COLUMN meta jsonb`);
    await q.query(`ALTER TABLE deadlines ADD COLUMN claimed_until timestamptz`);
    await q.query(`ALTER TABLE deadlines ADD COLUMN reminded_on date`);
    // What the scheduler scans: running timers by due date, and reminders not yet sent.
    await q.query(
      `CREATE INDEX deadlines_remind ON deadlines (remind_on) WHERE status = 'running' AND reminded_on IS NULL`,
    );
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        case_id uuid REFERENCES cases (id),
        kind text NOT NULL,
        recipient jsonb NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        available_at timestamptz NOT NULL,
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (available_at) WHERE delivered_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP INDEX deadlines_remind`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN reminded_on`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN claimed_until`);
    await q.query(`ALTER TABLE case_events DROP COLUMN meta`);
  }
}
