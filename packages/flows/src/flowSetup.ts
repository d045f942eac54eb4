import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import { assign, setup, type SetupReturn } from 'xstate';
import { agreementFrom, checkSignatures, firstUnknownPartyInAgreement, type AgreementPayload } from './agreements.js';
import type {
  CaseContext,
  CaseEvent,
  CaseMachineInput,
  OrganizationRelation,
  Payload,
  RecordedEntry,
} from './caseContext.js';
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
import { RESOLUTION_TARGET, SUPERVISION_DEADLINE } from './centreDeadlines.js';
import { CENTRE_EVENTS } from './centreEvents.js';
import { CONFIRMATION_WINDOW } from './confirmationWindow.js';
import { payloadReader, stringField, stringListField } from './eventPayload.js';
import { correctedParties } from './flows/shared/partyCorrection.js';
import { COMMON_RULES, type Rule } from './rules.js';
import type { CaseStatus, DeadlineSort } from './vocabulary.js';

/**
 * A state's tags: exactly one status, plus `agreementConfirmable` on states holding an effective
 * agreement that judicial confirmation may take up (flows.md, judicial-confirmation).
 */
export type CaseTag = CaseStatus | 'agreementConfirmable';

/** The payloads of the centre events and the engine's, typed from their schemas. */
const centrePayloadOf = payloadReader<typeof CENTRE_EVENTS>();

/** A date a payload gives (`acceptedOn`, `servedOn` …), else the day of the event. */
export const payloadDate = (event: CaseEvent, field: string): IsoDate =>
  stringField(event.payload, field) ?? event.today;
const isPartyOf = (context: CaseContext, id: string | undefined) =>
  id !== undefined && context.parties.some((p) => p.id === id);

/**
 * The agreement an `agreement.signed` carries. Each flow builds that payload with
 * `agreementPayloadSpec`, whose static type is `AgreementPayload`; `sendEvent` validated it.
 */
function agreementPayloadOf(event: CaseEvent): AgreementPayload {
  if (event.type !== 'agreement.signed') throw new Error(`the payload of ${event.type} read as an agreement`);
  return event.payload as unknown as AgreementPayload;
}

/** `deadline.expired` for the running deadline `kind` whose last day is over (and, if given, of that sort). */
export function deadlineDue(
  context: CaseContext,
  event: CaseEvent,
  params: { kind: string; sort?: DeadlineSort },
): boolean {
  return (
    centrePayloadOf(event, 'deadline.expired').kind === params.kind &&
    isDeadlineDue(context.deadlines, params.kind, event.today) &&
    (params.sort === undefined || findDeadline(context.deadlines, params.kind)?.sort === params.sort)
  );
}

