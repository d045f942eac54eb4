/**
 * Delegated (pre-filing) mediation 委派调解 — the court sends a dispute to the centre before
 * registering it: SPC-Invited 2016 (最高人民法院关于人民法院特邀调解的规定) Arts. 11-27 and
 * SPC-Online 2021 (人民法院在线调解规则) Arts. 10-26.
 *
 * awaitingMediator → awaitingMediatorConfirmation → contactingParties → mediating ⇄ paused
 * (appraisal), suspended (suspected false mediation). The case counts as accepted at opening:
 * the court has already obtained the parties' consent to delegation (SPC-Invited Art. 11).
 */
import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { agreementFrom, agreementPayloadSpec, checkSignatures, firstUnknownPartyInAgreement } from '../../agreements.js';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseEvent } from '../../caseContext.js';
import { startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow, type EventSpec } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, SESSION_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';

export const DELEGATED_MEDIATION_RULES = defineRules({
  // The common rule cites PML Art. 23 (people's mediation); a court-delegated mediation ends by
  // withdrawal under SPC-Online Art. 25(2) (the parties settled, the request is withdrawn) and
  // SPC-Invited Art. 26(2) (the request for mediation is withdrawn).
  WITHDRAWAL_BY_APPLICANT: {
    basis: 'SPC-Online Art. 25; SPC-Invited Art. 26',
    requirement: 'only an applicant may withdraw the case',
  },
  CONFIRMATION_BEFORE_ASSIGNMENT: {
    basis: 'SPC-Online Arts. 12, 24',
    requirement: 'a mediator confirms the delegation on or after the day it was assigned; the 30 days of mediation count from the confirmation',
  },
  AGREEMENT_UNSIGNED: {
    basis: 'SPC-Invited Art. 24; SPC-Online Art. 19',
    requirement:
      'a delegated mediation agreement takes effect when every bound party has signed, sealed or fingerprinted it; the mediator signs it too',
  },
});

const RULES = { ...COMMON_RULES, ...DELEGATED_MEDIATION_RULES };

/** SPC-Online Art. 10: the parties have 2 working days to choose jointly; then the organisation or court designates. */
const MEDIATOR_CHOICE: DeadlineRule = { kind: 'mediatorChoice', sort: 'target', basis: 'SPC-Online Art. 10', length: 2, unit: 'workingDay' };

/** SPC-Online Art. 12: the mediator confirms or declines within 3 working days of receiving the delegation. */
const MEDIATOR_CONFIRMATION: DeadlineRule = {
  kind: 'mediatorConfirmation',
  sort: 'target',
  basis: 'SPC-Online Art. 12',
  length: 3,
  unit: 'workingDay',
};

/** SPC-Online Art. 15: the mediator helps reach the other side within 3 working days of accepting. */
const PARTY_CONTACT: DeadlineRule = { kind: 'partyContact', sort: 'target', basis: 'SPC-Online Art. 15', length: 3, unit: 'workingDay' };

/**
 * SPC-Invited Art. 27; SPC-Online Art. 24: 30 days from the mediator's acceptance, extendable
 * without limit with every party's consent; appraisal time is not counted (SPC-Online Art. 26).
 */
const MEDIATION_PERIOD: DeadlineRule = {
  kind: 'mediationPeriod',
  sort: 'limit',
  basis: 'SPC-Invited Art. 27; SPC-Online Art. 24',
  length: 30,
  unit: 'day',
};

/** CPL Art. 205: a joint application for judicial confirmation within 30 days of the agreement's effect. */
const CONFIRMATION_WINDOW_DAYS = 30;

const CHOSEN_BY = ['parties', 'organization', 'court'] as const;
const TERMINATION_REASONS = ['gapTooWide', 'partyUnwilling', 'refusedToSign', 'falseMediation', 'other'] as const;

const facts = (context: CaseContext) => context.facts as { courtId: string; courtReference?: string };
const courtOf = (context: CaseContext) => ({
  courtId: facts(context).courtId,
  ...(facts(context).courtReference ? { courtReference: facts(context).courtReference } : {}),
});

