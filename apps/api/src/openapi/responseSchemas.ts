import {
  CASE_STATUSES,
  CATEGORIES,
  CHANNELS,
  DEADLINE_SORTS,
  PARTY_KINDS,
  PARTY_ROLES,
  RISK_LEVELS,
  flowStructure,
  listFlows,
} from '@jiefen/flows';
import { USER_ROLES } from '../users/user.entity.js';
import { CENTRE_SCHEMAS } from './centreSchemas.js';

/**
 * The 2xx bodies, as JSON Schema (OpenAPI 3.1). The e2e test validates real responses against
 * them, so a field the service adds or drops without saying so here fails a test.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const object = (
  properties: Record<string, object>,
  required: string[] = Object.keys(properties),
  extra: object = {},
) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const free = { type: 'object', additionalProperties: true } as const;
const flowIds = () => listFlows().map((f) => f.id);
/** Every flow's states with their Chinese names: `people-mediation: pendingAcceptance — 待受理, …`. */
const statesZh = () =>
  listFlows()
    .map(
      (flow) =>
        `${flow.id}: ${flowStructure(flow)
          .states.map((st) => `${st.name} — ${st.titleZh}`)
          .join(', ')}`,
    )
    .join('; ');

const PARTY = object(
  {
    id: { type: 'string', example: 'p1' },
    role: { type: 'string', enum: [...PARTY_ROLES] },
    kind: { type: 'string', enum: [...PARTY_KINDS] },
    name: { type: 'string' },
    idNumber: {
      type: 'string',
      description: 'masked: 110105********002X (PIPL Arts. 28, 51); in full only through personal-data',
      example: '110105********002X',
    },
    creditCode: { type: 'string' },
    phone: { type: 'string', description: 'masked: 138****8000', example: '138****8000' },
    address: { type: 'string' },
    agent: { type: 'string' },
    ethnicity: {
      type: 'string',
      description: '民族, sensitive (PIPL Art. 28): always masked as **; in full only through personal-data',
      example: '**',
    },
    occupation: { type: 'string', description: '职业或职务' },
  },
  ['id', 'role', 'kind', 'name'],
);

const CASE_DEADLINE = object(
  {
    kind: { type: 'string', example: 'mediationPeriod' },
    sort: { type: 'string', enum: [...DEADLINE_SORTS] },
    basis: { type: 'string', example: 'PML Art. 33' },
    status: { type: 'string', example: 'running' },
    dueOn: date,
    provisional: { type: 'boolean', description: 'counted into a year whose official schedule is not loaded yet' },
    provisionalReason: { type: 'string' },
    startedOn: date,
    remindOn: date,
    daysLeft: { type: 'integer', description: 'calendar days from today to dueOn (GET /cases/{id})' },
    workingDaysLeft: { type: 'integer', description: 'working days on the official calendar (GET /cases/{id})' },
  },
  ['kind', 'sort', 'basis', 'status', 'dueOn', 'provisional', 'startedOn'],
);

const CASE_LINK = object({
  id: uuid,
  caseNumber: { type: 'string' },
  flowId: { type: 'string' },
  relation: { type: 'string', example: 'continuesFrom' },
});

