/**
 * @jiefen/flows — China's non-litigation dispute-resolution flows as pure xstate v5 statecharts.
 * No clock, no IO: the caller passes `today`, persists the snapshot and carries out the effects.
 */
export { startCase } from './startCase.js';
export type { CaseOptions, CaseResult } from './startCase.js';
export { sendEvent } from './sendEvent.js';
export type { EventResult, FlowEvent } from './sendEvent.js';
export { describeCase, statusOf } from './describeCase.js';
export type { CaseDescription } from './describeCase.js';
export { getFlow, listFlows, listFlowVersions, registerFlow } from './registry.js';
export { defineFlow } from './flowDefinition.js';
export type { FlowDefinition, EventSpec, DeadlineSpec, OpeningRule, OrganizationFieldUse } from './flowDefinition.js';
export { mediationOutcomeOf } from './outcome.js';

export type { CaseSnapshot } from './caseSnapshot.js';
export type {
  Agreement,
  CaseContext,
  CaseEvent,
  HostFacts,
  OrganizationRelation,
  Party,
  Performance,
  Responsibility,
  Signatures,
  Supervision,
  Term,
  Warning,
  FlowPolicy,
  CaseRecords,
  CaseInput,
  Payload,
} from './caseContext.js';
export { payloadReader } from './eventPayload.js';
export type { MachineEventOf } from './eventPayload.js';
export type { PeopleMediationEvent } from './flows/people-mediation/events.js';
export type { AdministrativeMediationEvent } from './flows/administrative-mediation/events.js';
export type { DelegatedMediationEvent } from './flows/delegated-mediation/events.js';
export type { JudicialConfirmationEvent } from './flows/judicial-confirmation/events.js';
export type { CourtReferralEvent } from './flows/court-referral/events.js';
export type { PetitionEvent } from './flows/petition/events.js';
export type { CountingStep, Deadline, DeadlineRule } from './deadlines.js';
export { recomputeDeadline, yearsOfDeadline } from './deadlines.js';
export { DOCUMENT_KINDS, REMAINING_ROUTES } from './effects.js';
export type { DocumentKind, Effect, EffectType, RemainingRoute } from './effects.js';
export type { Rule } from './rules.js';
export { COMMON_RULES } from './rules.js';

export { FlowError } from './FlowError.js';
export type { FlowErrorCode } from './FlowError.js';
export { EventNotAllowedError } from './EventNotAllowedError.js';
export { RuleViolatedError } from './RuleViolatedError.js';
export { InvalidEventError } from './InvalidEventError.js';
export { UnknownFlowError } from './UnknownFlowError.js';

export {
  field,
  validateObject,
  validatorOf,
  jsonSchemaOf,
  isCalendarDate,
  isResidentIdNumber,
  isCreditCode,
  characterCount,
  FORMATS,
  DECIMAL_PATTERN,
  TEXT_MAX,
  NAME_MAX,
  ID_MAX,
  LIST_MAX,
} from './schema.js';
export type {
  FieldSpec,
  FieldProblem,
  ObjectSpec,
  Infer,
  Static,
  TObject,
  TProperties,
  TSchema,
  PayloadOf,
  EventUnionOf,
  TextFormat,
  TextOptions,
  ListOptions,
} from './schema.js';
export { COMMON_INTAKE, PARTY_INPUT, intakeSpec } from './intake.js';
export type { CommonIntake, PartyInput } from './intake.js';
export { NO_PAYLOAD, PARTY_PAYLOAD, SESSION_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from './payloads.js';
export type { NoPayload, PartyPayload, SessionPayload, PeriodExtensionPayload } from './payloads.js';
export { PARTY_CHANGES, PARTY_CORRECTED_PAYLOAD } from './flows/shared/partyCorrection.js';
export type { PartyChanges, PartyCorrectedPayload } from './flows/shared/partyCorrection.js';
export { CENTRE_EVENTS } from './centreEvents.js';
export type { CentreEvent } from './centreEvents.js';
export { agreementPayloadSpec } from './agreements.js';
export type { AgreementPayload } from './agreements.js';
export * from './vocabulary.js';
export { flowStructure, flowToMermaid } from './flowDiagram.js';
export type { FlowStateInfo, FlowTransitionInfo } from './flowDiagram.js';
