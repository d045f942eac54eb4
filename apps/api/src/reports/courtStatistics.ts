import type { ReportDefinition } from './reportDefinition.js';
import { count, list, median } from './reportDefinition.js';
import { rateOf, type CourtFigures } from './statisticsReport.js';

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
      SELECT ${sql.key('c.opened_on')} AS key, count(*)::int AS received
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.opened_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // 受理: the acceptance day the court recorded (acceptedOn, default the day of the event).
    (sql) => `
      SELECT ${sql.key('c.accepted_on')} AS key, count(*)::int AS accepted
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.accepted_on')} AND ${sql.cases()}
      GROUP BY 1`,
    (sql) => `
      SELECT ${sql.key('c.ended_on')} AS key,
        count(*) FILTER (WHERE c.status = 'notAccepted')::int AS "notAccepted",
        count(*) FILTER (WHERE c.status = 'withdrawn')::int AS withdrawn
      FROM case_statistics c
      WHERE c.status IN ('notAccepted', 'withdrawn') AND ${sql.inPeriod('c.ended_on')} AND ${sql.cases()}
      GROUP BY 1`,
    // Rulings by their event's day; the days run from acceptance to `ruledOn` (else the event's day),
    // within the period when specialProcedurePeriod had not expired before the ruling.
    (sql) => `
      SELECT ${sql.key('c.ruled_on')} AS key,
        count(*) FILTER (WHERE c.ruling = 'confirmed')::int AS confirmed,
        count(*) FILTER (WHERE c.ruling = 'dismissed')::int AS dismissed,
        coalesce(array_agg(c.ruling_days) FILTER (WHERE c.ruling_days IS NOT NULL), '{}') AS "rulingDays",
        count(*) FILTER (WHERE c.ruling_timely)::int AS "withinSpecialPeriod"
      FROM case_statistics c
      WHERE ${sql.inPeriod('c.ruled_on')} AND ${sql.cases()}
      GROUP BY 1`,
  ],
  figures(sums) {
    const days = list(sums, 'rulingDays');
    const rulings = count(sums, 'confirmed') + count(sums, 'dismissed');
    return {
      received: count(sums, 'received'),
      accepted: count(sums, 'accepted'),
      notAccepted: count(sums, 'notAccepted'),
      confirmed: count(sums, 'confirmed'),
      dismissed: count(sums, 'dismissed'),
      withdrawn: count(sums, 'withdrawn'),
      rulings,
      medianDaysToRuling: median(days),
      withinSpecialPeriod: count(sums, 'withinSpecialPeriod'),
      withinSpecialPeriodRate: rateOf(count(sums, 'withinSpecialPeriod'), rulings),
    };
  },
};
