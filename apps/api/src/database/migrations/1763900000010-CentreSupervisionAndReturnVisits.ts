import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The centre's view (issue 16), docs/centres.md and docs/returnVisits.md:
 * - `return_visits`: 回访 after an agreement or on closing, a host-level record beside the trail;
 * - `cases.criminal_risk_prevented`: the 防止民转刑 flag the MoJ statistics count;
 * - `organizations.active`: a deactivated organisation keeps its history but takes no new cases
 *   (a trigger refuses a case opened at it or handed to it, on every path that writes a case);
 * - the same trigger keeps `organization_path` of cases and deadlines equal to their organisation's
 *   path, so that moving a subtree cannot be undone by an instance that still holds the old tree;
 * - kind `governanceCentre` (综治中心), a centre in every respect;
 * - `organization_history`: who renamed, moved, deactivated an organisation or changed its policy, when.
 */
export class CentreSupervisionAndReturnVisits1763900000010 implements MigrationInterface {
  name = 'CentreSupervisionAndReturnVisits1763900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE return_visits (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        visited_on date NOT NULL,
        visited_by uuid NOT NULL REFERENCES users (id),
        persons_visited text NOT NULL CHECK (length(persons_visited) BETWEEN 1 AND 500),
        performance text NOT NULL CHECK (performance IN ('performed', 'partlyPerformed', 'notPerformed', 'notDue')),
        satisfaction text NOT NULL CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
        new_dispute boolean NOT NULL,
        risk_note text,
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX return_visits_case ON return_visits (case_id, visited_on)`);
    await q.query(`CREATE INDEX return_visits_visited_on ON return_visits (visited_on, organization_id)`);
    await q.query(`ALTER TABLE cases ADD COLUMN criminal_risk_prevented boolean NOT NULL DEFAULT false`);
    // What a return visit's target counts from: the agreement's last performance date, else the day it
    // took effect (docs/returnVisits.md). Dates in snapshots are ISO text; make_date keeps this immutable,
    // so the visits-due queue reads an index instead of every resolved case's snapshot.
    await q.query(`
      CREATE FUNCTION return_visit_basis(snapshot jsonb) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN d IS NULL THEN NULL ELSE make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9,
          2)::int) END
        FROM (SELECT COALESCE(
          (SELECT max(t->>'dueOn') FROM jsonb_array_elements(
             CASE WHEN jsonb_typeof(snapshot->'context'->'agreement'->'terms') = 'array'
               THEN snapshot->'context'->'agreement'->'terms' ELSE '[]'::jsonb END) t),
          snapshot->'context'->'agreement'->>'effectiveOn') AS d) x
      $$`);
    await q.query(`CREATE INDEX cases_return_visit_basis ON cases (organization_path text_pattern_ops,
      return_visit_basis(snapshot))
      WHERE status = 'resolved' AND flow_id <> 'judicial-confirmation'`);
    // The supervision board reads the open cases of a subtree (about one in eight at the benchmark's
    // million) from this index alone, and finds the escalated ones without scanning every trail.
    await q.query(`CREATE INDEX cases_open_subtree ON cases (organization_path text_pattern_ops)
      INCLUDE (id, organization_id, overdue, risk_level, updated_at) WHERE NOT final`);
    await q.query(`CREATE INDEX case_events_escalated ON case_events (case_id) WHERE type = 'case.escalated'`);

    await q.query(`ALTER TABLE organizations ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_kind_check`);
    await q.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check
      CHECK (kind IN ('centre', 'governanceCentre', 'committee', 'court', 'petitionOffice', 'department'))`);
    await q.query(`
      CREATE TABLE organization_history (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        change text NOT NULL CHECK (change IN ('renamed', 'moved', 'deactivated', 'reactivated', 'policy')),
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        note text,
        changed_by uuid NOT NULL REFERENCES users (id),
        changed_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX organization_history_org ON organization_history (organization_id, changed_at DESC, id DESC)`,
    );

    // The organisation row is read FOR KEY SHARE (as the foreign key does anyway), so a move or a
    // deactivation in flight (FOR UPDATE on the subtree) is waited for and its result seen.
    await q.query(`
      CREATE FUNCTION cases_organization_current() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        org record;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
           AND NEW.organization_path IS NOT DISTINCT FROM OLD.organization_path THEN
          RETURN NEW;
        END IF;
        SELECT path, active INTO org FROM organizations WHERE id = NEW.organization_id FOR KEY SHARE;
        IF FOUND THEN
          NEW.organization_path := org.path;
          IF NOT org.active AND (TG_OP = 'INSERT' OR NEW.organization_id IS DISTINCT FROM OLD.organization_id) THEN
            RAISE EXCEPTION 'organisation % is deactivated and takes no new cases', NEW.organization_id
              USING ERRCODE = 'P0001', CONSTRAINT = 'organizations_active', DETAIL = NEW.organization_id::text;
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER cases_organization_current BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION
        cases_organization_current()`,
    );
    await q.query(`
      CREATE FUNCTION deadlines_organization_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
           AND NEW.organization_path IS NOT DISTINCT FROM OLD.organization_path THEN
          RETURN NEW;
        END IF;
        NEW.organization_path := COALESCE((SELECT path FROM organizations WHERE id = NEW.organization_id FOR KEY SHARE),
          NEW.organization_path);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER deadlines_organization_current BEFORE INSERT OR UPDATE ON deadlines FOR EACH ROW EXECUTE FUNCTION
        deadlines_organization_current()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER deadlines_organization_current ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_organization_current()`);
    await q.query(`DROP TRIGGER cases_organization_current ON cases`);
    await q.query(`DROP FUNCTION cases_organization_current()`);
    await q.query(`DROP TABLE organization_history`);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_kind_check`);
    await q.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check
      CHECK (kind IN ('centre', 'committee', 'court', 'petitionOffice', 'department'))`);
    await q.query(`ALTER TABLE organizations DROP COLUMN active`);
    await q.query(`DROP INDEX cases_return_visit_basis`);
    await q.query(`DROP FUNCTION return_visit_basis(jsonb)`);
    await q.query(`DROP INDEX case_events_escalated`);
    await q.query(`DROP INDEX cases_open_subtree`);
    await q.query(`ALTER TABLE cases DROP COLUMN criminal_risk_prevented`);
    await q.query(`DROP TABLE return_visits`);
  }
}
