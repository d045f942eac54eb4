import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official calendar as operators maintain it (issue 11): each State Council schedule loaded
 * after release, every correction a new version (never replaced in place), and the recomputation
 * of running deadlines that a loaded year sets off, durable so that it survives restarts and is
 * shared by instances. Deadline rows gain the first day their count started from, so that the
 * deadlines whose computation touched a year are found by an index range, and the reason a due
 * date is still provisional.
 */
export class CalendarYears1763900000007 implements MigrationInterface {
  name = 'CalendarYears1763900000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 9999),
        version integer NOT NULL CHECK (version >= 1),
        holidays jsonb NOT NULL,
        make_up_workdays jsonb NOT NULL,
        notice_number text NOT NULL CHECK (length(notice_number) BETWEEN 1 AND 100),
        notice_date date NOT NULL,
        reason text,
        loaded_by jsonb NOT NULL,
        loaded_at timestamptz NOT NULL,
        PRIMARY KEY (year, version)
      )`);
    await q.query(`
      CREATE TABLE calendar_recomputations (
        id bigserial PRIMARY KEY,
        year integer NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        swept_at timestamptz,
        done_at timestamptz,
        cases integer NOT NULL DEFAULT 0,
        events integer NOT NULL DEFAULT 0,
        FOREIGN KEY (year, version) REFERENCES calendar_years (year, version)
      )`);
    await q.query(`CREATE INDEX calendar_recomputations_open ON calendar_recomputations (id) WHERE done_at IS NULL`);
    await q.query(`
      CREATE TABLE calendar_recompute_items (
        recomputation_id bigint NOT NULL REFERENCES calendar_recomputations (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        claimed_until timestamptz,
        PRIMARY KEY (recomputation_id, case_id)
      )`);
    await q.query(`ALTER TABLE deadlines ADD COLUMN counted_from date`);
    await q.query(`ALTER TABLE deadlines ADD COLUMN provisional_reason text`);
    await q.query(`
      UPDATE deadlines d SET counted_from = (
        SELECT COALESCE(x->'steps'->0->>'from', x->>'startedOn')::date
        FROM cases c, jsonb_array_elements(c.snapshot->'context'->'deadlines') x
        WHERE c.id = d.case_id AND x->>'kind' = d.kind LIMIT 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines DROP COLUMN provisional_reason`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN counted_from`);
    await q.query(`DROP TABLE calendar_recompute_items`);
    await q.query(`DROP TABLE calendar_recomputations`);
    await q.query(`DROP TABLE calendar_years`);
  }
}
