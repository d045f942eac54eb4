/**
 * The fixed vocabulary of the product contract (flows.md): statuses, roles, channels,
 * categories, risk levels. Chinese terms and pinyin are in docs/glossary.md.
 */

/** Every state maps to exactly one status, used by lists and reports. */
export const CASE_STATUSES = ['open', 'resolved', 'unresolved', 'withdrawn', 'referred', 'notAccepted'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who may send an event (flows.md "Who sends what"); `engine` is the service itself. */
export const ACTOR_ROLES = ['reception', 'mediator', 'supervisor', 'court', 'admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export type Sender = ActorRole | 'engine';

export const CHANNELS = [
  'walkIn',
  'letter',
  'phone',
  'online',
  'hotline12345',
  'grid',
  'police110',
  'petition',
  'courtDelegation',
  'departmentReferral',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** People's-mediation statistics categories (a versioned code table, version 1). */
export const CATEGORIES = [
  'marriageFamily',
  'neighbour',
  'housingHomestead',
  'contract',
  'business',
  'damages',
  'landForest',
  'expropriation',
  'environment',
  'labour',
  'consumer',
  'medical',
  'trafficAccident',
  'property',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const RISK_LEVELS = ['red', 'orange', 'yellow', 'none'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PARTY_ROLES = ['applicant', 'respondent', 'thirdParty'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_KINDS = ['person', 'organization'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The three sorts of deadline (flows.md "Deadlines"). */
export const DEADLINE_SORTS = ['limit', 'target', 'window'] as const;
export type DeadlineSort = (typeof DEADLINE_SORTS)[number];

/** Outcome a linked mediation reports to the case that opened it (`mediation.concluded`). */
export const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
