/**
 * Shapes of the centre's API the console reads: users, organisations, reports, supervision, return visits (see
 * /docs/openapi.json).
 */

export type UserRole = 'reception' | 'mediator' | 'supervisor' | 'court' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['reception', 'mediator', 'supervisor', 'court', 'admin'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  organizationId: string;
  disabled: boolean;
}

export interface ResolutionRateRow {
  key: string;
  label: string;
  level?: string;
  accepted: number;
  resolved: number;
  rate: number | null;
}

export interface ResolutionRate {
  year: number;
  organizationId: string;
  groupBy: 'organization' | 'level' | 'category';
  total: { accepted: number; resolved: number; rate: number | null };
  rows: ResolutionRateRow[];
}

/** One (cfg) period of an organisation's policy (FlowPolicy). */
export interface PolicyPeriod {
  length: number;
  unit: 'day' | 'workingDay' | 'month' | 'year';
  basis?: string;
}

/** GET /organizations/{id}/policy: its own policy, what applies there (own, inherited or default), the defaults. */
export interface OrganizationPolicy {
  organizationId: string;
  policy: Record<string, PolicyPeriod>;
  effective: Record<string, (PolicyPeriod & { source?: string }) | null>;
  defaults: Record<string, PolicyPeriod>;
}

/** One change of an organisation (GET /organizations/{id}/history): who, when, what before and after. */
export interface OrganizationChange {
  id: string;
  change: 'renamed' | 'moved' | 'deactivated' | 'reactivated' | 'policy';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | null;
  changedBy: { id: string; username: string; displayName: string };
  changedAt: string;
}

export interface BoardCounts {
  open: number;
  breached: number;
  dueSoon: number;
  onTrack: number;
}

/** One case on the supervision board (GET /supervision/board), with the version an action sends as If-Match. */
export interface BoardItem {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  status: string;
  organizationId: string;
  organizationName: string;
  level: string;
  riskLevel: string;
  summary: string;
  version: number;
  mediatorId: string | null;
  overdue: boolean;
  nextDueOn: string | null;
  deadlineStatus: 'breached' | 'dueSoon' | 'onTrack';
  lastEventOn: string;
  workingDaysIdle: number;
  supervision?: { instructions: string; dueOn: string; supervisedOn: string };
  escalatedOn?: string;
  resolutionTargetDueOn?: string | null;
  stuckThreshold?: { length: number; unit: string };
}

export interface SupervisionBoard {
  organizationId: string;
  today: string;
  dueSoonBy: string;
  totals: BoardCounts & { redRisk: number; supervised: number; escalated: number; stuck: number };
  byOrganization: (BoardCounts & { organizationId: string; name: string; kind: string; level: string })[];
  byLevel: (BoardCounts & { level: string })[];
  redRisk: BoardItem[];
  supervised: BoardItem[];
  escalated: BoardItem[];
  stuck: BoardItem[];
}

export interface ReassignmentItem {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  outcome: 'reassigned' | 'partial' | 'failed' | 'skipped';
  version: number;
  problem?: { status: number; code: string; detail: string; rule?: string; basis?: string };
}

export interface BulkReassignment {
  fromMediatorId: string;
  toMediatorId: string;
  total: number;
  reassigned: number;
  partial: number;
  failed: number;
  skipped: number;
  items: ReassignmentItem[];
}

export type Performance = 'performed' | 'partlyPerformed' | 'notPerformed' | 'notDue';
export type Satisfaction = 'satisfied' | 'basicallySatisfied' | 'dissatisfied';

export interface ReturnVisit {
  id: string;
  caseId: string;
  organizationId: string;
  visitedOn: string;
  visitedBy: { id: string; username: string; displayName: string };
  personsVisited: string;
  performance: Performance;
  satisfaction: Satisfaction;
  newDispute: boolean;
  riskNote: string | null;
  manner?: string | null;
  opinions?: string | null;
  measures?: string | null;
  lawsuit?: string | null;
  note: string | null;
  recordedAt: string;
}

export interface ReturnVisitList {
  caseId: string;
  caseVersion: number;
  criminalRiskPrevented: boolean;
  returnVisitDueOn: string | null;
  items: ReturnVisit[];
}

export interface ReturnVisitDue {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  organizationId: string;
  organizationName: string;
  mediatorId: string | null;
  version: number;
  agreementEffectiveOn: string | null;
  countedFrom: string;
  returnVisitDueOn: string;
  daysLeft: number;
  workingDaysLeft: number;
}
