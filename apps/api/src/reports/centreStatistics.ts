import { listFlows } from '@jiefen/flows';
import type { ReportDefinition } from './reportDefinition.js';
import { count } from './reportDefinition.js';
import { rateOf, type CentreFigures } from './statisticsReport.js';

/**
 * 综治中心 / 矛调中心 assessment (statistics.md "综治/矛调 centre KPIs"): 化解率 as the
 * resolution-rate report gives it, how fast and where cases were resolved, what went overdue,
 * the risk levels and the return visits' satisfaction. docs/reports.md defines each figure.
 */
export const CENTRE_REPORT: ReportDefinition<CentreFigures> = {
  kind: 'centre',
  title: '矛盾纠纷调处化解工作考核统计表',
  get flows() {
    return listFlows().map((f) => f.id);
  },
  defaultGroup: 'organization',
  queries: [
    // Of the cases accepted in the period: resolved, how soon (the agreement's day, else the day the
    // case ended), whether a statutory limit or a body's target had expired first, at which level, at which risk.
    (sql) => `
      SELECT ${sql.key('c.accepted_on')} AS key, count(*)::int AS accepted,
        count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
        count(*) FILTER (WHERE c.status = 'resolved' AND coalesce(c.agreed_on, c.ended_on) - c.accepted_on <= 30)::int
          AS "resolvedWithin30Days",
        count(*) FILTER (WHERE c.status = 'resolved' AND (c.late_on IS NULL OR c.late_on > coalesce(c.agreed_on,
          c.ended_on)))::int AS "resolvedWithinTimeLimit",
        count(*) FILTER (WHERE c.status = 'resolved' AND o.level IN ('street',
          'community'))::int AS "resolvedAtStreetLevel",
        count(*) FILTER (WHERE c.risk_level = 'red')::int AS "redRisk",
        count(*) FILTER (WHERE c.risk_level = 'orange')::int AS "orangeRisk"
      FROM case_statistics c JOIN organizations o ON o.id = c.organization_id
      WHERE ${sql.inPeriod('c.accepted_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 上报: cases first escalated in the period.
    (sql) => `
      SELECT ${sql.key('c.escalated_on')} AS key, count(*)::int AS escalated
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.escalated_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 超期: cases one of whose statutory limits or body's (or the centre's) targets first expired in the period.
    (sql) => `
      SELECT ${sql.key('c.overdue_on')} AS key, count(*)::int AS overdue
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.overdue_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 回访: the return visits made in the period.
    (sql) => `
      SELECT ${sql.key('c.visited_on')} AS key, count(*)::int AS "returnVisits",
        count(*) FILTER (WHERE c.satisfaction = 'satisfied')::int AS satisfied,
        count(*) FILTER (WHERE c.satisfaction = 'basicallySatisfied')::int AS "basicallySatisfied",
        count(*) FILTER (WHERE c.satisfaction = 'dissatisfied')::int AS dissatisfied
      FROM return_visit_statistics c
      WHERE ${sql.inPeriod('c.visited_on')} AND ${sql.cases()}
      GROUP BY 1`,
  ],
  figures(sums) {
    const accepted = count(sums, 'accepted');
    const resolved = count(sums, 'resolved');
    const visits = count(sums, 'returnVisits');
    return {
      accepted,
      resolved,
      resolutionRate: rateOf(resolved, accepted),
      resolvedWithin30Days: count(sums, 'resolvedWithin30Days'),
      within30DaysRate: rateOf(count(sums, 'resolvedWithin30Days'), resolved),
      resolvedWithinTimeLimit: count(sums, 'resolvedWithinTimeLimit'),
      withinTimeLimitRate: rateOf(count(sums, 'resolvedWithinTimeLimit'), resolved),
      resolvedAtStreetLevel: count(sums, 'resolvedAtStreetLevel'),
      streetLevelRate: rateOf(count(sums, 'resolvedAtStreetLevel'), resolved),
      escalated: count(sums, 'escalated'),
      overdue: count(sums, 'overdue'),
      redRisk: count(sums, 'redRisk'),
      orangeRisk: count(sums, 'orangeRisk'),
      returnVisits: visits,
      satisfied: count(sums, 'satisfied'),
      basicallySatisfied: count(sums, 'basicallySatisfied'),
      dissatisfied: count(sums, 'dissatisfied'),
      satisfactionRate: rateOf(count(sums, 'satisfied') + count(sums, 'basicallySatisfied'), visits),
    };
  },
};
