import type { IsoDate } from '@jiefen/legal-time';
import type { Deadline } from './deadlines.js';
import type { CommonIntake } from './intake.js';
import type { Category, Channel, PartyKind, PartyRole, RiskLevel } from './vocabulary.js';

/** A party to the case; `id` is assigned at opening (`p1`, `p2` …) and used by events. */
export interface Party {
  id: string;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  /** Resident ID number, or whatever stable digest of it the host stores (see README). */
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
  agent?: string;
  /** 民族: sensitive personal information (docs/security.md); the host keeps it off the snapshot. */
  ethnicity?: string;
  /** 职业或职务. */
  occupation?: string;
  /** On a case opened from another (judicial confirmation), this party's id on that case. */
  linkedPartyId?: string;
}

/** One obligation in an agreement: who owes what, and by when. */
export interface Term {
  obligorPartyId: string;
  description: string;
  amount?: string;
  dueOn?: IsoDate;
}

export interface Signatures {
  partyIds: string[];
  mediator: boolean;
  /** People's mediation only (PML Art. 29); other flows' payloads leave it out. */
  committeeSeal?: boolean;
}

/** What one party is responsible for in the dispute (PML Art. 29(2): 各方当事人的责任). */
export interface Responsibility {
  partyId: string;
  text: string;
}

/** How and where the terms are performed; when is each term's `dueOn` (PML Art. 29(3); MoJ 2002 Art. 35). */
export interface Performance {
  manner?: string;
  place?: string;
}

/** A mediation agreement (调解协议) as the case holds it. */
export interface Agreement {
  form: 'written' | 'oral';
  effectiveOn: IsoDate;
  terms: Term[];
  boundPartyIds: string[];
  signatures?: Signatures;
  /** PML Art. 29(2): the main facts of the dispute (纠纷的主要事实). */
  facts?: string;
  /** PML Art. 29(2): the issues in dispute (争议事项). */
  disputedIssues?: string;
  /** PML Art. 29(2): each party's responsibility. */
  responsibilities?: Responsibility[];
  /** PML Art. 29(3): the manner and place of performance. */
  performance?: Performance;
}

export interface Supervision {
  instructions: string;
  dueOn: IsoDate;
  supervisedOn: IsoDate;
  byOrganizationId?: string;
}

/** Something the case opened with that a person must look at (e.g. a subject a court may refuse). */
export interface Warning {
  code: string;
  basis: string;
  message: string;
}

/**
 * Local policy overrides (*(cfg)* in flows.md), e.g. `{ mediationPeriod: { length: 30, unit: 'day',
 * basis: 'SZ-DR Art. 25' } }`. `basis` is the local rule the deadline then cites; without it the
 * deadline cites "local policy (cfg)", never the national default it replaced.
 */
export type FlowPolicy = Record<
  string,
  { length: number; unit: 'day' | 'workingDay' | 'month' | 'year'; basis?: string } | undefined
>;

/** Everything a case knows, kept on the snapshot. Flow-specific intake fields sit in `facts`. */
export interface CaseContext {
  flowId: string;
  flowVersion: number;
  category: Category;
  summary: string;
  channel: Channel;
  /** The handling organisation; escalation, assignment and transfer change it. */
  organizationId: string;
  receivingOrganizationId: string;
  receivedOn: IsoDate;
  openedOn: IsoDate;
  /** When the case counts as accepted for the resolution rate; null until then. */
  acceptedOn: IsoDate | null;
  endedOn: IsoDate | null;
  riskLevel: RiskLevel;
  amount: string | null;
  linkedCaseId: string | null;
  parties: Party[];
  deadlines: Deadline[];
  agreement: Agreement | null;
  /** Why the case ended, or the last decisive reason (`reason`, `route`, `result` …). */
  outcome: Record<string, string | boolean | null> | null;
  supervision: Supervision | null;
  /** Facts recorded on the way: sessions held, extensions used, dates that matter after the end. */
  records: CaseRecords;
  warnings: Warning[];
  policy: FlowPolicy;
  facts: Record<string, unknown>;
}

/** One entry of a list in `records` (`sessions`, `followUps` …): the day, and the payload fields kept. */
export type RecordedEntry = { on: IsoDate } & Record<string, unknown>;

/**
 * What a case records on the way, by name. The flows that record an entry own its shape; the
 * names are here so that a typo in one flow's action, or a second meaning for a name, does not compile.
 */
