/**
 * People's mediation 人民调解 — PML 2010 (人民调解法), MoJ-2002 (人民调解工作若干规定),
 * MDR 2018 Arts. 31, 38, 39 (medical disputes), LDMAL Art. 14 (labour disputes).
 *
 * pendingAcceptance → awaitingMediator → mediating → agreementEffective (→ nonPerformance).
 * The rule for the mediation period follows the dispute's category, not the committee.
 */
import type { IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { Agreement, CaseContext, CaseEvent } from '../../caseContext.js';
import { setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { REMAINING_ROUTES } from '../../effects.js';
import { defineFlow, type EventSpec } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, SESSION_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';
import { agreementFrom, agreementPayloadSpec, checkSignatures, firstUnknownPartyInAgreement, lastTermDueOn } from '../../agreements.js';

export const PEOPLE_MEDIATION_RULES = defineRules({
  WRITTEN_AGREEMENT_UNSIGNED: {
    basis: 'PML Art. 29',
    requirement:
      'a written agreement takes effect only when every bound party has signed, sealed or fingerprinted it, the mediator has signed it and the committee’s seal is affixed',
  },
  WRITTEN_AGREEMENT_REQUIRED: {
    basis: 'MDR Art. 39 (medical); LDMAL Art. 14 (labour)',
    requirement: 'medical and labour disputes end in a written agreement; an oral agreement is not enough',
  },
  MEDICAL_MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'MDR Art. 31',
    requirement: 'a medical dispute is mediated on a joint application, or on one side’s application with the other side’s consent',
  },
  MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE: {
    basis: 'MDR Art. 31',
    requirement: 'a medical dispute already accepted by a court or by the health department’s administrative mediation is not accepted',
  },
  ACCEPTANCE_BEFORE_RECEIPT: {
    basis: 'MoJ-2002 Art. 33; MDR Art. 38',
    requirement:
      'an application is accepted on or after the day it was received; the mediation period counts from acceptance, so an earlier date would shorten it',
  },
  AGREEMENT_BEFORE_ACCEPTANCE: {
    basis: 'PML Arts. 28, 33',
    requirement:
      'a mediation agreement reached through the committee takes effect on or after the day the committee accepted the dispute; the 30 days to apply for judicial confirmation count from its effect',
  },
  APPRAISAL_ALREADY_STARTED: {
    basis: 'MDR Art. 38',
    requirement: 'an appraisal that is under way must complete before another starts',
  },
  NO_APPRAISAL_UNDER_WAY: {
    basis: 'MDR Art. 38',
    requirement: 'an appraisal completes only after it has started',
  },
});

const RULES = { ...COMMON_RULES, ...PEOPLE_MEDIATION_RULES };

/** The mediation period per category (flows.md, people-mediation "Per category"). */
const MEDIATION_PERIOD = {
  /** *(cfg)* MoJ-2002 Art. 33 (medium): generally one month; SZ-DR Art. 25 uses 30 days. */
  default: {
    kind: 'mediationPeriod',
    sort: 'limit',
    basis: 'MoJ-2002 Art. 33',
    length: 1,
    unit: 'month',
    remindWorkingDaysBefore: 3,
  },
  /** Medical: 30 working days from acceptance, appraisal time excluded. */
  medical: {
    kind: 'mediationPeriod',
    sort: 'limit',
    basis: 'MDR Art. 38',
    length: 30,
    unit: 'workingDay',
    remindWorkingDaysBefore: 3,
  },
  /** Labour: 15 days from receipt; afterwards the parties may apply for arbitration, mediation may go on. */
  labour: { kind: 'mediationPeriod', sort: 'target', basis: 'LDMAL Art. 14', length: 15, unit: 'day' },
} as const satisfies Record<string, DeadlineRule>;

const CONFIRMATION_WINDOW: DeadlineRule = {
  kind: 'confirmationWindow',
  sort: 'window',
  basis: 'PML Art. 33; CPL Art. 205',
  length: 30,
  unit: 'day',
};

const REJECTION_REASONS = [
  'outOfScope',
  'reservedToOtherBody',
  'alreadyHandledByAuthority',
  'criminalOrPublicOrder',
  'administrativeDispute',
  'partyRefuses',
] as const;
const TERMINATION_REASONS = ['noAgreement', 'partyRefused', 'expired', 'courtAccepted', 'riskReported', 'other'] as const;
const CLOSING_ROUTES = ['judicialConfirmation', 'paymentOrder', 'litigation', 'arbitration', 'abandoned'] as const;

const LOCAL_POLICY_BASIS = 'local policy (cfg)';

function mediationPeriodRule(context: CaseContext): { rule: DeadlineRule; from: IsoDate } | null {
  if (context.category === 'medical') return { rule: MEDIATION_PERIOD.medical, from: context.acceptedOn! };
  if (context.category === 'labour') return { rule: MEDIATION_PERIOD.labour, from: context.receivedOn };
  const local = context.policy.mediationPeriod;
  if (!local) return { rule: MEDIATION_PERIOD.default, from: context.acceptedOn! };
  // A local period cites the local rule, not MoJ-2002 Art. 33's month it replaces.
  return { rule: { ...MEDIATION_PERIOD.default, ...local, basis: local.basis ?? LOCAL_POLICY_BASIS }, from: context.acceptedOn! };
}

const writtenOnly = (context: CaseContext) => context.category === 'medical' || context.category === 'labour';

const terminationNotice = (reason: (event: CaseEvent) => string) =>
  effect(({ event }) => ({
    type: 'document.issued',
    document: 'terminationNotice',
    details: { reason: reason(event), remainingRoutes: [...REMAINING_ROUTES] },
  }));

export const peopleMediationMachine = flowSetup
  .extend({
    guards: {
      isMedical: ({ context }) => context.category === 'medical',
      medicalWithoutBothSides: ({ context, event }) => context.category === 'medical' && event.payload.otherSideConsented !== true,
      /** `acceptedOn` before `receivedOn`: a typing error that would start the mediation period early. */
      acceptedBeforeReceipt: ({ context, event }) => typeof event.payload.acceptedOn === 'string' && event.payload.acceptedOn < context.receivedOn,
      /** `effectiveOn` before acceptance: a typing error that would shorten the confirmation window (PML Art. 33). */
      effectiveBeforeAcceptance: ({ context, event }) =>
        typeof event.payload.effectiveOn === 'string' && context.acceptedOn !== null && event.payload.effectiveOn < context.acceptedOn,
      medicalAcceptedElsewhere: ({ context, event }) => context.category === 'medical' && event.host.acceptedElsewhere === true,
      oralWhereWrittenRequired: ({ context, event }) => event.payload.form === 'oral' && writtenOnly(context),
      agreementUnsigned: ({ context, event }) => checkSignatures(context, event.payload as never) !== 'ok',
      agreementNamesUnknownParty: ({ context, event }) => firstUnknownPartyInAgreement(context, event.payload as never) !== undefined,
      appraisalUnderWay: ({ context }) => context.records.appraisalStartedOn !== undefined,
      noAppraisalUnderWay: ({ context }) => context.records.appraisalStartedOn === undefined,
    },
    actions: {
      startMediationPeriod: assign(({ context, event }) => {
        const accepted = { ...context, acceptedOn: event.payload.acceptedOn ?? event.today };
        const period = mediationPeriodRule(accepted)!;
        return { acceptedOn: accepted.acceptedOn, deadlines: startDeadline(context.deadlines, period.rule, period.from) };
      }),
      recordMediator: assign(({ context, event }) => ({
        records: { ...context.records, mediatorId: event.payload.mediatorId, mediatorChosenBy: event.payload.chosenBy },
      })),
      forgetMediator: assign(({ context }) => {
        const { mediatorId: _id, mediatorChosenBy: _by, ...records } = context.records;
        return { records };
      }),
      startAppraisal: assign(({ context, event }) => ({ records: { ...context.records, appraisalStartedOn: event.today } })),
      completeAppraisal: assign(({ context, event }) => {
        const { appraisalStartedOn, ...records } = context.records;
        const appraisals = [...((records.appraisals as unknown[]) ?? []), { startedOn: appraisalStartedOn, completedOn: event.today }];
        return { records: { ...records, appraisals } };
      }),
      signAgreement: assign(({ context, event }) => {
        const agreement = agreementFrom(context, event.payload as never, event.today);
        return {
          agreement,
          deadlines: agreementDeadlines(context, agreement),
        };
      }),
      clearPerformanceDue: assign(({ context }) => ({
        deadlines: context.deadlines.filter((d) => d.kind !== 'performanceDue'),
      })),
    },
  })
  .createMachine({
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
              effect(({ event }) => ({ type: 'document.issued', document: 'rejectionNotice', details: { reason: event.payload.reason } })),
            ],
          },
          'party.refused': [
            violation('unknownParty', RULES.UNKNOWN_PARTY),
            // PML Art. 17: if one party clearly refuses, mediation must not proceed.
            { target: 'notAccepted', actions: { type: 'recordOutcome', params: { reason: 'partyRefuses' } } },
          ],
          'case.withdrawn': [
            violation('unknownParty', RULES.UNKNOWN_PARTY),
            violation('notAnApplicant', RULES.WITHDRAWAL_BY_APPLICANT),
            { target: 'withdrawn', actions: { type: 'recordOutcome', params: { reason: 'withdrawnByApplicant' } } },
          ],
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
          'session.recorded': [
            violation({ type: 'dateInFuture', params: { field: 'heldOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              actions: [
                { type: 'recordInList', params: { list: 'sessions', fields: ['heldOn', 'summary'] } },
                effect(({ event }) => ({ type: 'document.issued', document: 'mediationRecord', details: { heldOn: event.payload.heldOn } })),
              ],
            },
          ],
          'appraisal.started': [
            violation('appraisalUnderWay', RULES.APPRAISAL_ALREADY_STARTED),
            // MDR Art. 38: appraisal time is not counted in a medical mediation period.
            { guard: 'isMedical', actions: ['startAppraisal', { type: 'pauseDeadline', params: { kind: 'mediationPeriod' } }] },
            { actions: 'startAppraisal' },
          ],
          'appraisal.completed': [
            violation('noAppraisalUnderWay', RULES.NO_APPRAISAL_UNDER_WAY),
            { guard: 'isMedical', actions: ['completeAppraisal', { type: 'resumeDeadline', params: { kind: 'mediationPeriod' } }] },
            { actions: 'completeAppraisal' },
          ],
          'agreement.signed': [
            violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
            violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('effectiveBeforeAcceptance', RULES.AGREEMENT_BEFORE_ACCEPTANCE),
            violation('oralWhereWrittenRequired', RULES.WRITTEN_AGREEMENT_REQUIRED),
            violation('agreementUnsigned', RULES.WRITTEN_AGREEMENT_UNSIGNED),
            {
              target: 'agreementEffective',
              actions: [
                'signAgreement',
                effect(({ event }) => ({ type: 'document.issued', document: 'agreement', details: { form: event.payload.form } })),
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
                { type: 'recordOutcome', params: {} },
                effect(({ context, event }) => ({
                  type: 'notice.sent',
                  notice: 'nonPerformanceRoutes',
                  to: 'parties',
                  details: { defaultingPartyId: event.payload.partyId, routes: routesAfterDefault(context) },
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
function partyEndings(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'party.refused': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      {
        target: 'terminated',
        actions: [{ type: 'recordOutcome', params: { reason: 'partyRefused' } }, terminationNotice(() => 'partyRefused')],
      },
    ],
    'mediation.terminated': {
      target: 'terminated',
      actions: [
        'recordOutcome',
        terminationNotice((e) => e.payload.reason),
        effect(({ event }) =>
          // PML Art. 25: a dispute that may turn criminal or into a public-order case is reported.
          event.payload.reason === 'riskReported'
            ? { type: 'notice.sent', notice: 'riskReported', to: 'organization', details: { basis: 'PML Art. 25' } }
            : { type: 'notice.sent', notice: 'mediationTerminated', to: 'parties' },
        ),
      ],
    },
    'case.withdrawn': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      violation('notAnApplicant', RULES.WITHDRAWAL_BY_APPLICANT),
      { target: 'withdrawn', actions: { type: 'recordOutcome', params: { reason: 'withdrawnByApplicant' } } },
    ],
  };
}

/** The mediation period's extension and expiry, handled while the period runs. */
function periodHandlers(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'period.extended': [
      violation({ type: 'unknownPartyIn', params: { field: 'consentingPartyIds' } }, RULES.UNKNOWN_PARTY),
      violation('notEveryPartyConsents', RULES.ALL_PARTIES_MUST_CONSENT),
      {
        actions: [
          { type: 'extendDeadline', params: { kind: 'mediationPeriod' } },
          { type: 'recordInList', params: { list: 'extensions', fields: ['length', 'unit', 'consentingPartyIds'] } },
        ],
      },
    ],
    'deadline.expired': [
      {
        guard: { type: 'deadlineDue', params: { kind: 'mediationPeriod', sort: 'limit' } },
        target: 'terminated',
        actions: [{ type: 'recordOutcome', params: { reason: 'expired' } }, terminationNotice(() => 'expired')],
      },
      {
        // LDMAL Art. 14: after 15 days without agreement a party may apply for arbitration; mediation may go on.
        guard: { type: 'deadlineDue', params: { kind: 'mediationPeriod', sort: 'target' } },
        actions: [
          'markDeadlineExpired',
          effect({ type: 'document.issued', document: 'arbitrationNotice', details: { basis: 'LDMAL Art. 14' } }),
        ],
      },
    ],
  };
}

function agreementDeadlines(context: CaseContext, agreement: Agreement) {
  let deadlines = context.deadlines.filter((d) => d.kind !== 'mediationPeriod');
  deadlines = startDeadline(deadlines, CONFIRMATION_WINDOW, agreement.effectiveOn);
  const performanceDueOn = lastTermDueOn(agreement);
  if (performanceDueOn) {
    deadlines = setDeadlineOn(
      deadlines,
      { kind: 'performanceDue', sort: 'target', basis: 'PML Art. 31' },
      performanceDueOn,
      agreement.effectiveOn,
    );
  }
  return deadlines;
}

/** The routes offered after a default: judicial confirmation only while its window is open (PML Art. 33). */
function routesAfterDefault(context: CaseContext): string[] {
  const window = context.deadlines.find((d) => d.kind === 'confirmationWindow');
  return [...(window?.status === 'running' ? ['judicialConfirmation'] : []), 'paymentOrder', 'litigation'];
}

const PEOPLE_MEDIATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description: '受理: the committee accepts the application; starts the mediation period',
    by: ['reception', 'mediator'],
    payload: field.object({
      acceptedOn: field.optional(field.date()),
      otherSideConsented: field.optional(
        field.boolean({ description: 'medical disputes: the other side applied too or consented (MDR Art. 31)' }),
      ),
    }),
  },
  'application.rejected': {
    titleZh: '不予受理',
    description: '不予受理: the committee does not accept the dispute',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS) }),
  },
  'party.refused': {
    titleZh: '当事人拒绝调解',
    description: 'a party refuses mediation (PML Arts. 17, 23)',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
  'mediator.assigned': {
    titleZh: '选定调解员',
    description: '选定调解员: designated by the committee or chosen by the parties (PML Art. 19)',
    by: ['reception', 'mediator', 'supervisor'],
    payload: field.object({ mediatorId: field.id(), chosenBy: field.oneOf(['committee', 'parties'] as const) }),
  },
  'mediator.recused': {
    titleZh: '回避',
    description: '回避: the mediator steps aside',
    by: ['mediator', 'supervisor'],
    payload: field.object({ reason: field.text() }),
  },
  'session.recorded': {
    titleZh: '调解记录',
    description: '调解记录: a session was held (PML Art. 27)',
    by: ['mediator'],
    payload: SESSION_PAYLOAD,
  },
  'appraisal.started': {
    titleZh: '鉴定开始',
    description: '鉴定开始: pauses a medical mediation period (MDR Art. 38)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'appraisal.completed': {
    titleZh: '鉴定完成',
    description: '鉴定完成: resumes the period with the time that was left',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'period.extended': {
    titleZh: '延长调解期限',
    description: '延长调解期限: with every party’s consent',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '达成调解协议',
    description: '达成调解协议: written (PML Art. 29) or oral (PML Art. 30)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: true }),
  },
  'mediation.terminated': {
    titleZh: '终止调解',
    description: '终止调解: the termination notice names the routes left (PML Art. 26)',
    by: ['mediator'],
    payload: field.object({ reason: field.oneOf(TERMINATION_REASONS), note: field.optional(field.text()) }),
  },
  'case.withdrawn': {
    titleZh: '撤回',
    description: '撤回: an applicant withdraws',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
  'performance.confirmed': {
    titleZh: '履行完毕',
    description: '履行完毕: the agreement has been performed',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'performance.defaulted': {
    titleZh: '不履行',
    description: '不履行: a party has not performed; judicial confirmation, payment order or litigation remain',
    by: ['mediator'],
    payload: PARTY_PAYLOAD,
  },
  'followUp.recorded': {
    titleZh: '回访',
    description: '回访: a follow-up visit on performance (PML Art. 31)',
    by: ['mediator'],
    payload: field.object({ note: field.text() }),
  },
  'case.closed': {
    titleZh: '结案',
    description: '结案: enforcement went another way',
    by: ['mediator'],
    payload: field.object({ route: field.oneOf(CLOSING_ROUTES) }),
  },
} as const satisfies Record<string, EventSpec>;

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
  deadlines: [
    {
      kind: 'mediationPeriod',
      sort: 'limit',
      basis: 'MoJ-2002 Art. 33 (cfg); MDR Art. 38 (medical); LDMAL Art. 14 (labour: target)',
      description: '1 month from acceptance (cfg); medical 30 working days, appraisal paused; labour a 15-day target from receipt',
    },
    { kind: 'confirmationWindow', sort: 'window', basis: 'PML Art. 33; CPL Art. 205', description: '30 days from the agreement’s effect to apply jointly for judicial confirmation' },
    { kind: 'performanceDue', sort: 'target', basis: 'PML Art. 31', description: 'the last term’s due date' },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
});