/**
 * The failure report back to the court (SPC-Invited Arts. 21, 26; SPC-Online Art. 21): the
 * reasons and, when the parties confirmed them, the undisputed facts; the court registers the
 * case if the claimant insists.
 */
const returnToCourt = (fixedReason?: string) => {
  const reasonOf = (event: CaseEvent): string => fixedReason ?? event.payload.reason;
  return [
    { type: 'recordOutcome', params: fixedReason ? { reason: fixedReason } : {} },
    effect(({ context, event }) => ({
      type: 'document.issued',
      document: 'failureReport',
      details: {
        reason: reasonOf(event),
        ...(event.payload.undisputedFacts ? { undisputedFacts: event.payload.undisputedFacts } : {}),
        ...courtOf(context),
      },
    })),
    effect(({ context, event }) => ({
      type: 'notice.sent',
      notice: 'returnedForFiling',
      to: 'court',
      details: { reason: reasonOf(event), basis: 'SPC-Invited Arts. 21, 26', ...courtOf(context) },
    })),
  ];
};

export const delegatedMediationMachine = flowSetup
  .extend({
    guards: {
      // A confirmation dated before the assignment can only be a typing error, and would start the 30 days early.
      confirmedBeforeAssignment: ({ context, event }) => {
        const assignedOn = context.records.mediatorAssignedOn as IsoDate | undefined;
        return assignedOn !== undefined && event.payload.confirmedOn !== undefined && event.payload.confirmedOn < assignedOn;
      },
      agreementUnsigned: ({ context, event }) => checkSignatures(context, event.payload as never, { sealRequired: false }) !== 'ok',
      agreementNamesUnknownParty: ({ context, event }) => firstUnknownPartyInAgreement(context, event.payload as never) !== undefined,
      appraisalUnderWay: ({ context }) => context.records.appraisalStartedOn !== undefined,
    },
    actions: {
      recordMediator: assign(({ context, event }) => ({
        records: { ...context.records, mediatorId: event.payload.mediatorId, mediatorChosenBy: event.payload.chosenBy, mediatorAssignedOn: event.today },
        deadlines: startDeadline(
          context.deadlines.filter((d) => d.kind !== MEDIATOR_CHOICE.kind),
          MEDIATOR_CONFIRMATION,
          event.today,
        ),
      })),
      // SPC-Online Art. 12: after a decline the court or the parties choose again.
      forgetMediator: assign(({ context, event }) => {
        const { mediatorId, mediatorChosenBy: _by, mediatorAssignedOn: _on, ...records } = context.records;
        const declines = [...((records.declines as unknown[]) ?? []), { on: event.today, mediatorId, reason: event.payload.reason }];
        return {
          records: { ...records, declines },
          deadlines: startDeadline(
            context.deadlines.filter((d) => d.kind !== MEDIATOR_CONFIRMATION.kind),
            MEDIATOR_CHOICE,
            event.today,
          ),
        };
      }),
      // SPC-Online Art. 24: the period runs from the day the mediator accepts the delegation.
      confirmMediator: assign(({ context, event }) => {
        const confirmedOn: IsoDate = event.payload.confirmedOn ?? event.today;
        const others = context.deadlines.filter((d) => d.kind !== MEDIATOR_CONFIRMATION.kind);
        return {
          records: { ...context.records, mediatorConfirmedOn: confirmedOn },
          deadlines: startDeadline(startDeadline(others, MEDIATION_PERIOD, confirmedOn), PARTY_CONTACT, confirmedOn),
        };
      }),
      clearPartyContact: assign(({ context }) => ({
        deadlines: context.deadlines.filter((d) => d.kind !== PARTY_CONTACT.kind),
      })),
      startAppraisal: assign(({ context, event }) => ({ records: { ...context.records, appraisalStartedOn: event.today } })),
      completeAppraisal: assign(({ context, event }) => {
        const { appraisalStartedOn, ...records } = context.records;
        const appraisals = [...((records.appraisals as unknown[]) ?? []), { startedOn: appraisalStartedOn, completedOn: event.today }];
        return { records: { ...records, appraisals } };
      }),
      suspend: assign(({ context, event }) => ({
        records: { ...context.records, suspendedOn: event.today, suspicionNote: event.payload.note },
      })),
      clearSuspension: assign(({ context, event }) => {
        const { suspendedOn, suspicionNote: _note, ...records } = context.records;
        const suspensions = [...((records.suspensions as unknown[]) ?? []), { suspendedOn, clearedOn: event.today }];
        return { records: { ...records, suspensions } };
      }),
      signAgreement: assign(({ context, event }) => {
        const agreement = agreementFrom(context, event.payload as never, event.today);
        // Recorded as information: the case ends here, judicial confirmation is a case of its own.
        const confirmableUntil = computeDueDate({ from: agreement.effectiveOn, length: CONFIRMATION_WINDOW_DAYS, unit: 'day' }).dueOn;
        return { agreement, records: { ...context.records, confirmableUntil } };
      }),
    },
  })
  .createMachine({
    id: 'delegated-mediation',
    context: ({ input }) => {
      const context = baseContext(input);
      return {
        ...context,
        // No acceptance step: the court delegated with the parties' consent (SPC-Invited Art. 11).
        acceptedOn: context.openedOn,
        facts: { courtId: input.input.courtId, ...(input.input.courtReference ? { courtReference: input.input.courtReference } : {}) },
        deadlines: startDeadline([], MEDIATOR_CHOICE, context.receivedOn),
      };
    },
    initial: 'awaitingMediator',
    on: centreHandlers,
    states: {
      awaitingMediator: {
        meta: { titleZh: '待选定调解员' },
        description: '待选定调解员 dài xuǎndìng tiáojiěyuán — the parties choose a mediator, else the organisation or court designates (SPC-Online Art. 10)',
        tags: 'open',
        on: {
          'mediator.assigned': { target: 'awaitingMediatorConfirmation', actions: 'recordMediator' },
          ...refusalOfMediation(),
          ...withdrawal(),
        },
      },
      awaitingMediatorConfirmation: {
        meta: { titleZh: '待调解员确认' },
        description: '待调解员确认 dài tiáojiěyuán quèrèn — the mediator confirms or declines the delegation (SPC-Online Art. 12)',
        tags: 'open',
        on: {
          'mediator.confirmed': [
            violation({ type: 'dateInFuture', params: { field: 'confirmedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('confirmedBeforeAssignment', RULES.CONFIRMATION_BEFORE_ASSIGNMENT),
            { target: 'contactingParties', actions: 'confirmMediator' },
          ],
          'mediator.declined': { target: 'awaitingMediator', actions: 'forgetMediator' },
          ...refusalOfMediation(),
          ...withdrawal(),
        },
      },
      contactingParties: {
        meta: { titleZh: '联系当事人' },
        description: '联系当事人 liánxì dāngshìrén — reaching the other side and asking whether it agrees to mediate (SPC-Online Art. 15)',
        tags: 'open',
        on: {
          'parties.reached': {
            target: 'mediating',
            actions: [
              'clearPartyContact',
              // SPC-Invited Art. 14; SPC-Online Art. 17: rights, duties and the agreement's effect before the session.
              effect({ type: 'document.issued', document: 'rightsAndDutiesNotice' }),
            ],
          },
          ...partyEndings(),
          ...periodExpiry(),
          ...withdrawal(),
        },
      },
      mediating: {
        meta: { titleZh: '调解中' },
        description: '调解中 tiáojiě zhōng — the invited mediator is mediating (SPC-Invited Arts. 14-17)',
        tags: 'open',
        on: {
          'session.recorded': [
            violation({ type: 'dateInFuture', params: { field: 'heldOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              actions: [
                { type: 'recordInList', params: { list: 'sessions', fields: ['heldOn', 'summary'] } },
                effect(({ event }) => ({ type: 'document.issued', document: 'mediationRecord', details: { heldOn: event.payload.heldOn } })),
              ],
            },
          ],
          // SPC-Online Art. 26: appraisal time is not counted in the mediation period.
          'appraisal.started': {
            target: 'paused',
            actions: ['startAppraisal', { type: 'pauseDeadline', params: { kind: MEDIATION_PERIOD.kind } }],
          },
          'falseMediation.suspected': suspicion(),
          'agreement.signed': [
            violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
            violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('agreementUnsigned', RULES.AGREEMENT_UNSIGNED),
            {
              target: 'agreed',
              actions: [
                'signAgreement',
                { type: 'recordOutcome', params: { reason: 'agreed' } },
                // SPC-Invited Art. 19: served on the parties and filed with the court for the record.
                effect({ type: 'document.issued', document: 'agreement', details: { servedOn: 'parties' } }),
                effect(({ context }) => ({
                  type: 'notice.sent',
                  notice: 'agreementFiledForRecord',
                  to: 'court',
                  details: { basis: 'SPC-Invited Art. 19', ...courtOf(context) },
                })),
              ],
            },
          ],
          ...periodExtension(),
          ...termination(),
          ...partyEndings(),
          ...periodExpiry(),
          ...withdrawal(),
        },
      },
      paused: {
        meta: { titleZh: '鉴定中' },
        description: '鉴定中 jiàndìng zhōng — pre-filing appraisal under way; the period does not run (SPC-Online Art. 26)',
        tags: 'open',
        on: {
          'appraisal.completed': {
            target: 'mediating',
            actions: ['completeAppraisal', { type: 'resumeDeadline', params: { kind: MEDIATION_PERIOD.kind } }],
          },
          'falseMediation.suspected': suspicion(),
          ...periodExtension(),
          ...termination(),
          ...withdrawal(),
        },
      },
      suspended: {
        meta: { titleZh: '中止调解' },
        description: '中止调解 zhōngzhǐ tiáojiě — suspected false mediation reported; the court or organisation examines it (SPC-Invited Art. 18)',
        tags: 'open',
        on: {
          'falseMediation.cleared': [
            // An appraisal that was under way when the suspicion arose still keeps the period paused.
            { guard: 'appraisalUnderWay', target: 'paused', actions: 'clearSuspension' },
            { target: 'mediating', actions: ['clearSuspension', { type: 'resumeDeadline', params: { kind: MEDIATION_PERIOD.kind } }] },
          ],
          ...termination(),
          ...withdrawal(),
        },
      },
      agreed: {
        type: 'final',
        meta: { titleZh: '调解成功' },
        description: '调解成功 tiáojiě chénggōng — agreement reached, served and filed with the court for the record (SPC-Invited Arts. 19, 24)',
        tags: ['resolved', 'agreementConfirmable'],
        entry: 'endCase',
      },
      returnedForFiling: {
        type: 'final',
        meta: { titleZh: '退回立案' },
        description: '退回立案 tuìhuí lì’àn — no agreement; the failure report and the materials go back to the court (SPC-Invited Art. 21; SPC-Online Art. 21)',
        tags: 'unresolved',
        entry: 'endCase',
      },
      withdrawn: {
        type: 'final',
        meta: { titleZh: '撤回' },
        description: '撤回 chèhuí — the parties settled themselves and withdrew (SPC-Online Art. 25)',
        tags: 'withdrawn',
        entry: 'endCase',
      },
    },
  });

/** SPC-Invited Art. 12; SPC-Online Art. 14: a party who rejects the designation refuses mediation. */
function refusalOfMediation(): Record<string, FlowTransition[]> {
  return {
    'party.refused': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      { target: 'returnedForFiling', actions: returnToCourt('partyUnwilling') },
    ],
  };
}

/** SPC-Online Arts. 15, 25: the other side cannot be reached or will not mediate. */
function partyEndings(): Record<string, FlowTransition[]> {
  return {
    'party.unreachable': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      { target: 'returnedForFiling', actions: returnToCourt('unreachable') },
    ],
    ...refusalOfMediation(),
  };
}

/** SPC-Invited Art. 26; SPC-Online Art. 25: the mediator ends mediation and reports to the court. */
function termination(): Record<string, FlowTransition> {
  return {
    'mediation.terminated': { target: 'returnedForFiling', actions: returnToCourt() },
  };
}

/** SPC-Invited Art. 18: the mediator suspends and reports to the court or the organisation. */
function suspicion(): FlowTransition {
  return {
    target: 'suspended',
    actions: [
      'suspend',
      { type: 'pauseDeadline', params: { kind: MEDIATION_PERIOD.kind } },
      effect(({ context, event }) => ({
        type: 'notice.sent',
        notice: 'falseMediationSuspected',
        to: 'court',
        details: { note: event.payload.note, basis: 'SPC-Invited Art. 18', ...courtOf(context) },
      })),
    ],
  };
}

/** SPC-Online Art. 24: every party may agree to extend; there is no cap. */
function periodExtension(): Record<string, FlowTransition[]> {
  return {
    'period.extended': [
      violation({ type: 'unknownPartyIn', params: { field: 'consentingPartyIds' } }, RULES.UNKNOWN_PARTY),
      violation('notEveryPartyConsents', RULES.ALL_PARTIES_MUST_CONSENT),
      {
        actions: [
          { type: 'extendDeadline', params: { kind: MEDIATION_PERIOD.kind } },
          { type: 'recordInList', params: { list: 'extensions', fields: ['length', 'unit', 'consentingPartyIds'] } },
        ],
      },
    ],
  };
}

/** SPC-Online Art. 25(3), (6): the period ran out without agreement or extension. */
function periodExpiry(): Record<string, FlowTransition[]> {
  return {
    'deadline.expired': [
      {
        guard: { type: 'deadlineDue', params: { kind: MEDIATION_PERIOD.kind, sort: 'limit' } },
        target: 'returnedForFiling',
        actions: returnToCourt('expired'),
      },
    ],
  };
}

/** SPC-Online Art. 25(2): the parties settled themselves; the court is told the delegation ended (SPC-Invited Art. 26). */
function withdrawal(): Record<string, FlowTransition[]> {
  return {
    'case.withdrawn': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      violation('notAnApplicant', RULES.WITHDRAWAL_BY_APPLICANT),
      {
        target: 'withdrawn',
        actions: [
          { type: 'recordOutcome', params: { reason: 'settledByParties' } },
          effect(({ context }) => ({
            type: 'notice.sent',
            notice: 'delegationWithdrawn',
            to: 'court',
            details: { basis: 'SPC-Invited Art. 26; SPC-Online Art. 25', ...courtOf(context) },
          })),
        ],
      },
    ],
  };
}

const DELEGATED_MEDIATION_EVENTS = {
  'mediator.assigned': {
    titleZh: '选定/指定调解员',
    description: '选定/指定调解员: chosen jointly by the parties, else designated by the organisation or court (SPC-Invited Art. 12; SPC-Online Art. 10)',
    by: ['reception', 'mediator', 'court'],
    payload: field.object({ mediatorId: field.id(), chosenBy: field.oneOf(CHOSEN_BY) }),
  },
  'mediator.declined': {
    titleZh: '不予接受委派',
    description: '不予接受委派: out of the organisation’s scope or the mediator’s expertise, with reasons (SPC-Online Art. 12)',
    by: ['mediator', 'reception'],
    payload: field.object({ reason: field.text() }),
  },
  'mediator.confirmed': {
    titleZh: '确认接受委派',
    description: '确认接受委派: starts the 30-day mediation period (SPC-Online Arts. 12, 24)',
    by: ['mediator', 'reception'],
    payload: field.object({ confirmedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'parties.reached': {
    titleZh: '联系到当事人',
    description: '联系到当事人: the other side agrees to mediate (SPC-Online Art. 15)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'party.unreachable': {
    titleZh: '无法联系当事人',
    description: '无法联系当事人: the file goes back to the court (SPC-Online Arts. 15, 25)',
    by: ['mediator', 'court'],
    payload: PARTY_PAYLOAD,
  },
  'party.refused': {
    titleZh: '当事人拒绝调解',
    description: '当事人拒绝调解: including refusing the designated mediator (SPC-Invited Art. 12; SPC-Online Arts. 14, 15, 25)',
    by: ['mediator', 'court'],
    payload: PARTY_PAYLOAD,
  },
  'session.recorded': {
    titleZh: '调解笔录',
    description: '调解笔录: a session was held (SPC-Online Art. 22)',
    by: ['mediator'],
    payload: SESSION_PAYLOAD,
  },
  'period.extended': {
    titleZh: '延长调解期限',
    description: '延长调解期限: with every party’s consent, without cap (SPC-Invited Art. 27; SPC-Online Art. 24)',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'appraisal.started': {
    titleZh: '诉前委托鉴定开始',
    description: '诉前委托鉴定开始: pauses the mediation period (SPC-Online Art. 26)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'appraisal.completed': {
    titleZh: '鉴定完成',
    description: '鉴定完成: resumes the period with the time that was left',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'falseMediation.suspected': {
    titleZh: '疑似虚假调解',
    description: '疑似虚假调解: the mediator suspends and reports to the court (SPC-Invited Art. 18)',
    by: ['mediator'],
    payload: field.object({ note: field.text() }),
  },
  'falseMediation.cleared': {
    titleZh: '排除虚假调解',
    description: '排除虚假调解: the court or organisation found no false mediation; mediation resumes',
    by: ['court', 'mediator'],
    payload: NO_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '达成调解协议',
    description: '达成调解协议: effective when the parties sign, seal or fingerprint it (SPC-Invited Art. 24)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: false }),
  },
  'mediation.terminated': {
    titleZh: '终止调解',
    description: '终止调解: the failure report goes to the court with the reasons and any undisputed facts (SPC-Invited Arts. 21, 26; SPC-Online Arts. 21, 25)',
    by: ['mediator'],
    payload: field.object({
      reason: field.oneOf(TERMINATION_REASONS),
      undisputedFacts: field.optional(
        field.list(field.text(), { minItems: 1, description: '无争议事实 the parties confirmed in writing (SPC-Online Art. 22)' }),
      ),
    }),
  },
  'case.withdrawn': {
    titleZh: '自行和解撤回',
    description: '自行和解撤回: the parties settled themselves (SPC-Online Art. 25)',
    by: ['mediator', 'reception'],
    payload: PARTY_PAYLOAD,
  },
} as const satisfies Record<string, EventSpec>;

export const delegatedMediationV1 = defineFlow({
  id: 'delegated-mediation',
  version: 1,
  title: 'Court-delegated (pre-filing) mediation',
  titleZh: '委派调解',
  basis: 'SPC-Invited 2016 Arts. 11-27; SPC-Online 2021 Arts. 10-26',
  machine: delegatedMediationMachine,
  openedBy: ['reception', 'mediator', 'court'],
  organizationFields: { courtId: 'reference' },
  intake: {
    courtId: field.id({ description: 'the delegating court' }),
    courtReference: field.optional(field.text({ maxLength: 100, description: 'the court’s reference for the delegation (诉前调解案号)' })),
  },
  events: DELEGATED_MEDIATION_EVENTS,
  deadlines: [
    { kind: 'mediatorChoice', sort: 'target', basis: 'SPC-Online Art. 10', description: '2 working days from receipt for the parties to choose jointly; restarts after a decline' },
    { kind: 'mediatorConfirmation', sort: 'target', basis: 'SPC-Online Art. 12', description: '3 working days from the assignment for the mediator to confirm or decline' },
    { kind: 'partyContact', sort: 'target', basis: 'SPC-Online Art. 15', description: '3 working days from the confirmation to reach the other side' },
    {
      kind: 'mediationPeriod',
      sort: 'limit',
      basis: 'SPC-Invited Art. 27; SPC-Online Arts. 24, 26',
      description: '30 days from the confirmation; appraisal and a false-mediation suspension are not counted; extendable with every party’s consent',
    },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
});
