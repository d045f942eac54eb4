/**
 * People's mediation 人民调解 — PML 2010 (人民调解法), MoJ-2002 (人民调解工作若干规定),
 * MDR 2018 Arts. 31, 38, 39 (medical disputes), LDMAL Art. 14 (labour disputes).
 *
 * pendingAcceptance → awaitingMediator → mediating → agreementEffective (→ nonPerformance).
 * The rule for the mediation period follows the dispute's category, not the committee.
 */
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseEvent } from '../../caseContext.js';
import { startDeadline } from '../../deadlines.js';
import { REMAINING_ROUTES } from '../../effects.js';
import { defineFlow } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violationIn, type FlowTransition } from '../../flowSetup.js';
import { agreementFrom } from '../../agreements.js';
import { applicantWithdrawal } from '../shared/applicantWithdrawal.js';
import { appraisalHandlers } from '../shared/appraisal.js';
import { periodExtension } from '../shared/periodExtension.js';
import { sessionRecorded } from '../shared/sessionRecorded.js';
import {
  agreementDeadlines,
  CONFIRMATION_WINDOW,
  mediationPeriodRule,
  MEDIATION_PERIOD,
  PEOPLE_MEDIATION_DEADLINES,
  PERFORMANCE_DUE,
} from './deadlines.js';
import { PEOPLE_MEDIATION_EVENTS, payloadOf } from './events.js';
import { RULES } from './rules.js';

export { PEOPLE_MEDIATION_RULES } from './rules.js';

const writtenOnly = (context: CaseContext) => context.category === 'medical' || context.category === 'labour';

const terminationNotice = (reason: (event: CaseEvent) => string) =>
  effect(({ event }) => ({
    type: 'document.issued',
    document: 'terminationNotice',
    details: { reason: reason(event), remainingRoutes: [...REMAINING_ROUTES] },
  }));

const appraisal = appraisalHandlers({
  kind: MEDIATION_PERIOD.medical.kind,
  pauses: 'isMedical',
  refusals: { alreadyStarted: RULES.APPRAISAL_ALREADY_STARTED, noneUnderWay: RULES.NO_APPRAISAL_UNDER_WAY },
});

