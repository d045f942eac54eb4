/** The shapes of the public REST API the console reads (see /docs/openapi.json). */

export interface JsonSchema {
  type?: 'string' | 'integer' | 'boolean' | 'array' | 'object';
  enum?: string[];
  format?: string;
  'x-format'?: 'idNumber' | 'creditCode' | 'phone';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  example?: string;
}

export interface Me {
  user: { id: string; username: string; displayName: string };
  role: 'reception' | 'mediator' | 'supervisor' | 'court' | 'admin';
  organization: { id: string; name: string; shortName: string; kind: string; level: string };
  permissions: {
    openFlows: string[];
    sendEvents: Record<string, string[]>;
    loadCalendarYears: boolean;
    manageUsers: boolean;
    addOrganizations: boolean;
    readReports: boolean;
  };
}

export interface FlowEventSpec {
  type: string;
  titleZh: string;
  description: string;
  sentBy: string[];
  payloadSchema: JsonSchema;
}

export interface FlowState {
  name: string;
  titleZh: string;
  description?: string;
  status: string | null;
  final: boolean;
  events: string[];
}

export interface Flow {
  id: string;
  version: number;
  title: string;
  titleZh: string;
  basis: string;
  initialState: string;
  states: FlowState[];
  events: FlowEventSpec[];
  intakeSchema: JsonSchema;
  deadlines: { kind: string; sort: string; basis: string; description: string }[];
}

export interface FlowSummary {
  id: string;
  version: number;
  titleZh: string;
}

export interface Deadline {
  kind: string;
  sort: 'limit' | 'target' | 'window';
  basis: string;
  status: string;
  dueOn: string | null;
  daysLeft?: number;
  workingDaysLeft?: number;
  provisional: boolean;
  provisionalReason?: string;
  startedOn?: string;
}

export interface Party {
  id: string;
  role: string;
  kind: string;
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
  agent?: string;
  /** 民族: always masked (`**`) here; in full only through the personal-data read (PIPL Art. 28). */
  ethnicity?: string;
  occupation?: string;
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  version: number;
  flow: { id: string; version: number };
  state: string;
  status: string;
  final: boolean;
  overdue: boolean;
  organizationId: string;
  category: string;
  channel: string;
  summary: string;
  receivedOn: string;
  acceptedOn?: string;
  openedAt: string;
  deadlines: Deadline[];
  allowedEvents: string[];
  flowAllowedEvents: string[];
  parties: Party[];
  records: Record<string, unknown>;
  agreement?: Agreement | null;
  facts?: Record<string, unknown>;
  linkedCases?: { id: string; caseNumber: string; flowId: string; relation: string }[];
}

export interface AgreementTerm {
  obligorPartyId: string;
  description: string;
  amount?: string;
  dueOn?: string;
}

export interface Agreement {
  form: 'written' | 'oral';
  effectiveOn: string;
  terms: AgreementTerm[];
  boundPartyIds: string[];
  signatures?: { partyIds: string[]; mediator?: boolean; committeeSeal?: boolean };
  /** PML Art. 29(2)-(3): what a written agreement may state. */
  facts?: string;
  disputedIssues?: string;
  responsibilities?: { partyId: string; text: string }[];
  performance?: { manner?: string; place?: string };
}

/** GET /linkable-cases: a case a new case may continue from, found by its number. */
export interface LinkableCase {
  id: string;
  caseNumber: string;
  flowId: string;
  state: string;
  organizationId: string;
  category: string;
  summary: string;
  parties: { id: string; role: string; kind: string; name: string }[];
  agreement: Agreement | null;
}

/** GET /cases/:id/documents: one issued document (文书). */
export interface CaseDocument {
  id: string;
  kind: string;
  title: string | null;
  number: string | null;
  status: string;
  issuedAt: string;
  producedAt: string | null;
  event: { seq: number; type: string };
  sha256: string | null;
  byteSize: number | null;
  /** The template it was printed with: the release's (`bundled`) or the province's (`override`). */
  template?: { name: string; version: number; source: 'bundled' | 'override'; sha256: string | null } | null;
  /** Why a pending document is not produced yet (its last failed render). */
  lastError?: string | null;
  /** Set on a correction (更正件): the document it replaces. */
  replacesDocumentId?: string | null;
  /** The correction that replaced this document (已更正); it stays listed and downloadable. */
  replacedByDocumentId?: string | null;
  correctionReason?: string | null;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  flowId: string;
  state: string;
  status: string;
  overdue: boolean;
  organizationId: string;
  category: string;
  summary: string;
  receivedOn: string;
  openedAt: string;
  version: number;
}

export interface DeadlineListItem extends Deadline {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  summary: string;
}

export interface CaseEventItem {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actor: { userId?: string; role?: string; username?: string } | null;
  at: string;
  today: string;
}

export interface OrganizationNode {
  id: string;
  name: string;
  kind: string;
  level: string;
  children: OrganizationNode[];
}

export interface CalendarYearSummary {
  year: number;
  source?: string;
  version?: number;
  [key: string]: unknown;
}

/** application/problem+json, as the service's one error filter writes it. */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  rule?: string;
  basis?: string;
  state?: string;
  allowedEvents?: string[];
  errors?: { field: string; message: string }[];
}
