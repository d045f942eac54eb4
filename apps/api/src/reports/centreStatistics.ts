import { listFlows } from '@jiefen/flows';
import type { ReportDefinition } from './reportDefinition.js';
import { count } from './reportDefinition.js';
import { CENTRE_DEADLINE_KINDS, PARTY_DEADLINE_KINDS } from './statisticsSql.js';
import { rateOf, type CentreFigures } from './statisticsReport.js';

/** The events on which a case counts as resolved before it ends: an agreement reached. */
const AGREEMENT_EVENTS = ['agreement.signed'];

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
    // Of the cases accepted in the period: resolved, how soon (the agreement's day, else the day the case ended), at which level, at which risk.
    (sql) => `
      SELECT ${sql.key('c.accepted_on')} AS key, count(*)::int AS accepted,
        count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
        count(*) FILTER (WHERE c.status = 'resolved' AND coalesce(a.agreed_on, c.ended_on) - c.accepted_on <= 30)::int AS "resolvedWithin30Days",
        count(*) FILTER (WHERE c.status = 'resolved' AND late.case_id IS NULL)::int AS "resolvedWithinTimeLimit",
        count(*) FILTER (WHERE c.status = 'resolved' AND o.level IN ('street', 'community'))::int AS "resolvedAtStreetLevel",
        count(*) FILTER (WHERE c.risk_level = 'red')::int AS "redRisk",
        count(*) FILTER (WHERE c.risk_level = 'orange')::int AS "orangeRisk"
      FROM cases c
      JOIN organizations o ON o.id = c.organization_id
      LEFT JOIN (
        SELECT case_id, min(today) AS agreed_on FROM case_events
        WHERE type = ANY(${sql.param(AGREEMENT_EVENTS, 'text[]')}) AND today >= ${sql.from}
        GROUP BY case_id
      ) a ON a.case_id = c.id AND c.status = 'resolved'
      LEFT JOIN (
        SELECT DISTINCT case_id FROM case_events
        WHERE type = 'deadline.expired' AND today >= ${sql.from} AND NOT (payload->>'kind' = ANY(${sql.param([...PARTY_DEADLINE_KINDS, ...CENTRE_DEADLINE_KINDS], 'text[]')}))
      ) late ON late.case_id = c.id AND c.status = 'resolved'
      WHERE ${sql.inPeriod('c.accepted_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 上报: cases escalated in the period (each case once per group).
    (sql) => `
      SELECT ${sql.key('e.today')} AS key, count(DISTINCT e.case_id)::int AS escalated
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type = 'case.escalated' AND ${sql.inPeriod('e.today')} AND ${sql.cases()}
      GROUP BY 1`,
    // 超期: a statutory limit or a body's (or the centre's) target expired in the period.
    (sql) => `
      SELECT ${sql.key('e.today')} AS key, count(DISTINCT e.case_id)::int AS overdue
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type = 'deadline.expired' AND ${sql.inPeriod('e.today')} AND NOT (e.payload->>'kind' = ANY(${sql.param(PARTY_DEADLINE_KINDS, 'text[]')})) AND ${sql.cases()}
      GROUP BY 1`,
    // 回访: the return visits made in the period.
    (sql) => `
      SELECT ${sql.key('v.visited_on')} AS key, count(*)::int AS "returnVisits",
        count(*) FILTER (WHERE v.satisfaction = 'satisfied')::int AS satisfied,
        count(*) FILTER (WHERE v.satisfaction = 'basicallySatisfied')::int AS "basicallySatisfied",
        count(*) FILTER (WHERE v.satisfaction = 'dissatisfied')::int AS dissatisfied
      FROM return_visits v JOIN cases c ON c.id = v.case_id
      WHERE ${sql.inPeriod('v.visited_on')} AND ${sql.cases()}
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