const CASE_VIEW = object(
  {
    id: uuid,
    caseNumber: { type: 'string', example: '（2026）玄梅人调字第00001号' },
    version: { type: 'integer', minimum: 1, description: 'send it back as `If-Match` to refuse a stale write (412)' },
    flow: object({ id: { type: 'string', enum: flowIds() }, version: { type: 'integer' } }),
    state: {
      type: 'string',
      description: `the flow’s state (GET /flows/{id} describes each). ${statesZh()}`,
      example: 'awaitingMediator',
    },
    stateDescription: {
      type: 'string',
      example: '待选定调解员 dài xuǎndìng tiáojiěyuán — accepted, no mediator yet (PML Art. 19)',
    },
    status: { type: 'string', enum: [...CASE_STATUSES] },
    final: { type: 'boolean' },
    overdue: { type: 'boolean', description: 'a target or window has passed' },
    organizationId: { ...uuid, description: 'the handling organisation' },
    receivingOrganizationId: uuid,
    category: { type: 'string', enum: [...CATEGORIES] },
    channel: { type: 'string', enum: [...CHANNELS] },
    riskLevel: { type: 'string', enum: [...RISK_LEVELS] },
    amount: nullable({ type: 'string', example: '3000.00' }),
    summary: { type: 'string' },
    receivedOn: date,
    acceptedOn: nullable(date),
    endedOn: nullable(date),
    openedAt: dateTime,
    updatedAt: dateTime,
    deadlines: { type: 'array', items: ref('CaseDeadline') },
    allowedEvents: {
      type: 'array',
      items: { type: 'string' },
      description: 'the events this state accepts that you may send',
    },
    flowAllowedEvents: {
      type: 'array',
      items: { type: 'string' },
      description: 'every event this state accepts, whoever may send it',
    },
    parties: { type: 'array', items: ref('Party') },
    agreement: nullable(free),
    outcome: nullable({}),
    supervision: nullable(free),
    warnings: { type: 'array', items: {} },
    records: free,
    facts: free,
    linkedCases: { type: 'array', items: ref('CaseLink') },
  },
  undefined,
  { description: 'A case: its flow’s state, deadlines, what may happen next, masked parties and linked cases.' },
);

const CASE_SUMMARY = object({
  id: uuid,
  caseNumber: { type: 'string' },
  flowId: { type: 'string', enum: flowIds() },
  flowVersion: { type: 'integer' },
  state: { type: 'string' },
  status: { type: 'string', enum: [...CASE_STATUSES] },
  final: { type: 'boolean' },
  overdue: { type: 'boolean' },
  organizationId: uuid,
  category: { type: 'string', enum: [...CATEGORIES] },
  riskLevel: { type: 'string', enum: [...RISK_LEVELS] },
  summary: { type: 'string' },
  receivedOn: date,
  openedAt: dateTime,
  version: { type: 'integer' },
});

const ACTOR = object(
  {
    userId: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    organizationId: nullable(uuid),
  },
  ['userId', 'role'],
);

const ORGANIZATION = object(
  {
    id: uuid,
    name: { type: 'string' },
    shortName: { type: 'string' },
    kind: { type: 'string', example: 'committee' },
    level: { type: 'string', example: 'street' },
    parentId: nullable(uuid),
    caseNumberPattern: { type: 'string', example: '（{year}）{short}调字第{seq:5}号' },
    active: { type: 'boolean', description: 'false: deactivated, keeps its history, takes no new cases' },
  },
  ['id', 'name', 'shortName', 'kind', 'level', 'parentId', 'caseNumberPattern', 'active'],
);

const CALENDAR_YEAR_SUMMARY = object(
  {
    year: { type: 'integer' },
    version: { type: 'integer', description: '0: the bundled schedule' },
    source: { type: 'string', enum: ['bundled', 'loaded'] },
    holidays: { type: 'integer', description: 'how many days off' },
    makeUpWorkdays: { type: 'integer' },
    notice: free,
    loadedBy: free,
    loadedAt: dateTime,
    reason: nullable({ type: 'string' }),
    recomputation: object({ cases: { type: 'integer' }, events: { type: 'integer' }, done: { type: 'boolean' } }),
  },
  ['year', 'version', 'source', 'holidays', 'makeUpWorkdays'],
);

const dayMap = { type: 'object', additionalProperties: { type: 'string' }, description: 'date → the holiday’s name' };

