import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, cases, parties, the append-only event log, deadlines, idempotency keys and
 * case-number counters. Written by hand, reversible, never edited after release.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        parent_id uuid REFERENCES organizations (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 20),
        kind text NOT NULL CHECK (kind IN ('centre', 'committee', 'court', 'petitionOffice', 'department')),
        level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
        -- '/<root id>/…/<own id>/': a subtree is a prefix match.
        path text NOT NULL UNIQUE,
        case_number_pattern text NOT NULL,
        -- Local policy overriding the flows' *(cfg)* defaults, e.g. {"mediationPeriod": {"length": 30, "unit": "day"}}.
        policy jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organizations_parent ON organizations (parent_id)`);

    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        case_number text NOT NULL UNIQUE,
        flow_id text NOT NULL,
        flow_version integer NOT NULL,
        state text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved', 'unresolved', 'withdrawn', 'referred',
          'notAccepted')),
        final boolean NOT NULL,
        snapshot jsonb NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        organization_path text NOT NULL,
        receiving_organization_id uuid NOT NULL REFERENCES organizations (id),
        category text NOT NULL,
        channel text NOT NULL,
        risk_level text NOT NULL,
        amount numeric(17, 2),
        summary text NOT NULL,
        search_text text NOT NULL,
        received_on date NOT NULL,
        accepted_on date,
        ended_on date,
        overdue boolean NOT NULL DEFAULT false,
        linked_case_id uuid REFERENCES cases (id),
        parent_case_id uuid REFERENCES cases (id),
        -- Cases this one continues from or opened ({ id, caseNumber, flowId, relation }), kept with the row.
        links jsonb NOT NULL DEFAULT '[]',
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Keyset pagination, newest first, within an organisation subtree and with each list filter.
    await q.query(`CREATE INDEX cases_newest ON cases (opened_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX cases_org_newest ON cases (organization_path text_pattern_ops, opened_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX cases_status_newest ON cases (status, opened_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_overdue ON cases (opened_at DESC, id DESC) WHERE overdue`);
    await q.query(`CREATE INDEX cases_flow_state ON cases (flow_id, state)`);
    await q.query(`CREATE INDEX cases_linked ON cases (linked_case_id) WHERE linked_case_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_parent ON cases (parent_case_id) WHERE parent_case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE parties (
        case_id uuid NOT NULL REFERENCES cases (id),
        party_id text NOT NULL,
        role text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        id_number text,
        credit_code text,
        phone text,
        address text,
        agent text,
        PRIMARY KEY (case_id, party_id)
      )`);
    await q.query(`CREATE INDEX parties_id_number ON parties (id_number) WHERE id_number IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_events (
        case_id uuid NOT NULL REFERENCES cases (id),
        seq integer NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        today date NOT NULL,
        idempotency_key text,
        PRIMARY KEY (case_id, seq)
      )`);
    // The audit trail is append-only: no update or delete, not even by mistake.
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);

    await q.query(`
      CREATE TABLE deadlines (
        case_id uuid NOT NULL REFERENCES cases (id),
        kind text NOT NULL,
        sort text NOT NULL CHECK (sort IN ('limit', 'target', 'window')),
        status text NOT NULL CHECK (status IN ('running', 'paused', 'expired')),
        basis text NOT NULL,
        due_on date,
        remind_on date,
        provisional boolean NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        organization_path text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, kind)
      )`);
    await q.query(`CREATE INDEX deadlines_running_due ON deadlines (due_on) WHERE status = 'running'`);
    await q.query(`CREATE INDEX deadlines_org_due ON deadlines (organization_path text_pattern_ops, due_on)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        case_id uuid NOT NULL REFERENCES cases (id),
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, key)
      )`);

    await q.query(`
      CREATE TABLE case_number_counters (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (organization_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_number_counters`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE deadlines`);
    await q.query(`DROP TRIGGER case_events_append_only ON case_events`);
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP FUNCTION case_events_append_only()`);
    await q.query(`DROP TABLE parties`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE organizations`);
  }
}
