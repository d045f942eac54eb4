import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import { assign, setup, type TransitionConfig } from 'xstate';
import { agreementFrom, checkSignatures, firstUnknownPartyInAgreement, type AgreementPayload } from './agreements.js';
import type { CaseContext, CaseEvent, CaseMachineInput } from './caseContext.js';
import {
  clearDeadlines,
  extendDeadline,
  findDeadline,
  isDeadlineDue,
  markDeadlineExpired,
  pauseDeadline,
  recomputeDeadline,
  resumeDeadline,
  setDeadlineOn,
  startDeadline,
  type DeadlineRule,
} from './deadlines.js';
import type { Effect } from './effects.js';
import { resolutionTargetRule } from './baseContext.js';
import { SUPERVISION_DEADLINE } from './centreDeadlines.js';
import { COMMON_RULES, type Rule } from './rules.js';
import type { CaseStatus, DeadlineSort } from './vocabulary.js';

/**
 * A state's tags: exactly one status, plus `agreementConfirmable` on states holding an effective
 * agreement that judicial confirmation may take up (flows.md, judicial-confirmation).
 */
export type CaseTag = CaseStatus | 'agreementConfirmable';

/** CPL Art. 205: a joint application for judicial confirmation within 30 days of the agreement's effect. */
export const CONFIRMATION_WINDOW_DAYS = 30;

const payloadDate = (event: CaseEvent, field: string): IsoDate => event.payload[field] ?? event.today;
const partyIdsOf = (context: CaseContext) => context.parties.map((p) => p.id);

/**
 * The setup every flow machine extends: its types, and the guards and actions shared by all
 * flows (deadlines as data, the centre events, rule violations and effects for the host).
 */