const relationIs = (relation: OrganizationRelation | undefined, ...values: (OrganizationRelation | undefined)[]) =>
  values.includes(relation);

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
    deadlineDue: ({ context, event }, params: { kind: string; sort?: DeadlineSort }) =>
      deadlineDue(context, event, params),
    expiringDeadlineNotRunning: ({ context, event }) =>
      findDeadline(context.deadlines, centrePayloadOf(event, 'deadline.expired').kind)?.status !== 'running',
    expiringDeadlineNotDue: ({ context, event }) =>
      !isDeadlineDue(context.deadlines, centrePayloadOf(event, 'deadline.expired').kind, event.today),
    recomputedDateMoved: ({ event }) => {
      const { from, to } = centrePayloadOf(event, 'deadline.recomputed');
      return from !== to;
    },
    /**
     * The recomputation changes nothing, or was worked out on another
     * due date or calendar than the case's and the engine's now.
     */
    recomputationStale: ({ context, event }) => {
      const recomputed = centrePayloadOf(event, 'deadline.recomputed');
      const d = findDeadline(context.deadlines, recomputed.kind);
      if (d?.status !== 'running' || d.dueOn !== recomputed.from) return true;
      const next = recomputeDeadline(d);
      const unchanged =
        next.dueOn === d.dueOn && next.provisional === d.provisional && next.provisionalReason === d.provisionalReason;
      return unchanged || next.dueOn !== recomputed.to || next.provisional !== recomputed.provisional;
    },
    targetNotAncestor: ({ event }) => !relationIs(event.host.targetRelation, 'ancestor'),
    targetNotDescendant: ({ event }) => !relationIs(event.host.targetRelation, 'descendant'),
    targetIsHandlingBody: ({ event }) => relationIs(event.host.targetRelation, 'self', undefined),
    actorNotAboveOrSelf: ({ event }) => !relationIs(event.host.actorRelation, 'ancestor', 'self'),
    actorNotAbove: ({ event }) => !relationIs(event.host.actorRelation, 'ancestor'),
    /** The payload's `dueOn` (a supervision order, a court's time limit, an assignment) is not after today. */
    dueDateNotInFuture: ({ event }) => (stringField(event.payload, 'dueOn') ?? event.today) <= event.today,
    noSupervisionPending: ({ context }) => context.supervision === null,
    /** A payload date (e.g. `effectiveOn`) later than today. */
    dateInFuture: ({ event }, params: { field: string }) => {
      const date = stringField(event.payload, params.field);
      return date !== undefined && date > event.today;
    },
    /** The payload's `partyId` is not a party of the case. */
    unknownParty: ({ context, event }) => !isPartyOf(context, stringField(event.payload, 'partyId')),
    /** Some id in the payload list `field` is not a party of the case. */
    unknownPartyIn: ({ context, event }, params: { field: string }) =>
      (stringListField(event.payload, params.field) ?? []).some((id) => !isPartyOf(context, id)),
    notAnApplicant: ({ context, event }) =>
      context.parties.find((p) => p.id === stringField(event.payload, 'partyId'))?.role !== 'applicant',
    /** An id the agreement names (obligor, bound party, signatory, responsible party) is not a party of the case. */
    agreementNamesUnknownParty: ({ context, event }) =>
      firstUnknownPartyInAgreement(context, agreementPayloadOf(event)) !== undefined,
    /** The agreement lacks a bound party's or the mediator's signature, or, where required, the committee's seal. */
    agreementUnsigned: ({ context, event }, params: { sealRequired: boolean }) =>
      checkSignatures(context, agreementPayloadOf(event), params) !== 'ok',
    appraisalUnderWay: ({ context }) => context.records.appraisalStartedOn !== undefined,
    noAppraisalUnderWay: ({ context }) => context.records.appraisalStartedOn === undefined,
    /** A once-only extension was already granted (`records[record]` holds it). */
    alreadyExtended: ({ context }, params: { record: 'reviewExtension' | 'handlingExtension' }) =>
      context.records[params.record] !== undefined,
    /** The payload's `days` exceed what the rule allows. */
    extensionLongerThan: ({ event }, params: { days: number }) => {
      const days = event.payload.days;
      return typeof days === 'number' && days > params.days;
    },
    /** `consentingPartyIds` leaves out some applicant or respondent. */
    notEveryPartyConsents: ({ context, event }) => {
      const consenting = stringListField(event.payload, 'consentingPartyIds') ?? [];
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
    clearDeadlines: assign(({ context }, params: { kinds: readonly string[] }) => ({
      deadlines: clearDeadlines(context.deadlines, [...params.kinds]),
    })),
    pauseDeadline: assign(({ context, event }, params: { kind: string }) => ({
      deadlines: pauseDeadline(context.deadlines, params.kind, event.today),
    })),
    resumeDeadline: assign(({ context, event }, params: { kind: string }) => ({
      deadlines: resumeDeadline(context.deadlines, params.kind, event.today),
    })),
    /** `period.extended { length, unit }`: the flows' extension payload (PERIOD_EXTENSION_PAYLOAD). */
    extendDeadline: assign(({ context, event }, params: { kind: string }) => {
      const { length, unit } = periodExtensionOf(event);
      return { deadlines: extendDeadline(context.deadlines, params.kind, length, unit) };
    }),
    markDeadlineExpired: assign(({ context, event }) => ({
      deadlines: markDeadlineExpired(context.deadlines, centrePayloadOf(event, 'deadline.expired').kind, event.today),
    })),
    recomputeDeadline: assign(({ context, event }) => {
      const { kind } = centrePayloadOf(event, 'deadline.recomputed');
      return { deadlines: context.deadlines.map((d) => (d.kind === kind ? recomputeDeadline(d) : d)) };
    }),
    /** Records why the case ended or what was decided; `reason` defaults to the payload's. */
    recordOutcome: assign(({ event }, params: Record<string, string | boolean | null> | undefined) => ({
      outcome: { ...outcomeFields(event.payload), ...params },
    })),
    markAccepted: assign(({ event }, params: { field: string } | undefined) => ({
      acceptedOn: params?.field ? payloadDate(event, params.field) : event.today,
    })),
    startAppraisal: assign(({ context, event }) => ({
      records: { ...context.records, appraisalStartedOn: event.today },
    })),
    /** The appraisal ends: its span is kept in `records.appraisals`. */
    completeAppraisal: assign(({ context, event }) => {
      const { appraisalStartedOn, ...records } = context.records;
      const appraisals = [...(records.appraisals ?? []), { startedOn: appraisalStartedOn, completedOn: event.today }];
      return { records: { ...records, appraisals } };
    }),
    /**
     * An agreement that ends the case (a mediation statement, a delegated mediation's agreement).
     * The last day to apply for judicial confirmation (CPL Art. 205: 30 days from its effect) is
     * kept as information: the case ends here, judicial confirmation is a case of its own.
     */
    recordFinalAgreement: assign(({ context, event }) => {
      const agreement = agreementFrom(context, agreementPayloadOf(event), event.today);
      const { length, unit } = CONFIRMATION_WINDOW;
      const confirmableUntil = computeDueDate({ from: agreement.effectiveOn, length, unit }).dueOn;
      return { agreement, records: { ...context.records, confirmableUntil } };
    }),
    /** Entry of every final state: no deadline outlives the case (flows.md "Deadlines"). */
    endCase: assign(({ event }) => ({ deadlines: [], endedOn: event.today, supervision: null })),
    /** The case changes hands: the new organisation's own resolution target (cfg) starts over. */
    changeHandlingOrganization: assign(({ context, event }) => {
      const handOver = centrePayloadOf(event, 'case.escalated', 'case.assigned', 'case.transferred');
      return {
        organizationId: 'toOrganizationId' in handOver ? handOver.toOrganizationId : handOver.organizationId,
        deadlines: event.host.resolutionTarget
          ? startDeadline(context.deadlines, resolutionTargetRule(event.host.resolutionTarget), event.today)
          : clearDeadlines(context.deadlines, [RESOLUTION_TARGET.kind]),
      };
    }),
    openSupervision: assign(({ context, event }) => {
      const { instructions, dueOn } = centrePayloadOf(event, 'case.supervised');
      return {
        supervision: { instructions, dueOn, supervisedOn: event.today },
        deadlines: setDeadlineOn(context.deadlines, SUPERVISION_DEADLINE, dueOn, event.today),
      };
    }),
    closeSupervision: assign(({ context }) => ({
      supervision: null,
      deadlines: clearDeadlines(context.deadlines, [SUPERVISION_DEADLINE.kind]),
    })),
    /** `party.corrected`: the party's details replaced by the corrected ones (its id, role and kind kept). */
    correctParty: assign(({ context, event }) => {
      const { partyId, changes } = centrePayloadOf(event, 'party.corrected');
      return { parties: correctedParties(context.parties, partyId, changes) };
    }),
    /** Appends `{ on: today, …the payload's fields }` to the list `records[list]`. */
    recordInList: assign(({ context, event }, params: { list: RecordedList; fields: readonly string[] }) => {
      const entry: RecordedEntry = { on: event.today, ...pick(event.payload, params.fields) };
      return { records: { ...context.records, [params.list]: [...(context.records[params.list] ?? []), entry] } };
    }),
  },
});

