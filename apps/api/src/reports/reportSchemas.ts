import { STATISTICS_GROUPS } from './dto/statistics.query.js';
import { REPORT_KINDS } from './statisticsReport.js';

/**
 * The statistics reports' bodies as JSON Schema (OpenAPI 3.1), merged into the document's
 * components beside responseSchemas.ts; the e2e tests validate real responses against them.
 */
const integer = { type: 'integer', minimum: 0 } as const;
const rate = { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] } as const;
const object = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const HEADER = {
  report: { type: 'string', enum: [...REPORT_KINDS] },
  title: { type: 'string' },
  organization: object({ id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, level: { type: 'string' } }),
  period: object({
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date', description: 'inclusive' },
    label: { type: 'string' },
  }),
  filters: object({ level: { type: 'string' }, category: { type: 'string' }, flow: { type: 'string' } }, []),
  groupBy: { type: 'string', enum: [...STATISTICS_GROUPS] },
  generatedAt: { type: 'string', format: 'date-time' },
};

function reportSchema(figures: Record<string, object>, description: string) {
  const row = object({ key: { type: 'string' }, label: { type: 'string' }, level: { type: 'string' }, ...figures }, [
    'key',
    'label',
    ...Object.keys(figures),
  ]);
  return { ...object({ ...HEADER, rows: { type: 'array', items: row }, total: object(figures) }), description };
}

const counts = (...names: string[]) => Object.fromEntries(names.map((n) => [n, integer]));
const rates = (...names: string[]) => Object.fromEntries(names.map((n) => [n, rate]));

export const REPORT_SCHEMAS: Record<string, object> = {
  MediationReport: reportSchema(
    {
      ...counts('accepted', 'concluded', 'succeeded', 'failed'),
      ...rates('successRate'),
      ...counts(
        'oralAgreements',
        'writtenAgreements',
        'performed',
        'judiciallyConfirmed',
        'parties',
        'groupCases',
        'groupParties',
      ),
      amount: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', description: 'yuan' },
      ...counts('criminalRiskPrevented', 'criminalRiskPreventedParties'),
    },
    '人民调解案件统计 (docs/reports.md "People\'s mediation")',
  ),
  CentreReport: reportSchema(
    {
      ...counts('accepted', 'resolved'),
      ...rates('resolutionRate'),
      ...counts('resolvedWithin30Days'),
      ...rates('within30DaysRate'),
      ...counts('resolvedWithinTimeLimit'),
      ...rates('withinTimeLimitRate'),
      ...counts('resolvedAtStreetLevel'),
      ...rates('streetLevelRate'),
      ...counts(
        'escalated',
        'overdue',
        'redRisk',
        'orangeRisk',
        'returnVisits',
        'satisfied',
        'basicallySatisfied',
        'dissatisfied',
      ),
      ...rates('satisfactionRate'),
    },
    '综治/矛调中心考核 (docs/reports.md "Centre assessment")',
  ),
  PetitionReport: reportSchema(
    {
      ...counts('registered', 'acceptanceDecisions', 'acceptedTimely'),
      ...rates('timelyAcceptanceRate'),
      ...counts('replies', 'repliedOnTime'),
      ...rates('onTimeReplyRate'),
      ...counts('repeat'),
      ...rates('repeatRate'),
      ...counts('returnVisits', 'satisfied', 'basicallySatisfied', 'dissatisfied'),
      ...rates('satisfactionRate'),
    },
    '信访工作统计 (docs/reports.md "Petitions")',
  ),
  CourtReport: reportSchema(
    {
      ...counts('received', 'accepted', 'notAccepted', 'confirmed', 'dismissed', 'withdrawn', 'rulings'),
      medianDaysToRuling: { anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] },
      ...counts('withinSpecialPeriod'),
      ...rates('withinSpecialPeriodRate'),
    },
    '司法确认案件统计 (docs/reports.md "Courts")',
  ),
};