export const flowSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseMachineInput,
    tags: {} as CaseTag,
  },
  guards: {
    /** `deadline.expired` for the running deadline `kind` whose last day is over. */
    deadlineDue: ({ context, event }, params: { kind: string; sort?: DeadlineSort }) =>
      event.payload.kind === params.kind &&
      isDeadlineDue(context.deadlines, params.kind, event.today) &&
      (params.sort === undefined || findDeadline(context.deadlines, params.kind)?.sort === params.sort),
    expiringDeadlineNotRunning: ({ context, event }) => findDeadline(context.deadlines, event.payload.kind)?.status !== 'running',
    expiringDeadlineNotDue: ({ context, event }) => !isDeadlineDue(context.deadlines, event.payload.kind, event.today),
    recomputedDateMoved: ({ event }) => event.payload.from !== event.payload.to,
    /** The recomputation changes nothing, or was worked out on another due date or calendar than the case's and the engine's now. */
    recomputationStale: ({ context, event }) => {
      const d = findDeadline(context.deadlines, event.payload.kind);
      if (d?.status !== 'running' || d.dueOn !== event.payload.from) return true;
      const next = recomputeDeadline(d);
      const unchanged = next.dueOn === d.dueOn && next.provisional === d.provisional && next.provisionalReason === d.provisionalReason;
      return unchanged || next.dueOn !== event.payload.to || next.provisional !== event.payload.provisional;
    },
    targetNotAncestor: ({ event }) => event.host.targetRelation !== 'ancestor',
    targetNotDescendant: ({ event }) => event.host.targetRelation !== 'descendant',
    targetIsHandlingBody: ({ event }) => event.host.targetRelation === 'self' || event.host.targetRelation === undefined,
    actorNotAboveOrSelf: ({ event }) => event.host.actorRelation !== 'ancestor' && event.host.actorRelation !== 'self',
    actorNotAbove: ({ event }) => event.host.actorRelation !== 'ancestor',
    dueDateNotInFuture: ({ event }) => event.payload.dueOn <= event.today,
    noSupervisionPending: ({ context }) => context.supervision === null,
    /** A payload date (e.g. `effectiveOn`) later than today. */
    dateInFuture: ({ event }, params: { field: string }) =>
      typeof event.payload[params.field] === 'string' && event.payload[params.field] > event.today,
    /** The payload's `partyId` is not a party of the case. */
    unknownParty: ({ context, event }) => !partyIdsOf(context).includes(event.payload.partyId),
    /** Some id in the payload list `field` is not a party of the case. */
    unknownPartyIn: ({ context, event }, params: { field: string }) =>
      ((event.payload[params.field] as string[] | undefined) ?? []).some((id) => !partyIdsOf(context).includes(id)),
    notAnApplicant: ({ context, event }) =>
      context.parties.find((p) => p.id === event.payload.partyId)?.role !== 'applicant',
    /** An id the agreement names (obligor, bound party, signatory) is not a party of the case. */
    agreementNamesUnknownParty: ({ context, event }) => firstUnknownPartyInAgreement(context, event.payload as AgreementPayload) !== undefined,
    /** The agreement lacks a bound party's or the mediator's signature, or, where required, the committee's seal. */
    agreementUnsigned: ({ context, event }, params: { sealRequired: boolean }) =>
      checkSignatures(context, event.payload as AgreementPayload, params) !== 'ok',
    appraisalUnderWay: ({ context }) => context.records.appraisalStartedOn !== undefined,
    noAppraisalUnderWay: ({ context }) => context.records.appraisalStartedOn === undefined,
    /** A once-only extension was already granted (`records[record]` holds it). */
    alreadyExtended: ({ context }, params: { record: string }) => context.records[params.record] !== undefined,
    /** The payload's `days` exceed what the rule allows. */
    extensionLongerThan: ({ event }, params: { days: number }) => event.payload.days > params.days,
    /** `consentingPartyIds` leaves out some applicant or respondent. */
    notEveryPartyConsents: ({ context, event }) => {
      const consenting: string[] = event.payload.consentingPartyIds ?? [];
      return context.parties.some((p) => p.role !== 'thirdParty' && !consenting.includes(p.id));
    },
  },
  actions: {
    /** Carried out by the host after it has saved: `transition()` returns it unexecuted. */
    effect: (_, _params: Effect) => {},
    /** Refuses the event: `sendEvent` throws `RuleViolatedError` and nothing changes. */
    ruleViolated: (_, _params: Rule) => {},
    startDeadline: assign(({ context }, params: { rule: DeadlineRule; from: IsoDate }) => ({
      deadlines: startDeadline(context.deadlines, params.rule, params.from),
    })),
    clearDeadlines: assign(({ context }, params: { kinds: string[] }) => ({
      deadlines: clearDeadlines(context.deadlines, params.kinds),
    })),
    pauseDeadline: assign(({ context, event }, params: { kind: string }) => ({
      deadlines: pauseDeadline(context.deadlines, params.kind, event.today),
    })),
    resumeDeadline: assign(({ context, event }, params: { kind: string }) => ({
      deadlines: resumeDeadline(context.deadlines, params.kind, event.today),
    })),
    extendDeadline: assign(({ context, event }, params: { kind: string }) => ({
      deadlines: extendDeadline(context.deadlines, params.kind, event.payload.length, event.payload.unit),
    })),
    markDeadlineExpired: assign(({ context, event }) => ({
      deadlines: markDeadlineExpired(context.deadlines, event.payload.kind, event.today),
    })),
    recomputeDeadline: assign(({ context, event }) => ({
      deadlines: context.deadlines.map((d) => (d.kind === event.payload.kind ? recomputeDeadline(d) : d)),
    })),
    /** Records why the case ended or what was decided; `reason` defaults to the payload's. */
    recordOutcome: assign(({ event }, params: Record<string, string | boolean | null> | undefined) => ({
      outcome: { ...pick(event.payload, ['reason', 'route', 'result', 'rulingNo']), ...params },
    })),
    markAccepted: assign(({ event }, params: { field: string } | undefined) => ({
      acceptedOn: params?.field ? payloadDate(event, params.field) : event.today,
    })),
    startAppraisal: assign(({ context, event }) => ({ records: { ...context.records, appraisalStartedOn: event.today } })),
    /** The appraisal ends: its span is kept in `records.appraisals`. */
    completeAppraisal: assign(({ context, event }) => {
      const { appraisalStartedOn, ...records } = context.records;
      const appraisals = [...((records.appraisals as unknown[]) ?? []), { startedOn: appraisalStartedOn, completedOn: event.today }];
      return { records: { ...records, appraisals } };
    }),
    /**
     * An agreement that ends the case (a mediation statement, a delegated mediation's agreement).
     * The last day to apply for judicial confirmation (CPL Art. 205: 30 days from its effect) is
     * kept as information: the case ends here, judicial confirmation is a case of its own.
     */
    recordFinalAgreement: assign(({ context, event }) => {
      const agreement = agreementFrom(context, event.payload as AgreementPayload, event.today);
      const confirmableUntil = computeDueDate({ from: agreement.effectiveOn, length: CONFIRMATION_WINDOW_DAYS, unit: 'day' }).dueOn;
      return { agreement, records: { ...context.records, confirmableUntil } };
    }),
    /** Entry of every final state: no deadline outlives the case (flows.md "Deadlines"). */
    endCase: assign(({ event }) => ({ deadlines: [], endedOn: event.today, supervision: null })),
    /** The case changes hands: the new organisation's own resolution target (cfg) starts over. */
    changeHandlingOrganization: assign(({ context, event }) => ({
      organizationId: event.payload.toOrganizationId ?? event.payload.organizationId,
      deadlines: event.host.resolutionTarget
        ? startDeadline(context.deadlines, resolutionTargetRule(event.host.resolutionTarget), event.today)
        : clearDeadlines(context.deadlines, ['resolutionTarget']),
    })),
    openSupervision: assign(({ context, event }) => ({
      supervision: { instructions: event.payload.instructions, dueOn: event.payload.dueOn, supervisedOn: event.today },
      deadlines: setDeadlineOn(
        context.deadlines,
        SUPERVISION_DEADLINE,
        event.payload.dueOn,
        event.today,
      ),
    })),
    closeSupervision: assign(({ context }) => ({
      supervision: null,
      deadlines: clearDeadlines(context.deadlines, ['supervision']),
    })),
    recordInList: assign(({ context, event }, params: { list: string; fields: string[] }) => ({
      records: {
        ...context.records,
        [params.list]: [...((context.records[params.list] as unknown[]) ?? []), { on: event.today, ...pick(event.payload, params.fields) }],
      },
    })),
  },
});