/** The lists `recordInList` appends to. */
type RecordedList =
  | 'sessions'
  | 'extensions'
  | 'followUps'
  | 'supplementRequests'
  | 'supplements'
  | 'materialsRequests'
  | 'materialsProvided'
  | 'delegatedMediationOutcomes';

/**
 * The decisive fields an outcome keeps from a payload (`reason`, `route`, `result`, `rulingNo`), when they are strings.
 */
function outcomeFields(payload: Payload): Record<string, string> {
  return Object.fromEntries(
    (['reason', 'route', 'result', 'rulingNo'] as const).flatMap((k) =>
      typeof payload[k] === 'string' ? [[k, payload[k]]] : [],
    ),
  );
}

/** `period.extended`'s length and unit: every flow builds that payload from PERIOD_EXTENSION_PAYLOAD. */
function periodExtensionOf(event: CaseEvent): { length: number; unit: 'day' | 'workingDay' | 'month' } {
  const { length, unit } = event.payload;
  if (typeof length !== 'number' || (unit !== 'day' && unit !== 'workingDay' && unit !== 'month')) {
    throw new Error(`${event.type} carries no period extension`);
  }
  return { length, unit };
}

function pick(source: Payload, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** The guards and actions of a flow's setup, by name, each with its params (from xstate's setup type). */
type SetupMaps<S> =
  S extends SetupReturn<
    infer _C,
    infer _E,
    infer _A,
    infer _Ch,
    infer TActions,
    infer TGuards,
    infer _D,
    infer _T,
    infer _I,
    infer _O,
    infer _Em,
    infer _M,
    infer _TM
  >
    ? { actions: TActions; guards: TGuards }
    : never;

