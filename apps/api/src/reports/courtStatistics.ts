import type { ReportDefinition } from './reportDefinition.js';
import { count, list, median } from './reportDefinition.js';
import { rateOf, type CourtFigures } from './statisticsReport.js';

const OPENED_ON = `(c.opened_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * 司法确认 at the courts (PML Art. 33; CPL 2023 Arts. 205-206; the special procedure's 30 days,
 * CPL Art. 187): applications and their outcomes, and how long the ruling took. Scoped by the
 * court handling the case. docs/reports.md defines each figure.
 */
export const COURT_REPORT: ReportDefinition<CourtFigures> = {
  kind: 'courts',
  title: '司法确认案件统计表',
  flows: ['judicial-confirmation'],
  defaultGroup: 'organization',
  queries: [
    (sql) => `
      SELECT ${sql.key(OPENED_ON)} AS key, count(*)::int AS received
      FROM cases c
      WHERE ${sql.instantInPeriod('c.opened_at')} AND ${sql.cases()}
      GROUP BY 1`,
    // Decisions by their event's day; a ruling's days run from acceptance to `ruledOn` (else the event's day),
    // and it is within the period when specialProcedurePeriod had not expired before it.
    (sql) => `
      SELECT ${sql.key('e.today')} AS key,
        count(*) FILTER (WHERE e.type = 'application.accepted')::int AS accepted,
        count(*) FILTER (WHERE e.type = 'application.rejected')::int AS "notAccepted",
        count(*) FILTER (WHERE e.type = 'agreement.confirmed')::int AS confirmed,
        count(*) FILTER (WHERE e.type = 'application.dismissed')::int AS dismissed,
        count(*) FILTER (WHERE e.type = 'application.withdrawn')::int AS withdrawn,
        coalesce(array_agg(coalesce((e.payload->>'ruledOn')::date, e.today) - c.accepted_on) FILTER (WHERE e.type IN ('agreement.confirmed', 'application.dismissed')), '{}') AS "rulingDays",
        count(*) FILTER (WHERE e.type IN ('agreement.confirmed', 'application.dismissed') AND NOT EXISTS (
          SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x.seq < e.seq AND x.type = 'deadline.expired' AND x.payload->>'kind' = 'specialProcedurePeriod'
        ))::int AS "withinSpecialPeriod"
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type IN ('application.accepted', 'application.rejected', 'agreement.confirmed', 'application.dismissed', 'application.withdrawn')
        AND ${sql.inPeriod('e.today')} AND ${sql.cases()}
      GROUP BY 1`,
  ],
  figures(sums) {
    const days = list(sums, 'rulingDays');
    return {
      received: count(sums, 'received'),
      accepted: count(sums, 'accepted'),
      notAccepted: count(sums, 'notAccepted'),
      confirmed: count(sums, 'confirmed'),
      dismissed: count(sums, 'dismissed'),
      withdrawn: count(sums, 'withdrawn'),
      rulings: days.length,
      medianDaysToRuling: median(days),
      withinSpecialPeriod: count(sums, 'withinSpecialPeriod'),
      withinSpecialPeriodRate: rateOf(count(sums, 'withinSpecialPeriod'), days.length),
    };
  },
};