function pick(source: Record<string, unknown>, keys: string[]): Record<string, any> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/**
 * A transition or action built by the helpers below. Their guard and action names are checked
 * by the machine tests (every guard is reached by the path tests), not by the compiler.
 */
export type FlowTransition = TransitionConfig<CaseContext, CaseEvent, CaseEvent, any, any, any, any>;
export type FlowAction = { type: string; params?: unknown };

/** A transition that refuses its event with `rule`; list it before the transition it guards. */
export function violation(guard: string | { type: string; params: Record<string, unknown> }, rule: Rule): FlowTransition {
  return { guard, actions: { type: 'ruleViolated', params: rule } } as FlowTransition;
}

/** An effect action for the host. */
export function effect(params: Effect | ((args: { context: CaseContext; event: CaseEvent }) => Effect)): any {
  return { type: 'effect', params };
}

/** Handlers every flow puts on its root: the centre events and the engine's generic deadline expiry. */
export const centreHandlers: Record<string, FlowTransition[]> = {
  'case.escalated': [
    violation('targetNotAncestor', COMMON_RULES.ESCALATION_ONLY_UPWARD),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'caseEscalated', to: 'organization', details: { ...event.payload } })),
      ],
    },
  ],
  'case.assigned': [
    violation('targetNotDescendant', COMMON_RULES.ASSIGNMENT_ONLY_DOWNWARD),
    violation('actorNotAboveOrSelf', COMMON_RULES.ASSIGNMENT_ONLY_DOWNWARD),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'caseAssigned', to: 'organization', details: { ...event.payload } })),
      ],
    },
  ],
  'case.transferred': [
    violation('targetIsHandlingBody', COMMON_RULES.TRANSFER_TO_ANOTHER_BODY),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'caseTransferred', to: 'organization', details: { ...event.payload } })),
      ],
    },
  ],
  'case.supervised': [
    violation('actorNotAbove', COMMON_RULES.SUPERVISION_ONLY_FROM_ABOVE),
    violation('dueDateNotInFuture', COMMON_RULES.SUPERVISION_DUE_IN_FUTURE),
    {
      actions: [
        'openSupervision',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'caseSupervised', to: 'organization', details: { ...event.payload } })),
      ],
    },
  ],
  'supervision.answered': [
    violation('noSupervisionPending', COMMON_RULES.NO_SUPERVISION_PENDING),
    {
      actions: [
        'closeSupervision',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'supervisionAnswered', to: 'supervisor', details: { ...event.payload } })),
      ],
    },
  ],
  'deadline.expired': [
    violation('expiringDeadlineNotRunning', COMMON_RULES.DEADLINE_NOT_RUNNING),
    violation('expiringDeadlineNotDue', COMMON_RULES.DEADLINE_NOT_DUE),
    // Targets and windows (and limits a state does not act on) only mark the case overdue.
    { actions: 'markDeadlineExpired' },
  ],
  'deadline.recomputed': [
    violation('recomputationStale', COMMON_RULES.DEADLINE_RECOMPUTATION_STALE),
    {
      guard: 'recomputedDateMoved',
      actions: [
        'recomputeDeadline',
        effect(({ event }) => ({ type: 'notice.sent', notice: 'deadlineMoved', to: 'mediator', details: { ...event.payload } })),
      ],
    },
    { actions: 'recomputeDeadline' },
  ],
};
