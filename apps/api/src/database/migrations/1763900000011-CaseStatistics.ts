import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_statistics`: one narrow row per case with what the statistics reports count (docs/reports.md),
 * so that a whole city's year is read from one small table instead of ~10 million events.
 *
 * Why (docs/benchmarks.md item 9): read straight from `cases` and `case_events`, the reports took
 * 2–16 s for a city-wide year at 1,000,000 cases (an agreement's form and amounts, a ruling's days
 * and whether a period had expired before a decision live only in the events). The row is kept in
 * the same transaction as the change, by two triggers, so a report is never behind the trail:
 *
 * - on `cases` (insert, and an update that changes a counted column): the case's own columns;
 * - on `case_events` (insert of a counted event type): the days and facts of those events;
 * - on `return_visits`: `return_visit_statistics`, each visit with its case's flow, organisation and
 *   category (a join per visit cost 0.8 s of a city-wide year).
 *
 * `case_statistics_apply` turns one event into facts as it is written; BACKFILL_CASE_STATISTICS
 * computes the same rows set-wise from the trail (an upgrade; the benchmark, whose bulk load
 * bypasses triggers), and the e2e test holds the two to the same rows.
 */
export const STATISTICS_EVENT_TYPES = [
  'case.opened',
  'agreement.signed',
  'performance.confirmed',
  'case.escalated',
  'deadline.expired',
  'petition.accepted',
  'petition.rejected',
  'petition.routedToLegalProcedure',
  'opinion.issued',
  'agreement.confirmed',
  'application.dismissed',
];
/** A party's option or obligation, not the handling body's period (reports/statisticsSql.ts). */
const PARTY_KINDS = [
  'confirmationWindow',
  'objectionWindow',
  'reviewRequestPeriod',
  'rereviewRequestPeriod',
  'performanceDue',
  'supplementDue',
  'materialsDue',
];
/** The centre's own targets: overdue, but no statutory time limit. */
const CENTRE_KINDS = ['resolutionTarget', 'supervision'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

const DECISIONS = ['petition.accepted', 'petition.rejected', 'petition.routedToLegalProcedure'];
const RULINGS = ['agreement.confirmed', 'application.dismissed'];
/** The last value of `expr` among a case's events of `types`, in trail order. */
const last = (expr: string, types: string[]) =>
  `(array_agg(${expr} ORDER BY seq DESC) FILTER (WHERE type IN (${list(types)})))[1]`;
/** An agreement's amount in cents: the sum of its terms' amounts. */
const AGREEMENT_CENTS = `(SELECT coalesce(sum(round((t->>'amount')::numeric * 100)), 0)::bigint
  FROM jsonb_array_elements(coalesce(payload->'terms', '[]')) t WHERE t ? 'amount')`;

/**
 * The same rows as the triggers keep, computed set-wise from the trail (an upgrade, and the
 * benchmark after its bulk load): one pass over the counted events, one row written per case.
 * statistics.e2e.test.ts recomputes a story's rows with it and compares them with the triggers'.
 */
export const BACKFILL_CASE_STATISTICS = `
  WITH ev AS (
    SELECT case_id, seq, type, payload, today FROM case_events WHERE type
      IN (${list(STATISTICS_EVENT_TYPES.filter((t) => t !== 'case.opened'))})
  ), agg AS (
    SELECT case_id,
      min(today) FILTER (WHERE type = 'agreement.signed') AS agreed_on,
      ${last(`payload->>'form' = 'oral'`, ['agreement.signed'])} AS agreement_oral,
      ${last(AGREEMENT_CENTS, ['agreement.signed'])} AS agreement_cents,
      min(today) FILTER (WHERE type = 'performance.confirmed') AS performed_on,
      min(today) FILTER (WHERE type = 'case.escalated') AS escalated_on,
      min(today) FILTER (WHERE type = 'deadline.expired' AND payload->>'kind' NOT IN (${list(PARTY_KINDS)})) AS
        overdue_on,
      min(today) FILTER (WHERE type = 'deadline.expired' AND payload->>'kind' NOT
        IN (${list([...PARTY_KINDS, ...CENTRE_KINDS])})) AS late_on,
      coalesce(array_agg(payload->>'kind' ORDER BY seq) FILTER (WHERE type = 'deadline.expired'),
        '{}') AS expired_kinds,
      min(seq) FILTER (WHERE type = 'deadline.expired' AND payload->>'kind' = 'acceptanceDecision') AS
        acceptance_expired_seq,
      min(seq) FILTER (WHERE type = 'deadline.expired' AND payload->>'kind' = 'handlingPeriod') AS handling_expired_seq,
      min(seq) FILTER (WHERE type = 'deadline.expired' AND payload->>'kind' = 'specialProcedurePeriod') AS
        special_expired_seq,
      ${last('today', DECISIONS)} AS decided_on, ${last('seq', DECISIONS)} AS decided_seq,
      ${last('today', ['opinion.issued'])} AS replied_on, ${last('seq', ['opinion.issued'])} AS replied_seq,
      ${last('today', RULINGS)} AS ruled_on, ${last('seq', RULINGS)} AS ruled_seq,
      ${last(`CASE WHEN type = 'agreement.confirmed' THEN 'confirmed' ELSE 'dismissed' END`, RULINGS)} AS ruling,
      ${last(`coalesce((payload->>'ruledOn')::date, today)`, RULINGS)} AS ruled_day
    FROM ev GROUP BY case_id
  ), confirmed AS (
    SELECT j.linked_case_id AS case_id, min(e.today) AS confirmed_on
    FROM ev e JOIN cases j ON j.id = e.case_id
    WHERE e.type = 'agreement.confirmed' AND j.flow_id = 'judicial-confirmation' AND j.linked_case_id IS NOT NULL
    GROUP BY 1
  ), petitioners AS (
    SELECT p.case_id, c.opened_at, min(c.opened_at) OVER (PARTITION BY p.id_number_hash, c.category) AS first_at
    FROM parties p JOIN cases c ON c.id = p.case_id
    WHERE c.flow_id = 'petition' AND p.role = 'applicant' AND p.id_number_hash IS NOT NULL
  ), repeats AS (
    SELECT DISTINCT case_id FROM petitioners WHERE opened_at > first_at
  )
  INSERT INTO case_statistics (case_id, flow_id, category, organization_id, status, risk_level, opened_on, accepted_on,
    ended_on, parties,
    criminal_risk_prevented, repeat_petition, agreed_on, agreement_oral, agreement_cents, performed_on, escalated_on,
      overdue_on, late_on,
    confirmed_on, expired_kinds, decided_on, decided_timely, replied_on, replied_on_time, ruled_on, ruling, ruling_days,
      ruling_timely)
  SELECT c.id, c.flow_id, c.category, c.organization_id, c.status, c.risk_level,
    (c.opened_at AT TIME ZONE 'Asia/Shanghai')::date, c.accepted_on,
    c.ended_on, jsonb_array_length(c.parties_view), c.criminal_risk_prevented, (r.case_id IS NOT NULL),
    a.agreed_on, a.agreement_oral, a.agreement_cents, a.performed_on, a.escalated_on, a.overdue_on, a.late_on,
      f.confirmed_on,
    coalesce(a.expired_kinds, '{}'), a.decided_on, CASE WHEN a.decided_on IS NOT NULL THEN NOT
      coalesce(a.acceptance_expired_seq < a.decided_seq, false) END,
    a.replied_on, CASE WHEN a.replied_on IS NOT NULL THEN NOT coalesce(a.handling_expired_seq < a.replied_seq, false)
      END,
    a.ruled_on, a.ruling, a.ruled_day - c.accepted_on, CASE WHEN a.ruled_on IS NOT NULL THEN NOT
      coalesce(a.special_expired_seq < a.ruled_seq, false) END
  FROM cases c
  LEFT JOIN agg a ON a.case_id = c.id
  LEFT JOIN confirmed f ON f.case_id = c.id
  LEFT JOIN repeats r ON r.case_id = c.id;
  INSERT INTO return_visit_statistics (visit_id, case_id, visited_on, satisfaction, flow_id, organization_id, category)
  SELECT v.id, v.case_id, v.visited_on, v.satisfaction, c.flow_id, c.organization_id, c.category FROM return_visits v
    JOIN cases c ON c.id = v.case_id;