export interface CaseRecords {
  /** `recordInList` lists: sessions, extensions, follow-ups, requests and what answered them. */
  sessions?: RecordedEntry[];
  extensions?: RecordedEntry[];
  followUps?: RecordedEntry[];
  supplementRequests?: RecordedEntry[];
  supplements?: RecordedEntry[];
  materialsRequests?: RecordedEntry[];
  materialsProvided?: RecordedEntry[];
  delegatedMediationOutcomes?: RecordedEntry[];
  mediatorId?: string;
  mediatorChosenBy?: string;
  mediatorAssignedOn?: IsoDate;
  mediatorConfirmedOn?: IsoDate;
  declines?: { on: IsoDate; mediatorId: unknown; reason: string }[];
  appraisalStartedOn?: IsoDate;
  appraisals?: { startedOn: IsoDate | undefined; completedOn: IsoDate }[];
  suspendedOn?: IsoDate;
  suspicionNote?: string;
  suspensions?: { suspendedOn: IsoDate | undefined; clearedOn: IsoDate }[];
  /** CPL Art. 205: the last day to apply for judicial confirmation of an agreement that ended the case. */
  confirmableUntil?: IsoDate;
  mediationStartsOn?: IsoDate;
  lawsuit?: { courtId: string; filedOn: IsoDate };
  courtId?: string;
  submittedOn?: IsoDate;
  courtCaseNo?: string;
  registeredOn?: IsoDate;
  delegations?: { organizationId: string; delegatedOn: IsoDate; courtReference?: string }[];
  reviewExtension?: { days: number; approvedBy: string; on: IsoDate };
  handlingExtension?: { on: IsoDate; days: number; reason: string; approvedBy: string };
  /** Petitions: forwardings and assignments, objections, mediations referred, hearings, the opinions served. */
  handOvers?: {
    how: 'forwarded' | 'assigned';
    on: IsoDate;
    fromOrganizationId: string;
    toOrganizationId: string;
    receivedOn: IsoDate;
  }[];
  objections?: { on: IsoDate; reason: string }[];
  mediations?: {
    referredOn: IsoDate;
    committeeId: string;
    consentingPartyIds: string[];
    concludedOn?: IsoDate;
    outcome?: string;
  }[];
  hearings?: { startedOn: IsoDate; endedOn?: IsoDate }[];
  handlingOpinion?: { result: string; servedOn: IsoDate };
  reviewOpinion?: { result: string; servedOn: IsoDate };
  rereviewOpinion?: { result: string; servedOn: IsoDate };
  /**
   * Anything else a flow records (judicial confirmation's ruling and periods, a petition's hand-overs and opinions …).
   */
  [name: string]: unknown;
}

/** How a case relates to another organisation in the tree; the host knows the tree, the flow the rule. */
export type OrganizationRelation = 'self' | 'ancestor' | 'descendant' | 'other';

/** Facts only the host can know, passed with an event or at opening. */
export interface HostFacts {
  /**
   * Where the event's target organisation (`toOrganizationId`, `organizationId`, a petition's
   * `reviewOrganizationId` or `rereviewOrganizationId`) sits relative to the handling organisation.
   */
  targetRelation?: OrganizationRelation;
  /** Where the sender's organisation sits relative to the handling organisation. */
  actorRelation?: OrganizationRelation;
  /** The case this one continues from (judicial confirmation of an agreement reached there). */
  linkedCase?: import('./caseSnapshot.js').CaseSnapshot;
  /** Local policy overrides for a new case. */
  policy?: FlowPolicy;
  /**
   * The centre's own target for resolving a case at the handling organisation's level (*(cfg)*,
   * e.g. 20 days at street level): set at opening and restarted when the case changes hands.
   */
  resolutionTarget?: { length: number; unit: 'day' | 'workingDay' | 'month'; basis: string };
  /** Medical disputes: whether a court or another body has already accepted the matter (MDR Arts. 31, 40). */
  acceptedElsewhere?: boolean;
}

/**
 * A payload as the machine holds it: validated against the event's schema before the machine
 * sees it, read through the flow's `payloadOf` (typed from that schema) or a field check.
 */
export type Payload = Readonly<Record<string, unknown>>;

/** The event as the machine sees it: the caller's event plus the day and the host's facts. */
export interface CaseEvent {
  type: string;
  payload: Payload;
  today: IsoDate;
  host: HostFacts;
}

/** A case's input as the machine receives it: the common intake, validated, plus the flow's own fields. */
export type CaseInput = CommonIntake & Readonly<Record<string, unknown>>;

/** What the machine is started with. */
export interface CaseMachineInput {
  flowId: string;
  flowVersion: number;
  input: CaseInput;
  today: IsoDate;
  host: HostFacts;
}
