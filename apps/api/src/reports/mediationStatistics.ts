import type { ReportDefinition } from './reportDefinition.js';
import { cents, count, yuan } from './reportDefinition.js';
import { rateOf, type MediationFigures } from './statisticsReport.js';

/**
 * 人民调解案件统计表 (MoJ form and its local versions, statistics.md "People's mediation"): the
 * mediations a people's mediation organisation concludes, by dispute category × result. Every
 * figure counts by the day of its own event; docs/reports.md defines each one.
 */
export const MEDIATION_REPORT: ReportDefinition<MediationFigures> = {
  kind: 'mediation',
  title: '人民调解案件统计表',
  // Court-delegated cases are mediated by the same committees and counted on the same form.
  flows: ['people-mediation', 'delegated-mediation'],
  defaultGroup: 'category',
  queries: [
    // 受理: the acceptance day (delegated mediation: its opening, which is its acceptance).
    (sql) => `
      SELECT ${sql.key('c.accepted_on')} AS key, count(*)::int AS accepted
      FROM cases c
      WHERE ${sql.inPeriod('c.accepted_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 调解成功: the day the agreement was reached (agreement.signed), with its form, its terms' amounts and the case's parties.
    (sql) => `
      SELECT ${sql.key('e.today')} AS key, count(*)::int AS succeeded,
        count(*) FILTER (WHERE e.payload->>'form' = 'oral')::int AS "oralAgreements",
        count(*) FILTER (WHERE e.payload->>'form' IS DISTINCT FROM 'oral')::int AS "writtenAgreements",
        coalesce(sum(t.cents), 0)::text AS "amountCents",
        sum(n.parties)::int AS parties,
        count(*) FILTER (WHERE n.parties >= 3)::int AS "groupCases",
        coalesce(sum(n.parties) FILTER (WHERE n.parties >= 3), 0)::int AS "groupParties",
        count(*) FILTER (WHERE c.criminal_risk_prevented)::int AS "criminalRiskPrevented",
        coalesce(sum(n.parties) FILTER (WHERE c.criminal_risk_prevented), 0)::int AS "criminalRiskPreventedParties"
      FROM case_events e JOIN cases c ON c.id = e.case_id
      CROSS JOIN LATERAL (SELECT jsonb_array_length(c.parties_view) AS parties) n
      CROSS JOIN LATERAL (SELECT sum(round((term->>'amount')::numeric * 100)) AS cents FROM jsonb_array_elements(e.payload->'terms') term) t
      WHERE e.type = 'agreement.signed' AND ${sql.inPeriod('e.today')} AND ${sql.cases()}
      GROUP BY 1`,
    // 调解不成功: the day the mediation ended without agreement (people-mediation: terminated; delegated: returned for filing).
    (sql) => `
      SELECT ${sql.key('c.ended_on')} AS key, count(*)::int AS failed,
        sum(n.parties)::int AS parties,
        count(*) FILTER (WHERE n.parties >= 3)::int AS "groupCases",
        coalesce(sum(n.parties) FILTER (WHERE n.parties >= 3), 0)::int AS "groupParties",
        count(*) FILTER (WHERE c.criminal_risk_prevented)::int AS "criminalRiskPrevented",
        coalesce(sum(n.parties) FILTER (WHERE c.criminal_risk_prevented), 0)::int AS "criminalRiskPreventedParties"
      FROM cases c
      CROSS JOIN LATERAL (SELECT jsonb_array_length(c.parties_view) AS parties) n
      WHERE c.status = 'unresolved' AND ${sql.inPeriod('c.ended_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 自动履行: the day the performance was confirmed.
    (sql) => `
      SELECT ${sql.key('e.today')} AS key, count(*)::int AS performed
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type = 'performance.confirmed' AND ${sql.inPeriod('e.today')} AND ${sql.cases()}
      GROUP BY 1`,
    // 司法确认: the day a court confirmed the agreement, on the judicial-confirmation case linked to the mediation.
    (sql) => `
      SELECT ${sql.key('e.today')} AS key, count(*)::int AS "judiciallyConfirmed"
      FROM case_events e JOIN cases j ON j.id = e.case_id JOIN cases c ON c.id = j.linked_case_id
      WHERE e.type = 'agreement.confirmed' AND j.flow_id = 'judicial-confirmation' AND ${sql.inPeriod('e.today')} AND ${sql.cases()}
      GROUP BY 1`,
  ],
  figures(sums) {
    const succeeded = count(sums, 'succeeded');
    const failed = count(sums, 'failed');
    return {
      accepted: count(sums, 'accepted'),
      concluded: succeeded + failed,
      succeeded,
      failed,
      successRate: rateOf(succeeded, succeeded + failed),
      oralAgreements: count(sums, 'oralAgreements'),
      writtenAgreements: count(sums, 'writtenAgreements'),
      performed: count(sums, 'performed'),
      judiciallyConfirmed: count(sums, 'judiciallyConfirmed'),
      parties: count(sums, 'parties'),
      groupCases: count(sums, 'groupCases'),
      groupParties: count(sums, 'groupParties'),
      amount: yuan(cents(sums, 'amountCents')),
      criminalRiskPrevented: count(sums, 'criminalRiskPrevented'),
      criminalRiskPreventedParties: count(sums, 'criminalRiskPreventedParties'),
    };
  },
};