`;

/**
 * What each report reads, by flow and the figure's day, with every column the query needs, so
 * that a city-wide year is an index-only range scan (docs/benchmarks.md item 9).
 */
const GROUPING = ['organization_id', 'category'];
export const CASE_STATISTICS_INDEXES: Record<string, string[]> = {
  accepted_on: [...GROUPING, 'status', 'risk_level', 'agreed_on', 'ended_on', 'late_on'],
  opened_on: [...GROUPING, 'repeat_petition'],
  ended_on: [...GROUPING, 'status', 'parties', 'criminal_risk_prevented'],
  agreed_on: [...GROUPING, 'agreement_oral', 'agreement_cents', 'parties', 'criminal_risk_prevented'],
  performed_on: GROUPING,
  escalated_on: GROUPING,
  overdue_on: GROUPING,
  confirmed_on: GROUPING,
  decided_on: [...GROUPING, 'decided_timely'],
  replied_on: [...GROUPING, 'replied_on_time'],
  ruled_on: [...GROUPING, 'ruling', 'ruling_days', 'ruling_timely'],
};

export class CaseStatistics1763900000011 implements MigrationInterface {
  name = 'CaseStatistics1763900000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_statistics (
        case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        -- The case's own columns, as on cases.
        flow_id text,
        category text,
        organization_id uuid,
        status text,
        risk_level text,
        opened_on date,
        accepted_on date,
        ended_on date,
        parties integer NOT NULL DEFAULT 0,
        criminal_risk_prevented boolean NOT NULL DEFAULT false,
        -- A petition whose applicant (by ID number) had one of the same category before (docs/reports.md).
        repeat_petition boolean NOT NULL DEFAULT false,
        -- From the events (the day is the event's China day, case_events.today).
        agreed_on date,
        agreement_oral boolean,
        agreement_cents bigint,
        performed_on date,
        escalated_on date,
        overdue_on date,
        late_on date,
        confirmed_on date,
        expired_kinds text[] NOT NULL DEFAULT '{}',
        decided_on date,
        decided_timely boolean,
        replied_on date,
        replied_on_time boolean,
        ruled_on date,
        ruling text,
        ruling_days integer,
        ruling_timely boolean
      )`);

    // Each return visit with its case's flow, organisation and category, for the satisfaction figures.
    await q.query(`
      CREATE TABLE return_visit_statistics (
        visit_id uuid PRIMARY KEY REFERENCES return_visits (id) ON DELETE CASCADE,
        case_id uuid NOT NULL,
        visited_on date NOT NULL,
        satisfaction text NOT NULL,
        flow_id text,
        organization_id uuid,
        category text
      )`);
    await q.query(`
      CREATE FUNCTION return_visit_statistics_on_visit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO return_visit_statistics (visit_id, case_id, visited_on, satisfaction, flow_id, organization_id,
          category)
        SELECT NEW.id, NEW.case_id, NEW.visited_on, NEW.satisfaction, c.flow_id, c.organization_id, c.category
          FROM cases c WHERE c.id = NEW.case_id
        ON CONFLICT (visit_id) DO UPDATE SET visited_on = EXCLUDED.visited_on, satisfaction = EXCLUDED.satisfaction;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER return_visit_statistics_on_visit AFTER INSERT OR UPDATE OF visited_on, satisfaction
        ON return_visits FOR EACH ROW EXECUTE FUNCTION return_visit_statistics_on_visit()`,
    );
    await q.query(`
      CREATE FUNCTION case_statistics_apply(p_case uuid, p_type text, p_payload jsonb, p_today date) RETURNS integer
        LANGUAGE plpgsql AS $$
      DECLARE
        kind text;
      BEGIN
        INSERT INTO case_statistics (case_id) VALUES (p_case) ON CONFLICT (case_id) DO NOTHING;
        IF p_type = 'case.opened' THEN
          -- Parties are in by now (AFTER triggers run when the opening statement is done);
          -- every other petition is earlier.
          UPDATE case_statistics s SET repeat_petition = EXISTS (
            SELECT 1 FROM parties p
            JOIN parties q ON q.id_number_hash = p.id_number_hash AND q.case_id <> p.case_id AND q.role = 'applicant'
            JOIN case_statistics e ON e.case_id = q.case_id AND e.flow_id = 'petition' AND e.category = c.category
            WHERE p.case_id = p_case AND p.role = 'applicant' AND p.id_number_hash IS NOT NULL)
          FROM cases c WHERE s.case_id = p_case AND c.id = p_case AND c.flow_id = 'petition';
        ELSIF p_type = 'agreement.signed' THEN
          UPDATE case_statistics SET agreed_on = coalesce(agreed_on, p_today), agreement_oral = (p_payload->>'form' =
            'oral'),
            agreement_cents = (SELECT coalesce(sum(round((t->>'amount')::numeric * 100)), 0)::bigint
              FROM jsonb_array_elements(coalesce(p_payload->'terms', '[]')) t WHERE t ? 'amount')
          WHERE case_id = p_case;
        ELSIF p_type = 'performance.confirmed' THEN
          UPDATE case_statistics SET performed_on = coalesce(performed_on, p_today) WHERE case_id = p_case;
        ELSIF p_type = 'case.escalated' THEN
          UPDATE case_statistics SET escalated_on = coalesce(escalated_on, p_today) WHERE case_id = p_case;
        ELSIF p_type = 'deadline.expired' THEN
          kind := p_payload->>'kind';
          UPDATE case_statistics SET expired_kinds = array_append(expired_kinds, kind),
            overdue_on = coalesce(overdue_on, CASE WHEN kind NOT IN (${list(PARTY_KINDS)}) THEN p_today END),
            late_on = coalesce(late_on, CASE WHEN kind NOT IN (${list([...PARTY_KINDS, ...CENTRE_KINDS])}) THEN p_today
              END)
          WHERE case_id = p_case;
        ELSIF p_type IN ('petition.accepted', 'petition.rejected', 'petition.routedToLegalProcedure') THEN
          -- PC-Reg Arts. 22, 23: decided within 15 days when acceptanceDecision had not expired.
          UPDATE case_statistics SET decided_on = p_today, decided_timely = NOT ('acceptanceDecision' =
            ANY(expired_kinds)) WHERE case_id = p_case;
        ELSIF p_type = 'opinion.issued' THEN
          -- PC-Reg Art. 34: 60 days, extended by at most 30 (the extension moves handlingPeriod).
          UPDATE case_statistics SET replied_on = p_today, replied_on_time = NOT ('handlingPeriod' = ANY(expired_kinds))
            WHERE case_id = p_case;
        ELSIF p_type IN ('agreement.confirmed', 'application.dismissed') THEN
          -- CPL Art. 187: the special procedure's 30 days from acceptance (specialProcedurePeriod).
          UPDATE case_statistics s SET ruled_on = p_today, ruling = CASE WHEN p_type = 'agreement.confirmed'
            THEN 'confirmed' ELSE 'dismissed' END,
            ruling_days = coalesce((p_payload->>'ruledOn')::date, p_today) - c.accepted_on,
            ruling_timely = NOT ('specialProcedurePeriod' = ANY(s.expired_kinds))
          FROM cases c WHERE s.case_id = p_case AND c.id = p_case;
          IF p_type = 'agreement.confirmed' THEN
            UPDATE case_statistics SET confirmed_on = coalesce(confirmed_on, p_today)
            WHERE case_id = (SELECT linked_case_id FROM cases WHERE id = p_case AND flow_id = 'judicial-confirmation');
          END IF;
        END IF;
        RETURN 1;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_statistics_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM case_statistics_apply(NEW.case_id, NEW.type, NEW.payload, NEW.today);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_statistics_on_event AFTER INSERT ON case_events FOR EACH ROW
      WHEN (NEW.type IN (${list(STATISTICS_EVENT_TYPES)})) EXECUTE FUNCTION case_statistics_on_event()`);
    await q.query(`
      CREATE FUNCTION case_statistics_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_statistics (case_id, flow_id, category, organization_id, status, risk_level, opened_on,
          accepted_on, ended_on, parties, criminal_risk_prevented)
        VALUES (NEW.id, NEW.flow_id, NEW.category, NEW.organization_id, NEW.status, NEW.risk_level,
          (NEW.opened_at AT TIME ZONE 'Asia/Shanghai')::date,
          NEW.accepted_on, NEW.ended_on, jsonb_array_length(NEW.parties_view), NEW.criminal_risk_prevented)
        ON CONFLICT (case_id) DO UPDATE SET flow_id = EXCLUDED.flow_id, category = EXCLUDED.category,
          organization_id = EXCLUDED.organization_id,
          status = EXCLUDED.status, risk_level = EXCLUDED.risk_level, opened_on = EXCLUDED.opened_on,
            accepted_on = EXCLUDED.accepted_on,
          ended_on = EXCLUDED.ended_on, parties = EXCLUDED.parties,
            criminal_risk_prevented = EXCLUDED.criminal_risk_prevented;
        IF TG_OP = 'UPDATE' AND (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.category IS DISTINCT
          FROM NEW.category) THEN
          UPDATE return_visit_statistics SET organization_id = NEW.organization_id, category = NEW.category
            WHERE case_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER case_statistics_on_case_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION
        case_statistics_on_case()`,
    );
    // Most transitions change none of these (a session recorded, a follow-up): they do not fire it.
    await q.query(`
      CREATE TRIGGER case_statistics_on_case_update AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
        OR OLD.category IS DISTINCT FROM NEW.category
        OR OLD.accepted_on IS DISTINCT FROM NEW.accepted_on OR OLD.ended_on IS DISTINCT FROM NEW.ended_on
          OR OLD.risk_level IS DISTINCT FROM NEW.risk_level
        OR OLD.criminal_risk_prevented IS DISTINCT FROM NEW.criminal_risk_prevented
          OR jsonb_array_length(OLD.parties_view) <> jsonb_array_length(NEW.parties_view))
      EXECUTE FUNCTION case_statistics_on_case()`);
    await q.query(BACKFILL_CASE_STATISTICS);
    for (const [day, columns] of Object.entries(CASE_STATISTICS_INDEXES)) {
      await q.query(
        `CREATE INDEX case_statistics_${day} ON case_statistics (flow_id, ${day}) INCLUDE (${columns.join(', ')})
          WHERE ${day} IS NOT NULL`,
      );
    }
    // Return visits join their case by id: its flow, organisation and category without the heap.
    await q.query(
      `CREATE INDEX return_visit_statistics_visited_on ON return_visit_statistics (flow_id,
        visited_on) INCLUDE (${GROUPING.join(', ')}, satisfaction)`,
    );
    await q.query(`CREATE INDEX return_visit_statistics_case ON return_visit_statistics (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_statistics_on_case_update ON cases`);
    await q.query(`DROP TRIGGER case_statistics_on_case_insert ON cases`);
    await q.query(`DROP TRIGGER case_statistics_on_event ON case_events`);
    await q.query(`DROP FUNCTION case_statistics_on_case()`);
    await q.query(`DROP FUNCTION case_statistics_on_event()`);
    await q.query(`DROP FUNCTION case_statistics_apply(uuid, text, jsonb, date)`);
    await q.query(`DROP TRIGGER return_visit_statistics_on_visit ON return_visits`);
    await q.query(`DROP FUNCTION return_visit_statistics_on_visit()`);
    await q.query(`DROP TABLE return_visit_statistics`);
    await q.query(`DROP TABLE case_statistics`);
  }
}