const peopleMediationSetup = flowSetup.extend({
  guards: {
    isMedical: ({ context }) => context.category === 'medical',
    medicalWithoutBothSides: ({ context, event }) =>
      context.category === 'medical' && payloadOf(event, 'application.accepted').otherSideConsented !== true,
    /** `acceptedOn` before `receivedOn`: a typing error that would start the mediation period early. */
    acceptedBeforeReceipt: ({ context, event }) => {
      const { acceptedOn } = payloadOf(event, 'application.accepted');
      return acceptedOn !== undefined && acceptedOn < context.receivedOn;
    },
    /** `effectiveOn` before acceptance: a typing error that would shorten the confirmation window (PML Art. 33). */
    effectiveBeforeAcceptance: ({ context, event }) => {
      const { effectiveOn } = payloadOf(event, 'agreement.signed');
      return effectiveOn !== undefined && context.acceptedOn !== null && effectiveOn < context.acceptedOn;
    },
    medicalAcceptedElsewhere: ({ context, event }) =>
      context.category === 'medical' && event.host.acceptedElsewhere === true,
    oralWhereWrittenRequired: ({ context, event }) =>
      payloadOf(event, 'agreement.signed').form === 'oral' && writtenOnly(context),
  },
  actions: {
    startMediationPeriod: assign(({ context, event }) => {
      const accepted = { ...context, acceptedOn: payloadOf(event, 'application.accepted').acceptedOn ?? event.today };
      const period = mediationPeriodRule(accepted);
      return { acceptedOn: accepted.acceptedOn, deadlines: startDeadline(context.deadlines, period.rule, period.from) };
    }),
    recordMediator: assign(({ context, event }) => {
      const { mediatorId, chosenBy } = payloadOf(event, 'mediator.assigned');
      return { records: { ...context.records, mediatorId, mediatorChosenBy: chosenBy } };
    }),
    forgetMediator: assign(({ context }) => {
      const { mediatorId: _id, mediatorChosenBy: _by, ...records } = context.records;
      return { records };
    }),
    signAgreement: assign(({ context, event }) => {
      const agreement = agreementFrom(context, payloadOf(event, 'agreement.signed'), event.today);
      return {
        agreement,
        deadlines: agreementDeadlines(context, agreement),
      };
    }),
    clearPerformanceDue: assign(({ context }) => ({
      deadlines: context.deadlines.filter((d) => d.kind !== PERFORMANCE_DUE.kind),
    })),
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof peopleMediationSetup>;
const violation = violationIn<typeof peopleMediationSetup>();

export const peopleMediationMachine = peopleMediationSetup.createMachine({
  id: 'people-mediation',
  context: ({ input }) => baseContext(input),
  initial: 'pendingAcceptance',
  on: centreHandlers,
  states: {
    pendingAcceptance: {
      meta: { titleZh: '待受理' },
      description: '待受理 dàishòulǐ — application received, acceptance not yet decided',
      tags: 'open',
      on: {
        'application.accepted': [
          violation('medicalAcceptedElsewhere', RULES.MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE),
          violation('medicalWithoutBothSides', RULES.MEDICAL_MEDIATION_NEEDS_BOTH_SIDES),
          violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation('acceptedBeforeReceipt', RULES.ACCEPTANCE_BEFORE_RECEIPT),
          {
            target: 'awaitingMediator',
            actions: ['startMediationPeriod', effect({ type: 'document.issued', document: 'acceptanceNotice' })],
          },
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
        'party.refused': [
          violation('unknownParty', RULES.UNKNOWN_PARTY),
          // PML Art. 17: if one party clearly refuses, mediation must not proceed.
          { target: 'notAccepted', actions: { type: 'recordOutcome', params: { reason: 'partyRefuses' } } },
        ],
        ...applicantWithdrawal(),
      },
    },
    awaitingMediator: {
      meta: { titleZh: '待选定调解员' },
      description: '待选定调解员 dài xuǎndìng tiáojiěyuán — accepted, no mediator yet (PML Art. 19)',
      tags: 'open',
      on: {
        'mediator.assigned': {
          target: 'mediating',
          actions: ['recordMediator', effect({ type: 'document.issued', document: 'rightsAndDutiesNotice' })],
        },
        ...partyEndings(),
        ...periodHandlers(),
      },
    },
    mediating: {
      meta: { titleZh: '调解中' },
      description: '调解中 tiáojiě zhōng — the mediator is mediating (PML Arts. 21-22)',
      tags: 'open',
      on: {
        'mediator.recused': { target: 'awaitingMediator', actions: 'forgetMediator' },
        ...sessionRecorded(),
        // MDR Art. 38: appraisal time is not counted in a medical mediation period.
        ...appraisal.started,
        ...appraisal.completed,
        'agreement.signed': [
          violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
          violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation('effectiveBeforeAcceptance', RULES.AGREEMENT_BEFORE_ACCEPTANCE),
          violation('oralWhereWrittenRequired', RULES.WRITTEN_AGREEMENT_REQUIRED),
          violation({ type: 'agreementUnsigned', params: { sealRequired: true } }, RULES.WRITTEN_AGREEMENT_UNSIGNED),
          {
            target: 'agreementEffective',
            actions: [
              'signAgreement',
              effect(({ event }) => ({
                type: 'document.issued',
                document: 'agreement',
                details: { form: payloadOf(event, 'agreement.signed').form },
              })),
            ],
          },
        ],
        ...partyEndings(),
        ...periodHandlers(),
      },
    },
    agreementEffective: {
      meta: { titleZh: '协议生效' },
      description: '协议生效 xiéyì shēngxiào — the agreement binds the parties (PML Arts. 29-31)',
      tags: ['resolved', 'agreementConfirmable'],
      on: {
        'performance.confirmed': { target: 'performed' },
        'performance.defaulted': [
          violation('unknownParty', RULES.UNKNOWN_PARTY),
          {
            target: 'nonPerformance',
            actions: [
              'clearPerformanceDue',
              effect(({ context, event }) => ({
                type: 'notice.sent',
                notice: 'nonPerformanceRoutes',
                to: 'parties',
                details: {
                  defaultingPartyId: payloadOf(event, 'performance.defaulted').partyId,
                  routes: routesAfterDefault(context),
                },
              })),
            ],
          },
        ],
        'followUp.recorded': { actions: { type: 'recordInList', params: { list: 'followUps', fields: ['note'] } } },
      },
    },
    nonPerformance: {
      meta: { titleZh: '未履行' },
      description: '未履行 wèi lǚxíng — a party has not performed the agreement (PML Arts. 31-33)',
      tags: ['resolved', 'agreementConfirmable'],
      on: {
        'performance.confirmed': { target: 'performed' },
        'followUp.recorded': { actions: { type: 'recordInList', params: { list: 'followUps', fields: ['note'] } } },
        'case.closed': { target: 'closed', actions: 'recordOutcome' },
      },
    },
    notAccepted: {
      type: 'final',
      meta: { titleZh: '不予受理' },
      description: '不予受理 bùyǔ shòulǐ — not accepted (PML Arts. 17, 25; MoJ-2002 Art. 22)',
      tags: 'notAccepted',
      entry: 'endCase',
    },
    withdrawn: {
      type: 'final',
      meta: { titleZh: '撤回' },
      description: '撤回 chèhuí — withdrawn by the applicant',
      tags: 'withdrawn',
      entry: 'endCase',
    },
    terminated: {
      type: 'final',
      meta: { titleZh: '终止调解' },
      description: '终止调解 zhōngzhǐ tiáojiě — ended without agreement; other routes remain (PML Art. 26)',
      tags: 'unresolved',
      entry: 'endCase',
    },
    performed: {
      type: 'final',
      meta: { titleZh: '履行完毕' },
      description: '履行完毕 lǚxíng wánbì — the agreement has been performed',
      tags: 'resolved',
      entry: 'endCase',
    },
    closed: {
      type: 'final',
      meta: { titleZh: '结案' },
      description: '结案 jié’àn — an agreement exists; its enforcement went elsewhere',
      tags: 'resolved',
      entry: 'endCase',
    },
  },
});
/** Events that end mediation before an agreement: refusal, termination, withdrawal (PML Arts. 23, 26). */
function partyEndings(): Record<string, Transition | Transition[]> {
  return {
    'party.refused': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      {
        target: 'terminated',
        actions: [
          { type: 'recordOutcome', params: { reason: 'partyRefused' } },
          terminationNotice(() => 'partyRefused'),
        ],
      },
    ],
    'mediation.terminated': {
      target: 'terminated',
      actions: [
        'recordOutcome',
        terminationNotice((e) => payloadOf(e, 'mediation.terminated').reason),
        effect(({ event }) =>
          // PML Art. 25: a dispute that may turn criminal or into a public-order case is reported.
          payloadOf(event, 'mediation.terminated').reason === 'riskReported'
            ? { type: 'notice.sent', notice: 'riskReported', to: 'organization', details: { basis: 'PML Art. 25' } }
            : { type: 'notice.sent', notice: 'mediationTerminated', to: 'parties' },
        ),
      ],
    },
    ...applicantWithdrawal(),
  };
}

/** The mediation period's extension and expiry, handled while the period runs. */
function periodHandlers(): Record<string, Transition | Transition[]> {
  return {
    ...periodExtension({ kind: MEDIATION_PERIOD.default.kind }),
    'deadline.expired': [
      {
        guard: { type: 'deadlineDue', params: { kind: MEDIATION_PERIOD.default.kind, sort: 'limit' } },
        target: 'terminated',
        actions: [{ type: 'recordOutcome', params: { reason: 'expired' } }, terminationNotice(() => 'expired')],
      },
      {
        // LDMAL Art. 14: after 15 days without agreement a party may apply for arbitration; mediation may go on.
        guard: { type: 'deadlineDue', params: { kind: MEDIATION_PERIOD.default.kind, sort: 'target' } },
        actions: [
          'markDeadlineExpired',
          effect({ type: 'document.issued', document: 'arbitrationNotice', details: { basis: 'LDMAL Art. 14' } }),
        ],
      },
    ],
  };
}

/** The routes offered after a default: judicial confirmation only while its window is open (PML Art. 33). */
function routesAfterDefault(context: CaseContext): string[] {
  const window = context.deadlines.find((d) => d.kind === CONFIRMATION_WINDOW.kind);
  return [...(window?.status === 'running' ? ['judicialConfirmation'] : []), 'paymentOrder', 'litigation'];
}

export const peopleMediationV1 = defineFlow({
  id: 'people-mediation',
  version: 1,
  title: 'People’s mediation',
  titleZh: '人民调解',
  basis: 'PML 2010; MoJ-2002; MDR Arts. 31, 38, 39; LDMAL Art. 14',
  machine: peopleMediationMachine,
  openedBy: ['reception', 'mediator'],
  organizationFields: {},
  intake: {},
  events: PEOPLE_MEDIATION_EVENTS,
  deadlines: PEOPLE_MEDIATION_DEADLINES,
  rules: Object.values(RULES),
});
