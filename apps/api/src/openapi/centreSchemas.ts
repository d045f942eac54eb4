/**
 * The 2xx bodies of the centre's own endpoints (issue 16): the supervision board, bulk
 * reassignment, return visits and the administration of organisations. Merged into
 * RESPONSE_SCHEMAS, so the e2e tests validate real responses against them.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});
const period = object({ length: int, unit: { type: 'string', enum: ['day', 'workingDay', 'month'] } });

const COUNTS = { open: int, breached: int, dueSoon: int, onTrack: int };

const BOARD_CASE = object(
  {
    caseId: uuid,
    caseNumber: str,
    flowId: str,
    state: str,
    status: str,
    organizationId: uuid,
    organizationName: str,
    level: str,
    riskLevel: str,
    summary: str,
    version: { type: 'integer', description: 'send as If-Match with an action on the case' },
    mediatorId: nullable(str),
    overdue: { type: 'boolean' },
    nextDueOn: nullable(date),
    deadlineStatus: { type: 'string', enum: ['breached', 'dueSoon', 'onTrack'] },
    lastEventOn: date,
    workingDaysIdle: int,
    supervision: object({ instructions: str, dueOn: date, supervisedOn: date }),
    escalatedOn: date,
    resolutionTargetDueOn: nullable(date),
    stuckThreshold: period,
  },
  [
    'caseId',
    'caseNumber',
    'flowId',
    'state',
    'status',
    'organizationId',
    'organizationName',
    'level',
    'riskLevel',
    'summary',
    'version',
    'mediatorId',
    'overdue',
    'nextDueOn',
    'deadlineStatus',
    'lastEventOn',
    'workingDaysIdle',
  ],
);

const ORGANIZATION_PERIOD = object(
  {
    length: int,
    unit: str,
    source: { type: 'string', enum: ['own', 'inherited', 'default'] },
    fromOrganizationId: uuid,
  },
  ['length', 'unit', 'source'],
);

const RETURN_VISIT = object({
  id: uuid,
  caseId: uuid,
  organizationId: uuid,
  visitedOn: date,
  visitedBy: object({ id: uuid, username: str, displayName: str }),
  personsVisited: str,
  manner: nullable({ type: 'string', enum: ['onSite', 'phone', 'atOffice', 'online', 'letter'] }),
  performance: { type: 'string', enum: ['performed', 'partlyPerformed', 'notPerformed', 'notDue'] },
  satisfaction: { type: 'string', enum: ['satisfied', 'basicallySatisfied', 'dissatisfied'] },
  newDispute: { type: 'boolean' },
  riskNote: nullable(str),
  opinions: nullable(str),
  measures: nullable(str),
  lawsuit: nullable(str),
  note: nullable(str),
  recordedAt: dateTime,
});

export const CENTRE_SCHEMAS: Record<string, object> = {
  SupervisionBoardCase: BOARD_CASE,
  SupervisionBoard: object({
    organizationId: uuid,
    today: date,
    dueSoonBy: { ...date, description: 'the third working day after today: a deadline on or before it is due soon' },
    totals: object({ ...COUNTS, redRisk: int, supervised: int, escalated: int, stuck: int }),
    byOrganization: {
      type: 'array',
      items: object({ organizationId: uuid, name: str, kind: str, level: str, ...COUNTS }),
    },
    byLevel: { type: 'array', items: object({ level: str, ...COUNTS }) },
    redRisk: { type: 'array', items: ref('SupervisionBoardCase') },
    supervised: { type: 'array', items: ref('SupervisionBoardCase') },
    escalated: { type: 'array', items: ref('SupervisionBoardCase') },
    stuck: { type: 'array', items: ref('SupervisionBoardCase') },
  }),
  BulkReassignment: object({
    fromMediatorId: uuid,
    toMediatorId: uuid,
    total: int,
    reassigned: int,
    partial: int,
    failed: int,
    skipped: int,
    items: {
      type: 'array',
      items: object(
        {
          caseId: uuid,
          caseNumber: str,
          flowId: str,
          state: str,
          outcome: {
            type: 'string',
            enum: ['reassigned', 'partial', 'failed', 'skipped'],
            description:
              'partial: the mediator stepped aside but the new one was not assigned; the case waits for a mediator',
          },
          version: int,
          problem: object({ status: int, code: str, detail: str, rule: str, basis: str }, ['status', 'code', 'detail']),
        },
        ['caseId', 'caseNumber', 'flowId', 'state', 'outcome', 'version'],
      ),
    },
  }),
  ReturnVisit: RETURN_VISIT,
  ReturnVisitRecorded: {
    ...RETURN_VISIT,
    properties: { ...RETURN_VISIT.properties, caseVersion: int },
    required: [...RETURN_VISIT.required, 'caseVersion'],
  },
  ReturnVisitList: object({
    caseId: uuid,
    caseVersion: int,
    criminalRiskPrevented: { type: 'boolean' },
    returnVisitDueOn: nullable(date),
    items: { type: 'array', items: ref('ReturnVisit') },
  }),
  ReturnVisitsDue: object({
    dueBefore: date,
    items: {
      type: 'array',
      items: object({
        caseId: uuid,
        caseNumber: str,
        flowId: str,
        state: str,
        organizationId: uuid,
        organizationName: str,
        mediatorId: nullable(str),
        version: int,
        agreementEffectiveOn: nullable(date),
        countedFrom: { ...date, description: 'the agreement’s last performance date, else the day it took effect' },
        returnVisitDueOn: date,
        daysLeft: int,
        workingDaysLeft: int,
      }),
    },
  }),
  CriminalRiskFlag: object({ caseId: uuid, criminalRiskPrevented: { type: 'boolean' }, version: int }),
  OrganizationPolicy: object({
    organizationId: uuid,
    policy: { type: 'object', additionalProperties: true, description: 'the organisation’s own policy' },
    effective: object({
      stuckThreshold: ORGANIZATION_PERIOD,
      returnVisitTarget: ORGANIZATION_PERIOD,
      resolutionTarget: nullable(ORGANIZATION_PERIOD),
    }),
    defaults: object({ stuckThreshold: period, returnVisitTarget: period }),
  }),
  OrganizationHistory: object({
    organizationId: uuid,
    items: {
      type: 'array',
      items: object({
        id: str,
        change: { type: 'string', enum: ['renamed', 'moved', 'deactivated', 'reactivated', 'policy'] },
        before: { type: 'object', additionalProperties: true },
        after: { type: 'object', additionalProperties: true },
        note: nullable(str),
        changedBy: object({ id: uuid, username: str, displayName: str }),
        changedAt: dateTime,
      }),
    },
  }),
};
