import type { ReportDefinition } from './reportDefinition.js';
import { count } from './reportDefinition.js';
import { rateOf, type PetitionFigures } from './statisticsReport.js';

/**
 * 信访 (statistics.md "Petitions": the Dachuan assessment under 国信发〔2022〕11号 and PC-Reg 2022):
 * 及时受理率, 按期答复率, 重复信访, 满意率. docs/reports.md defines each figure.
 */
export const PETITION_REPORT: ReportDefinition<PetitionFigures> = {
  kind: 'petitions',
  title: '信访事项办理情况统计表',
  flows: ['petition'],
  defaultGroup: 'organization',
  queries: [
    // Registered in the period; of them the repeats: the same petitioner (an applicant's resident ID
    // number) already had a petition of the same category registered before this one, anywhere
    // (flagged when the petition is opened: migration 1763900000011).
    (sql) => `
      SELECT ${sql.key('c.opened_on')} AS key, count(*)::int AS registered, count(*)
        FILTER (WHERE c.repeat_petition)::int AS repeat
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.opened_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 及时受理: the decision to accept, not accept or route (PC-Reg Arts. 22, 23: 15 days) made before acceptanceDecision
    // expired.
    (sql) => `
      SELECT ${sql.key('c.decided_on')} AS key, count(*)::int AS "acceptanceDecisions", count(*)
        FILTER (WHERE c.decided_timely)::int AS "acceptedTimely"
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.decided_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 按期答复: the handling opinion (PC-Reg Art. 34: 60 days, extended by at most 30) issued before handlingPeriod
    // expired.
    (sql) => `
      SELECT ${sql.key('c.replied_on')} AS key, count(*)::int AS replies, count(*) FILTER (WHERE c.replied_on_time)::int
        AS "repliedOnTime"
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.replied_on')} AND ${sql.cases()}
      GROUP BY 1`,
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
    const registered = count(sums, 'registered');
    const visits = count(sums, 'returnVisits');
    return {
      registered,
      acceptanceDecisions: count(sums, 'acceptanceDecisions'),
      acceptedTimely: count(sums, 'acceptedTimely'),
      timelyAcceptanceRate: rateOf(count(sums, 'acceptedTimely'), count(sums, 'acceptanceDecisions')),
      replies: count(sums, 'replies'),
      repliedOnTime: count(sums, 'repliedOnTime'),
      onTimeReplyRate: rateOf(count(sums, 'repliedOnTime'), count(sums, 'replies')),
      repeat: count(sums, 'repeat'),
      repeatRate: rateOf(count(sums, 'repeat'), registered),
      returnVisits: visits,
      satisfied: count(sums, 'satisfied'),
      basicallySatisfied: count(sums, 'basicallySatisfied'),
      dissatisfied: count(sums, 'dissatisfied'),
      satisfactionRate: rateOf(count(sums, 'satisfied') + count(sums, 'basicallySatisfied'), visits),
    };
  },
};
