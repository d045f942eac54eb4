import type { ReportDefinition } from './reportDefinition.js';
import { cents, count, yuan } from './reportDefinition.js';
import { rateOf, type MediationFigures } from './statisticsReport.js';

/** 当事人数, 群体性 (3 or more parties) and 防止民转刑 (件, 人) of the mediations concluded. */
const PARTY_FIGURES = `
        sum(c.parties)::int AS parties,
        count(*) FILTER (WHERE c.parties >= 3)::int AS "groupCases",
        coalesce(sum(c.parties) FILTER (WHERE c.parties >= 3), 0)::int AS "groupParties",
        count(*) FILTER (WHERE c.criminal_risk_prevented)::int AS "criminalRiskPrevented",
        coalesce(sum(c.parties) FILTER (WHERE c.criminal_risk_prevented), 0)::int AS "criminalRiskPreventedParties"`;

/**
 * 人民调解案件统计表 (MoJ form and its local versions, statistics.md "People's mediation"): the
 * mediations a people's mediation organisation concludes, by dispute category × result. Every
 * figure counts by the day of its own event, read from `case_statistics` (migration 1763900000011);
 * docs/reports.md defines each one.
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
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.accepted_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 调解成功: the day the agreement was reached (agreement.signed), with its form, its terms' amounts and the case's
    // parties.
    (sql) => `
      SELECT ${sql.key('c.agreed_on')} AS key, count(*)::int AS succeeded,
        count(*) FILTER (WHERE c.agreement_oral)::int AS "oralAgreements",
        count(*) FILTER (WHERE NOT c.agreement_oral)::int AS "writtenAgreements",
        coalesce(sum(c.agreement_cents), 0)::text AS "amountCents",
        ${PARTY_FIGURES}
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.agreed_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 调解不成功: the day the mediation ended without agreement (people-mediation: terminated; delegated: returned for
    // filing).
    (sql) => `
      SELECT ${sql.key('c.ended_on')} AS key, count(*)::int AS failed,
        ${PARTY_FIGURES}
      FROM case_statistics c
      WHERE c.status = 'unresolved' AND ${sql.inPeriod('c.ended_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 自动履行: the day the performance was confirmed.
    (sql) => `
      SELECT ${sql.key('c.performed_on')} AS key, count(*)::int AS performed
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.performed_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 司法确认: the day a court confirmed the agreement, on the judicial-confirmation case linked to the mediation.
    (sql) => `
      SELECT ${sql.key('c.confirmed_on')} AS key, count(*)::int AS "judiciallyConfirmed"
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.confirmed_on')} AND ${sql.cases()}
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