export const RESPONSE_SCHEMAS: Record<string, object> = {
  Party: PARTY,
  CaseDeadline: CASE_DEADLINE,
  CaseLink: CASE_LINK,
  CaseView: CASE_VIEW,
  CasePage: object({
    items: { type: 'array', items: CASE_SUMMARY },
    nextCursor: nullable({ type: 'string', description: 'pass as `cursor` for the next page' }),
  }),
  CaseTrail: object({
    caseId: uuid,
    items: {
      type: 'array',
      items: object(
        {
          seq: { type: 'integer' },
          version: { type: 'integer' },
          type: { type: 'string', example: 'mediator.assigned' },
          payload: free,
          actor: ACTOR,
          at: dateTime,
          today: date,
          meta: free,
        },
        ['seq', 'version', 'type', 'payload', 'actor', 'at', 'today'],
      ),
    },
  }),
  PersonalData: object(
    {
      caseId: uuid,
      partyId: { type: 'string' },
      idNumber: nullable({ type: 'string' }),
      phone: nullable({ type: 'string' }),
      ethnicity: { type: 'string', description: '民族, when the party gave one' },
    },
    ['caseId', 'partyId'],
  ),
  FlowSummary: object({
    id: { type: 'string' },
    version: { type: 'integer' },
    title: { type: 'string' },
    titleZh: { type: 'string', example: '人民调解' },
    basis: { type: 'string' },
    states: { type: 'array', items: { type: 'string' } },
    events: { type: 'array', items: { type: 'string' } },
  }),
  FlowDetail: object(
    {
      id: { type: 'string' },
      version: { type: 'integer' },
      title: { type: 'string' },
      titleZh: { type: 'string' },
      basis: { type: 'string' },
      initialState: { type: 'string' },
      states: {
        type: 'array',
        items: object(
          {
            name: { type: 'string' },
            titleZh: { type: 'string' },
            description: { type: 'string' },
            status: { type: 'string', enum: [...CASE_STATUSES] },
            final: { type: 'boolean' },
            events: { type: 'array', items: { type: 'string' } },
          },
          ['name', 'titleZh', 'status', 'final', 'events'],
        ),
      },
      transitions: { type: 'array', items: free },
      events: {
        type: 'array',
        items: object(
          {
            type: { type: 'string' },
            titleZh: { type: 'string' },
            description: { type: 'string' },
            sentBy: { type: 'array', items: { type: 'string' } },
            payloadSchema: free,
          },
          ['type', 'titleZh', 'description', 'sentBy', 'payloadSchema'],
        ),
      },
      intakeFields: free,
      intakeSchema: free,
      deadlines: {
        type: 'array',
        items: object({
          kind: { type: 'string' },
          sort: { type: 'string', enum: [...DEADLINE_SORTS] },
          basis: { type: 'string' },
          description: { type: 'string' },
        }),
      },
      rules: {
        type: 'array',
        items: object({ code: { type: 'string' }, basis: { type: 'string' }, requirement: { type: 'string' } }),
      },
      mermaid: { type: 'string', description: 'the state diagram (Mermaid stateDiagram-v2)' },
    },
    [
      'id',
      'version',
      'title',
      'titleZh',
      'basis',
      'initialState',
      'states',
      'transitions',
      'events',
      'deadlines',
      'rules',
      'mermaid',
    ],
  ),
  DeadlineList: object({
    items: {
      type: 'array',
      items: object(
        {
          caseId: uuid,
          caseNumber: { type: 'string' },
          flowId: { type: 'string' },
          state: { type: 'string' },
          summary: { type: 'string' },
          kind: { type: 'string' },
          sort: { type: 'string', enum: [...DEADLINE_SORTS] },
          status: { type: 'string' },
          basis: { type: 'string' },
          dueOn: date,
          daysLeft: { type: 'integer' },
          workingDaysLeft: { type: 'integer' },
          remindOn: nullable(date),
          provisional: { type: 'boolean' },
          organizationId: uuid,
        },
        ['caseId', 'caseNumber', 'flowId', 'kind', 'sort', 'status', 'dueOn', 'organizationId'],
      ),
    },
  }),
  DocumentSummary: object(
    {
      id: uuid,
      kind: { type: 'string', example: 'acceptanceNotice' },
      title: nullable({ type: 'string', example: '受理通知书' }),
      number: nullable({ type: 'string', description: '文号' }),
      status: { type: 'string', description: 'pending until produced' },
      issuedAt: dateTime,
      producedAt: nullable(dateTime),
      event: object({ seq: { type: 'integer' }, type: { type: 'string' } }),
      sha256: nullable({ type: 'string' }),
      byteSize: nullable({ type: 'integer' }),
      template: nullable(
        object(
          {
            name: { type: 'string', example: 'people-mediation/agreement.json' },
            version: { type: 'integer' },
            source: {
              type: 'string',
              enum: ['bundled', 'override'],
              description: "the release's template, or the province's (JIEFEN_TEMPLATE_DIR)",
            },
            sha256: nullable({
              type: 'string',
              description: "the template file's SHA-256 (null before it was recorded)",
            }),
          },
          ['name', 'version', 'source', 'sha256'],
        ),
      ),
      lastError: nullable({
        type: 'string',
        description: 'why a pending document is not produced yet (its last failed render); null once issued',
      }),
      replacesDocumentId: nullable({ ...uuid, description: 'set on a correction (更正): the document it replaces' }),
      replacedByDocumentId: nullable({
        ...uuid,
        description: 'the correction that replaces this document (已更正); it stays listed and downloadable',
      }),
      correctionReason: nullable({ type: 'string', description: 'why a correction was issued' }),
    },
    ['id', 'kind', 'title', 'status', 'issuedAt', 'event', 'replacesDocumentId', 'replacedByDocumentId'],
  ),
  DocumentList: object({
    caseId: uuid,
    items: { type: 'array', items: ref('DocumentSummary') },
  }),
  DocumentCorrection: {
    allOf: [ref('DocumentSummary'), object({ caseVersion: { type: 'integer' } })],
  },
  Organization: ORGANIZATION,
  OrganizationNode: {
    ...ORGANIZATION,
    properties: { ...ORGANIZATION.properties, children: { type: 'array', items: ref('OrganizationNode') } },
    required: [...ORGANIZATION.required, 'children'],
  },
  User: object({
    id: uuid,
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...USER_ROLES] },
    organizationId: uuid,
    disabled: { type: 'boolean' },
  }),
  Me: object({
    user: object({ id: uuid, username: { type: 'string' }, displayName: { type: 'string' } }),
    role: { type: 'string', enum: [...USER_ROLES] },
    organization: object({
      id: uuid,
      name: { type: 'string' },
      shortName: { type: 'string' },
      kind: { type: 'string' },
      level: { type: 'string' },
    }),
    permissions: free,
  }),
  ResolutionRate: object({
    year: { type: 'integer' },
    organizationId: uuid,
    groupBy: { type: 'string', enum: ['organization', 'level', 'category'] },
    total: object({ accepted: { type: 'integer' }, resolved: { type: 'integer' }, rate: nullable({ type: 'number' }) }),
    rows: {
      type: 'array',
      items: object(
        {
          key: { type: 'string' },
          label: { type: 'string' },
          level: { type: 'string' },
          accepted: { type: 'integer' },
          resolved: { type: 'integer' },
          rate: nullable({ type: 'number', minimum: 0, maximum: 1 }),
        },
        ['key', 'label', 'accepted', 'resolved', 'rate'],
      ),
    },
  }),
  CalendarYearSummary: CALENDAR_YEAR_SUMMARY,
  CalendarYears: object({
    bundledSource: { type: 'string' },
    years: { type: 'array', items: ref('CalendarYearSummary') },
  }),
  CalendarYear: {
    ...CALENDAR_YEAR_SUMMARY,
    properties: {
      ...CALENDAR_YEAR_SUMMARY.properties,
      holidays: dayMap,
      makeUpWorkdays: dayMap,
      versions: { type: 'array', items: ref('CalendarYearSummary') },
    },
    required: [...CALENDAR_YEAR_SUMMARY.required, 'versions'],
  },
  CalendarYearLoaded: object({
    year: free,
    recomputation: object({ id: { type: 'string' }, cases: { type: 'integer' } }),
  }),
  Health: object({
    status: { type: 'string', enum: ['ok', 'degraded'] },
    database: { type: 'string', enum: ['up', 'down'] },
  }),
  AccessToken: object({
    accessToken: { type: 'string' },
    tokenType: { type: 'string', const: 'Bearer' },
    expiresIn: { type: 'integer', description: 'seconds' },
  }),
  ...CENTRE_SCHEMAS,
};

export const responseRef = ref;

/** A PDF body (OpenAPI 3.1: a string whose content is the media type's bytes). */
export const PDF_CONTENT = { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } };
