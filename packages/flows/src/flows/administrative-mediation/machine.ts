/**
 * Administrative mediation 行政调解 of civil disputes by an administrative body, per domain:
 * road-traffic accidents (RTSL Art. 74; RTSL-Reg Arts. 94-96), medical disputes (MDR Arts. 31,
 * 40-41), consumer complaints (CRPL Arts. 39, 46; SAMR rules Arts. 14, 21), public-security
 * mediation (PSAPL Arts. 9, 99) and a general template whose periods are local policy *(cfg)*.
 *
 * pendingAcceptance → awaitingStart (traffic only) → mediating ⇄ paused (appraisal).
 * No national statute governs administrative mediation as a whole; the rule follows the domain.
 */
import type { IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { CaseEvent } from '../../caseContext.js';
import { startDeadline } from '../../deadlines.js';
import { defineFlow } from '../../flowDefinition.js';
import {
  centreHandlers,
  deadlineDue,
  effect,
  flowSetup,
  violationIn,
  type ActionOf,
  type FlowTransition,
} from '../../flowSetup.js';
import type { DeadlineSort } from '../../vocabulary.js';
import { applicantWithdrawal } from '../shared/applicantWithdrawal.js';
import { appraisalHandlers } from '../shared/appraisal.js';
import { periodExtension } from '../shared/periodExtension.js';
import { ADMINISTRATIVE_MEDIATION_DEADLINES, openingDeadlines, periodRule, rulesOf } from './deadlines.js';
import { ADMINISTRATIVE_MEDIATION_EVENTS, ADMINISTRATIVE_MEDIATION_INTAKE, payloadOf } from './events.js';
import { FACT_FIELDS, isMedical, isPublicSecurity, isTraffic, type AdministrativeFacts } from './facts.js';
import { OPENING_RULES, RULES } from './rules.js';

export { ADMINISTRATIVE_DOMAINS, type AdministrativeDomain } from './facts.js';
export { ADMINISTRATIVE_MEDIATION_RULES } from './rules.js';

/** The termination statement (调解终结书) names the routes the domain leaves open. */
const failure = (fixedReason?: string) => {
  const reasonOf = (event: CaseEvent): string => fixedReason ?? payloadOf(event, 'mediation.failed').reason;
  return [
    { type: 'recordOutcome', params: fixedReason ? { reason: fixedReason } : undefined } as const,
    effect(({ context, event }) => ({
      type: 'document.issued',
      document: 'terminationStatement',
      details: { reason: reasonOf(event), remainingRoutes: [...rulesOf(context).routesLeft] },
    })),
  ];
};

/**
 * PSAPL Art. 9: an agreement means no penalty; no agreement means the police impose the penalty
 * and tell the parties they may sue. The transition gets a variant that tells the case-handling unit.
 */
function withPublicSecurityNotice(
  transition: Omit<Transition, 'guard' | 'actions'> & {
    guard?: DeadlineDue;
    actions: readonly ActionOf<typeof administrativeMediationSetup>[];
  },
  notice: 'noPenalty' | 'penaltyProcedureResumes',
): Transition[] {
  const guard: Transition['guard'] = transition.guard
    ? { type: 'publicSecurityDeadlineDue', params: transition.guard.params }
    : 'isPublicSecurity';
  const told = effect({ type: 'notice.sent', notice, to: 'organization', details: { basis: 'PSAPL Art. 9' } });
  return [{ ...transition, guard, actions: [...transition.actions, told] }, transition];
}

type DeadlineDue = { type: 'deadlineDue'; params: { kind: string; sort?: DeadlineSort } };

const appraisal = appraisalHandlers({
  kind: 'mediationPeriod',
  pauses: 'appraisalPauses',
  pausedState: 'paused',
  resumeState: 'mediating',
});

const administrativeMediationSetup = flowSetup.extend({
  guards: {
    isTraffic: ({ context }) => isTraffic(context),
    isPublicSecurity: ({ context }) => isPublicSecurity(context),
    publicSecurityDeadlineDue: ({ context, event }, params: { kind: string; sort?: DeadlineSort }) =>
      isPublicSecurity(context) && deadlineDue(context, event, params),
    appraisalPauses: ({ context }) => rulesOf(context).appraisalPauses,
    periodNotExtendable: ({ context }) => !rulesOf(context).extendable,
    // Dates that can only be typing errors, and would start a
    // period early (the mediation period; CPL Art. 205's 30 days).
    acceptedBeforeReceipt: ({ context, event }) => {
      const { acceptedOn } = payloadOf(event, 'application.accepted');
      return acceptedOn !== undefined && acceptedOn < context.receivedOn;
    },
    statementBeforeAcceptance: ({ context, event }) =>
      context.acceptedOn !== null &&
      (payloadOf(event, 'agreement.signed').effectiveOn ?? event.today) < context.acceptedOn,
    medicalAcceptedElsewhere: ({ context, event }) => isMedical(context) && event.host.acceptedElsewhere === true,
    medicalWithoutBothSides: ({ context, event }) =>
      isMedical(context) && payloadOf(event, 'application.accepted').otherSideConsented !== true,
  },
  actions: {
    accept: assign(({ context, event }) => {
      const acceptedOn: IsoDate = payloadOf(event, 'application.accepted').acceptedOn ?? event.today;
      const deadlines = context.deadlines.filter((d) => d.kind !== 'acceptanceDecision');
      // RTSL-Reg Art. 94: a traffic case's period waits for `mediation.started`.
      const rule = isTraffic(context) ? undefined : periodRule(context, 'mediationPeriod');
      return { acceptedOn, deadlines: rule ? startDeadline(deadlines, rule, acceptedOn) : deadlines };
    }),
    // RTSL-Reg Art. 94: the period starts when the funeral ended, treatment ended or disability
    // was rated, or the loss was fixed — and never before the case was accepted.
    startTrafficPeriod: assign(({ context, event }) => {
      const startsOn: IsoDate = payloadOf(event, 'mediation.started').startsOn ?? event.today;
      const from = context.acceptedOn && context.acceptedOn > startsOn ? context.acceptedOn : startsOn;
      return {
        records: { ...context.records, mediationStartsOn: startsOn },
        deadlines: startDeadline(context.deadlines, periodRule(context, 'mediationPeriod')!, from),
      };
    }),
    recordLawsuit: assign(({ context, event }) => ({
      records: { ...context.records, lawsuit: lawsuitOf(event) },
    })),
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof administrativeMediationSetup>;
const violation = violationIn<typeof administrativeMediationSetup>();

export const administrativeMediationMachine = administrativeMediationSetup.createMachine({
  id: 'administrative-mediation',
  context: ({ input }) => {
    const context = baseContext(input);
    const given = input.input as Partial<AdministrativeFacts>;
    const facts = Object.fromEntries(
      FACT_FIELDS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]]),
    );
    const opened = { ...context, facts };
    return { ...opened, deadlines: openingDeadlines(opened) };
  },
  initial: 'pendingAcceptance',
  on: centreHandlers,
  states: {
    pendingAcceptance: {
      meta: { titleZh: '待受理' },
      description: '待受理 dàishòulǐ — application received, the body has not decided whether to accept it',
      tags: 'open',
      on: {
        'application.accepted': [
          violation('medicalAcceptedElsewhere', RULES.MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE),
          violation('medicalWithoutBothSides', RULES.MEDICAL_MEDIATION_NEEDS_BOTH_SIDES),
          violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation('acceptedBeforeReceipt', RULES.ACCEPTANCE_BEFORE_RECEIPT),
          { guard: 'isTraffic', target: 'awaitingStart', actions: ['accept', acceptanceNotice()] },
          { target: 'mediating', actions: ['accept', acceptanceNotice()] },
        ],
        'application.rejected': {
          target: 'notAccepted',
          actions: [
            'recordOutcome',
            effect(({ event }) => ({
              type: 'document.issued',
              document: 'rejectionNotice',
              details: { reason: payloadOf(event, 'application.rejected').reason },
            })),
          ],
        },
        ...litigation(),
        ...applicantWithdrawal(),
      },
    },
    awaitingStart: {
      meta: { titleZh: '待开始调解' },
      description:
        '待开始调解 dài kāishǐ tiáojiě — accepted; mediation starts when the funeral or treatment ends, disability is ' +
        'rated or the loss is fixed (RTSL-Reg Art. 94)',
      tags: 'open',
      on: {
        'mediation.started': [
          violation({ type: 'dateInFuture', params: { field: 'startsOn' } }, RULES.DATE_NOT_IN_FUTURE),
          { target: 'mediating', actions: 'startTrafficPeriod' },
        ],
        ...litigation(),
        ...applicantWithdrawal(),
      },
    },
    mediating: {
      meta: { titleZh: '调解中' },
      description: '调解中 tiáojiě zhōng — the administrative body is mediating',
      tags: 'open',
      on: {
        // MDR Art. 40; PSAPL Art. 99; SAMR rules: appraisal time is not counted.
        ...appraisal.started,
        'agreement.signed': [
          violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
          violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation('statementBeforeAcceptance', RULES.STATEMENT_BEFORE_ACCEPTANCE),
          violation({ type: 'agreementUnsigned', params: { sealRequired: false } }, RULES.MEDIATION_STATEMENT_UNSIGNED),
          ...withPublicSecurityNotice(
            {
              target: 'agreementSigned',
              actions: [
                'recordFinalAgreement',
                { type: 'recordOutcome', params: { reason: 'agreed' } },
                effect({ type: 'document.issued', document: 'mediationStatement', details: { servedOn: 'parties' } }),
              ],
            },
            'noPenalty',
          ),
        ],
        ...periodHandlers(),
        ...endings(),
      },
    },
    paused: {
      meta: { titleZh: '鉴定中' },
      description: '鉴定中 jiàndìng zhōng — appraisal under way; where the domain excludes it, the period does not run',
      tags: 'open',
      on: {
        ...appraisal.completed,
        ...periodHandlers(),
        ...endings(),
      },
    },
    notAccepted: {
      type: 'final',
      meta: { titleZh: '不予受理' },
      description: '不予受理 bùyǔ shòulǐ — the body did not accept the dispute',
      tags: 'notAccepted',
      entry: 'endCase',
    },
    agreementSigned: {
      type: 'final',
      meta: { titleZh: '调解书生效' },
      description:
        '调解书生效 tiáojiěshū shēngxiào — every party signed the mediation statement (RTSL-Reg Art. 95; MDR Art. 41)',
      tags: ['resolved', 'agreementConfirmable'],
      entry: 'endCase',
    },
    failed: {
      type: 'final',
      meta: { titleZh: '调解终结' },
      description:
        '调解终结 tiáojiě zhōngjié — no agreement; the termination statement names the routes left ' +
        '(RTSL-Reg Art. 95; MDR Art. 40)',
      tags: 'unresolved',
      entry: 'endCase',
    },
    terminatedByLitigation: {
      type: 'final',
      meta: { titleZh: '因起诉终止' },
      description:
        '因起诉终止 yīn qǐsù zhōngzhǐ — a party sued; administrative mediation ends (RTSL-Reg Art. 96; MDR Art. 40)',
      tags: 'referred',
      entry: 'endCase',
    },
    withdrawn: {
      type: 'final',
      meta: { titleZh: '撤回' },
      description: '撤回 chèhuí — withdrawn by the applicant',
      tags: 'withdrawn',
      entry: 'endCase',
    },
  },
});
function lawsuitOf(event: CaseEvent) {
  const { courtId, filedOn } = payloadOf(event, 'lawsuit.filed');
  return { courtId, filedOn: filedOn ?? event.today };
}

function acceptanceNotice() {
  return effect({ type: 'document.issued', document: 'acceptanceNotice' });
}

/** Extension (only where the period is local policy) and expiry of the mediation period. */
function periodHandlers(): Record<string, Transition[]> {
  return {
    ...periodExtension({
      kind: 'mediationPeriod',
      refusedWhen: { guard: 'periodNotExtendable', rule: RULES.PERIOD_NOT_EXTENDABLE },
    }),
    // MDR Art. 40; RTSL-Reg Art. 95: the period over without agreement counts as failed (视为调解不成).
    'deadline.expired': withPublicSecurityNotice(
      {
        guard: { type: 'deadlineDue', params: { kind: 'mediationPeriod', sort: 'limit' } },
        target: 'failed',
        actions: failure('expired'),
      },
      'penaltyProcedureResumes',
    ),
  };
}

function endings(): Record<string, Transition | Transition[]> {
  return {
    'mediation.failed': withPublicSecurityNotice({ target: 'failed', actions: failure() }, 'penaltyProcedureResumes'),
    ...litigation(),
    ...applicantWithdrawal(),
  };
}

/** RTSL-Reg Art. 96; MDR Art. 40: once a party sues, the body no longer accepts or continues mediation. */
function litigation(): Record<string, Transition[]> {
  return {
    'lawsuit.filed': [
      violation({ type: 'dateInFuture', params: { field: 'filedOn' } }, RULES.DATE_NOT_IN_FUTURE),
      {
        target: 'terminatedByLitigation',
        actions: [
          'recordLawsuit',
          { type: 'recordOutcome', params: { reason: 'lawsuitFiled' } },
          effect(({ event }) => ({
            type: 'notice.sent',
            notice: 'mediationTerminatedByLitigation',
            to: 'parties',
            details: { courtId: payloadOf(event, 'lawsuit.filed').courtId, basis: 'RTSL-Reg Art. 96; MDR Art. 40' },
          })),
        ],
      },
    ],
  };
}

export const administrativeMediationV1 = defineFlow({
  id: 'administrative-mediation',
  version: 1,
  title: 'Administrative mediation',
  titleZh: '行政调解',
  basis:
    'RTSL Art. 74; RTSL-Reg Arts. 94-96; MDR Arts. 31, 40-41; CRPL Arts. 39, 46; ' +
    'SAMR rules Arts. 14, 21; PSAPL Arts. 9, 99',
  machine: administrativeMediationMachine,
  openedBy: ['reception', 'mediator'],
  organizationFields: { courtId: 'reference' },
  intake: ADMINISTRATIVE_MEDIATION_INTAKE,
  events: ADMINISTRATIVE_MEDIATION_EVENTS,
  deadlines: ADMINISTRATIVE_MEDIATION_DEADLINES,
  rules: Object.values(RULES),
  openingRules: OPENING_RULES,
});