/** A reference to one of `Map`'s implementations, as a machine config writes it: by name, or with its params. */
type RefTo<Map, Dynamic extends boolean> = {
  [K in keyof Map & string]: undefined extends Map[K]
    ? K | { type: K; params?: Map[K] }
    : {
        type: K;
        params: Dynamic extends true ? Map[K] | ((args: { context: CaseContext; event: CaseEvent }) => Map[K]) : Map[K];
      };
}[keyof Map & string];

/** A guard of the setup `S`, by name or with its params: a name the setup does not have does not compile. */
export type GuardOf<S> = RefTo<SetupMaps<S>['guards'], false>;
/** An action of the setup `S`, by name or with its params (static, or computed from the event). */
export type ActionOf<S> = RefTo<SetupMaps<S>['actions'], true>;

/**
 * A transition built by a helper and spread into a machine's `on`: its guard and actions are
 * checked against the setup `S` (every flow's own, or the shared one), so a typo in a helper does
 * not compile. `G` adds guards the helper takes from the flow that uses it.
 */
export type FlowTransition<S = typeof flowSetup, G extends string = never> = TransitionWith<
  GuardOf<S> | G,
  ActionOf<S>
>;

/**
 * A transition config by the guards and actions it may name
 * (compared member by member, so a shared helper's fits every flow).
 */
export interface TransitionWith<Guard, Action> {
  guard?: Guard;
  target?: string;
  actions?: Action | readonly Action[];
}
export type FlowAction<S = typeof flowSetup> = ActionOf<S>;

/** A transition that refuses its event with `rule`; list it before the transition it guards. */
export function violation<S = typeof flowSetup>(guard: GuardOf<S>, rule: Rule): FlowTransition<S> {
  return { guard, actions: { type: 'ruleViolated', params: rule } as ActionOf<S> };
}

/** `violation` for the machine of the setup `S`: its guards checked by name. */
export function violationIn<S>() {
  return (guard: GuardOf<S>, rule: Rule): FlowTransition<S> => violation<S>(guard, rule);
}

/** An effect action for the host: fixed, or computed from the case and the event. */
export function effect(params: Effect | ((args: { context: CaseContext; event: CaseEvent }) => Effect)) {
  return { type: 'effect', params } as const;
}

/** Handlers every flow puts on its root: the centre events and the engine's generic deadline expiry. */
export const centreHandlers = {
  'case.escalated': [
    violation('targetNotAncestor', COMMON_RULES.ESCALATION_ONLY_UPWARD),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'caseEscalated',
          to: 'organization',
          details: { ...event.payload },
        })),
      ],
    },
  ],
  'case.assigned': [
    violation('targetNotDescendant', COMMON_RULES.ASSIGNMENT_ONLY_DOWNWARD),
    violation('actorNotAboveOrSelf', COMMON_RULES.ASSIGNMENT_ONLY_DOWNWARD),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'caseAssigned',
          to: 'organization',
          details: { ...event.payload },
        })),
      ],
    },
  ],
  'case.transferred': [
    violation('targetIsHandlingBody', COMMON_RULES.TRANSFER_TO_ANOTHER_BODY),
    {
      actions: [
        'changeHandlingOrganization',
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'caseTransferred',
          to: 'organization',
          details: { ...event.payload },
        })),
      ],
    },
  ],
  'case.supervised': [
    violation('actorNotAbove', COMMON_RULES.SUPERVISION_ONLY_FROM_ABOVE),
    violation('dueDateNotInFuture', COMMON_RULES.SUPERVISION_DUE_IN_FUTURE),
    {
      actions: [
        'openSupervision',
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'caseSupervised',
          to: 'organization',
          details: { ...event.payload },
        })),
      ],
    },
  ],
  'supervision.answered': [
    violation('noSupervisionPending', COMMON_RULES.NO_SUPERVISION_PENDING),
    {
      actions: [
        'closeSupervision',
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'supervisionAnswered',
          to: 'supervisor',
          details: { ...event.payload },
        })),
      ],
    },
  ],
  // flows.md "Intake": an event names only parties of the case. A final state takes no event at all
  // (xstate's final states have no transitions), so a closed case's parties stay as they ended: 409.
  'party.corrected': [violation('unknownParty', COMMON_RULES.UNKNOWN_PARTY), { actions: 'correctParty' }],
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
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'deadlineMoved',
          to: 'mediator',
          details: { ...event.payload },
        })),
      ],
    },
    { actions: 'recomputeDeadline' },
  ],
} satisfies Record<string, FlowTransition[]>;
