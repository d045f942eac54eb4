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
 * - on `case_events` (insert of a counted event type): the days and facts of those events.
 *
 * `case_statistics_apply` is the one place that turns an event into facts; the backfill below
 * (and the benchmark, whose bulk load bypasses triggers) replays the events through it.
 */
export const STATISTICS_EVENT_TYPES = [
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
const PARTY_KINDS = ['confirmationWindow', 'objectionWindow', 'reviewRequestPeriod', 'rereviewRequestPeriod', 'performanceDue', 'supplementDue', 'materialsDue'];
/** The centre's own targets: overdue, but no statutory time limit. */
const CENTRE_KINDS = ['resolutionTarget', 'supervision'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export const BACKFILL_CASE_STATISTICS = `
  INSERT INTO case_statistics (case_id, flow_id, category, organization_id, status, risk_level, opened_on, accepted_on, ended_on, parties, criminal_risk_prevented)
  SELECT id, flow_id, category, organization_id, status, risk_level, (opened_at AT TIME ZONE 'Asia/Shanghai')::date, accepted_on, ended_on,
    jsonb_array_length(parties_view), criminal_risk_prevented
  FROM cases
  ON CONFLICT (case_id) DO NOTHING;
  SELECT count(case_statistics_apply(e.case_id, e.type, e.payload, e.today))
  FROM (SELECT case_id, seq, type, payload, today FROM case_events WHERE type IN (${list(STATISTICS_EVENT_TYPES)}) ORDER BY case_id, seq) e;
`;

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
    for (const day of ['accepted_on', 'opened_on', 'ended_on', 'agreed_on', 'performed_on', 'escalated_on', 'overdue_on', 'confirmed_on', 'decided_on', 'replied_on', 'ruled_on']) {
      await q.query(`CREATE INDEX case_statistics_${day} ON case_statistics (${day}) WHERE ${day} IS NOT NULL`);
    }

    await q.query(`
      CREATE FUNCTION case_statistics_apply(p_case uuid, p_type text, p_payload jsonb, p_today date) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        kind text;
      BEGIN
        INSERT INTO case_statistics (case_id) VALUES (p_case) ON CONFLICT (case_id) DO NOTHING;
        IF p_type = 'agreement.signed' THEN
          UPDATE case_statistics SET agreed_on = coalesce(agreed_on, p_today), agreement_oral = (p_payload->>'form' = 'oral'),
            agreement_cents = (SELECT coalesce(sum(round((t->>'amount')::numeric * 100)), 0)::bigint FROM jsonb_array_elements(coalesce(p_payload->'terms', '[]')) t WHERE t ? 'amount')
          WHERE case_id = p_case;
        ELSIF p_type = 'performance.confirmed' THEN
          UPDATE case_statistics SET performed_on = coalesce(performed_on, p_today) WHERE case_id = p_case;
        ELSIF p_type = 'case.escalated' THEN
          UPDATE case_statistics SET escalated_on = coalesce(escalated_on, p_today) WHERE case_id = p_case;
        ELSIF p_type = 'deadline.expired' THEN
          kind := p_payload->>'kind';
          UPDATE case_statistics SET expired_kinds = array_append(expired_kinds, kind),
            overdue_on = coalesce(overdue_on, CASE WHEN kind NOT IN (${list(PARTY_KINDS)}) THEN p_today END),
            late_on = coalesce(late_on, CASE WHEN kind NOT IN (${list([...PARTY_KINDS, ...CENTRE_KINDS])}) THEN p_today END)
          WHERE case_id = p_case;
        ELSIF p_type IN ('petition.accepted', 'petition.rejected', 'petition.routedToLegalProcedure') THEN
          -- PC-Reg Arts. 22, 23: decided within 15 days when acceptanceDecision had not expired.
          UPDATE case_statistics SET decided_on = p_today, decided_timely = NOT ('acceptanceDecision' = ANY(expired_kinds)) WHERE case_id = p_case;
        ELSIF p_type = 'opinion.issued' THEN
          -- PC-Reg Art. 34: 60 days, extended by at most 30 (the extension moves handlingPeriod).
          UPDATE case_statistics SET replied_on = p_today, replied_on_time = NOT ('handlingPeriod' = ANY(expired_kinds)) WHERE case_id = p_case;
        ELSIF p_type IN ('agreement.confirmed', 'application.dismissed') THEN
          -- CPL Art. 187: the special procedure's 30 days from acceptance (specialProcedurePeriod).
          UPDATE case_statistics s SET ruled_on = p_today, ruling = CASE WHEN p_type = 'agreement.confirmed' THEN 'confirmed' ELSE 'dismissed' END,
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
        INSERT INTO case_statistics (case_id, flow_id, category, organization_id, status, risk_level, opened_on, accepted_on, ended_on, parties, criminal_risk_prevented)
        VALUES (NEW.id, NEW.flow_id, NEW.category, NEW.organization_id, NEW.status, NEW.risk_level, (NEW.opened_at AT TIME ZONE 'Asia/Shanghai')::date,
          NEW.accepted_on, NEW.ended_on, jsonb_array_length(NEW.parties_view), NEW.criminal_risk_prevented)
        ON CONFLICT (case_id) DO UPDATE SET flow_id = EXCLUDED.flow_id, category = EXCLUDED.category, organization_id = EXCLUDED.organization_id,
          status = EXCLUDED.status, risk_level = EXCLUDED.risk_level, opened_on = EXCLUDED.opened_on, accepted_on = EXCLUDED.accepted_on,
          ended_on = EXCLUDED.ended_on, parties = EXCLUDED.parties, criminal_risk_prevented = EXCLUDED.criminal_risk_prevented;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER case_statistics_on_case_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_statistics_on_case()`);
    // Most transitions change none of these (a session recorded, a follow-up): they do not fire it.
    await q.query(`
      CREATE TRIGGER case_statistics_on_case_update AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.category IS DISTINCT FROM NEW.category
        OR OLD.accepted_on IS DISTINCT FROM NEW.accepted_on OR OLD.ended_on IS DISTINCT FROM NEW.ended_on OR OLD.risk_level IS DISTINCT FROM NEW.risk_level
        OR OLD.criminal_risk_prevented IS DISTINCT FROM NEW.criminal_risk_prevented OR jsonb_array_length(OLD.parties_view) <> jsonb_array_length(NEW.parties_view))
      EXECUTE FUNCTION case_statistics_on_case()`);
    await q.query(BACKFILL_CASE_STATISTICS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_statistics_on_case_update ON cases`);
    await q.query(`DROP TRIGGER case_statistics_on_case_insert ON cases`);
    await q.query(`DROP TRIGGER case_statistics_on_event ON case_events`);
    await q.query(`DROP FUNCTION case_statistics_on_case()`);
    await q.query(`DROP FUNCTION case_statistics_on_event()`);
    await q.query(`DROP FUNCTION case_statistics_apply(uuid, text, jsonb, date)`);
    await q.query(`DROP TABLE case_statistics`);
  }
}
