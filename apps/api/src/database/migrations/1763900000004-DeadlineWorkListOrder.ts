import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline work list (`GET /deadlines`) pages running deadlines in (due date, case, kind)
 * order. Indexed on the due date alone, every deadline due by `dueBefore` was read, joined and
 * sorted before the first page came back (15 ms city-wide at a million cases); keyed in the list's
 * own order, a page reads only its rows. It also serves the scheduler's claim (`due_on < today`,
 * in due order), so it replaces `deadlines_running_due`.
 */
export class DeadlineWorkListOrder1763900000004 implements MigrationInterface {
  name = 'DeadlineWorkListOrder1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadlines_running_order ON deadlines (due_on, case_id, kind) WHERE status = 'running'`);
    await q.query(`DROP INDEX deadlines_running_due`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadlines_running_due ON deadlines (due_on) WHERE status = 'running'`);
    await q.query(`DROP INDEX deadlines_running_order`);
  }
}
