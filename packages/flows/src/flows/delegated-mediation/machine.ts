/**
 * Delegated (pre-filing) mediation 委派调解 — the court sends a dispute to the centre before
 * registering it: SPC-Invited 2016 (最高人民法院关于人民法院特邀调解的规定) Arts. 11-27 and
 * SPC-Online 2021 (人民法院在线调解规则) Arts. 10-26.
 *
 * awaitingMediator → awaitingMediatorConfirmation → contactingParties → mediating ⇄ paused
 * (appraisal), suspended (suspected false mediation). The case counts as accepted at opening:
 * the court has already obtained the parties' consent to delegation (SPC-Invited Art. 11).
 */
import type { IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseEvent, CaseInput } from '../../caseContext.js';
import type { Static, TObject } from '../../schema.js';
import { startDeadline } from '../../deadlines.js';
import { defineFlow } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violationIn, type FlowTransition } from '../../flowSetup.js';
import { applicantWithdrawal } from '../shared/applicantWithdrawal.js';
import { appraisalHandlers } from '../shared/appraisal.js';
import { periodExtension } from '../shared/periodExtension.js';
import { sessionRecorded } from '../shared/sessionRecorded.js';
import {
  DELEGATED_MEDIATION_DEADLINES,
  MEDIATION_PERIOD,
  MEDIATOR_CHOICE,
  MEDIATOR_CONFIRMATION,
  PARTY_CONTACT,
} from './deadlines.js';
import { DELEGATED_MEDIATION_EVENTS, DELEGATED_MEDIATION_INTAKE, payloadOf } from './events.js';
import { RULES } from './rules.js';

export { DELEGATED_MEDIATION_RULES } from './rules.js';

const facts = (context: CaseContext) => context.facts as unknown as DelegationFacts;
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
  // A fixed reason comes with the event that ends mediation (a
  // refusal, the expiry); the mediator's termination gives its own.
  const terminationOf = (event: CaseEvent) => (fixedReason ? undefined : payloadOf(event, 'mediation.terminated'));
  const reasonOf = (event: CaseEvent): string => fixedReason ?? payloadOf(event, 'mediation.terminated').reason;
  return [
    { type: 'recordOutcome', params: fixedReason ? { reason: fixedReason } : undefined } as const,
    effect(({ context, event }) => ({
      type: 'document.issued',
      document: 'failureReport',
      details: {
        reason: reasonOf(event),
        ...(terminationOf(event)?.undisputedFacts ? { undisputedFacts: terminationOf(event)?.undisputedFacts } : {}),
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

function mediatorOf(event: CaseEvent) {
  const { mediatorId, chosenBy } = payloadOf(event, 'mediator.assigned');
  return { mediatorId, mediatorChosenBy: chosenBy };
}

/** What delegated mediation keeps in `context.facts`: the delegating court. */
type DelegationFacts = {
  courtId: string;
  courtReference?: string;
};

/** The delegating court as the intake names it (validated against DELEGATED_MEDIATION_INTAKE). */
function delegationOf(input: CaseInput): DelegationFacts {
  const { courtId, courtReference } = input as CaseInput & Static<TObject<typeof DELEGATED_MEDIATION_INTAKE>>;
  return { courtId, ...(courtReference ? { courtReference } : {}) };
}

// SPC-Online Art. 26: appraisal time is not counted in the mediation period.
const appraisal = appraisalHandlers<never>({
  kind: MEDIATION_PERIOD.kind,
  pauses: true,
  pausedState: 'paused',
  resumeState: 'mediating',
});

const delegatedMediationSetup = flowSetup.extend({
  guards: {
    // A confirmation dated before the assignment can only be a typing error, and would start the 30 days early.
    confirmedBeforeAssignment: ({ context, event }) => {
      const assignedOn = context.records.mediatorAssignedOn;
      const { confirmedOn } = payloadOf(event, 'mediator.confirmed');
      return assignedOn !== undefined && confirmedOn !== undefined && confirmedOn < assignedOn;
    },
  },
  actions: {
    recordMediator: assign(({ context, event }) => ({
      records: { ...context.records, ...mediatorOf(event), mediatorAssignedOn: event.today },
      deadlines: startDeadline(
        context.deadlines.filter((d) => d.kind !== MEDIATOR_CHOICE.kind),
        MEDIATOR_CONFIRMATION,
        event.today,
      ),
    })),
    // SPC-Online Art. 12: after a decline the court or the parties choose again.
    forgetMediator: assign(({ context, event }) => {
      const { mediatorId, mediatorChosenBy: _by, mediatorAssignedOn: _on, ...records } = context.records;
      const declines = [
        ...(records.declines ?? []),
        { on: event.today, mediatorId, reason: payloadOf(event, 'mediator.declined').reason },
      ];
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
      const confirmedOn: IsoDate = payloadOf(event, 'mediator.confirmed').confirmedOn ?? event.today;
      const others = context.deadlines.filter((d) => d.kind !== MEDIATOR_CONFIRMATION.kind);
      return {
        records: { ...context.records, mediatorConfirmedOn: confirmedOn },
        deadlines: startDeadline(startDeadline(others, MEDIATION_PERIOD, confirmedOn), PARTY_CONTACT, confirmedOn),
      };
    }),
    clearPartyContact: assign(({ context }) => ({
      deadlines: context.deadlines.filter((d) => d.kind !== PARTY_CONTACT.kind),
    })),
    suspend: assign(({ context, event }) => ({
      records: {
        ...context.records,
        suspendedOn: event.today,
        suspicionNote: payloadOf(event, 'falseMediation.suspected').note,
      },
    })),
    clearSuspension: assign(({ context, event }) => {
      const { suspendedOn, suspicionNote: _note, ...records } = context.records;
      const suspensions = [...(records.suspensions ?? []), { suspendedOn, clearedOn: event.today }];
      return { records: { ...records, suspensions } };
    }),
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof delegatedMediationSetup>;
const violation = violationIn<typeof delegatedMediationSetup>();

export const delegatedMediationMachine = delegatedMediationSetup.createMachine({
  id: 'delegated-mediation',
  context: ({ input }) => {
    const context = baseContext(input);
    return {
      ...context,
      // No acceptance step: the court delegated with the parties' consent (SPC-Invited Art. 11).
      acceptedOn: context.openedOn,
      facts: delegationOf(input.input),
      // Next to what the case opened with: a centre's 化解时限 (docs/centres.md).
      deadlines: startDeadline(context.deadlines, MEDIATOR_CHOICE, context.receivedOn),
    };
  },
  initial: 'awaitingMediator',
  on: centreHandlers,
  states: {
    awaitingMediator: {
      meta: { titleZh: '待选定调解员' },
      description:
        '待选定调解员 dài xuǎndìng tiáojiěyuán — the parties choose a mediator, else the organisation or court ' +
        'designates (SPC-Online Art. 10)',
      tags: 'open',
      on: {
        'mediator.assigned': { target: 'awaitingMediatorConfirmation', actions: 'recordMediator' },
        ...refusalOfMediation(),
        ...withdrawal(),
      },
    },
    awaitingMediatorConfirmation: {
      meta: { titleZh: '待调解员确认' },
      description:
        '待调解员确认 dài tiáojiěyuán quèrèn — the mediator confirms or declines the delegation (SPC-Online Art. 12)',
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
      description:
        '联系当事人 liánxì dāngshìrén — reaching the other side and asking whether it agrees ' +
        'to mediate (SPC-Online Art. 15)',
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
        ...sessionRecorded(),
        // SPC-Online Art. 26: appraisal time is not counted in the mediation period.
        ...appraisal.started,
        'falseMediation.suspected': suspicion(),
        'agreement.signed': [
          violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
          violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation({ type: 'agreementUnsigned', params: { sealRequired: false } }, RULES.AGREEMENT_UNSIGNED),
          {
            target: 'agreed',
            actions: [
              'recordFinalAgreement',
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
        ...periodExtension({ kind: MEDIATION_PERIOD.kind }),
        ...termination(),
        ...partyEndings(),
        ...periodExpiry(),
        ...withdrawal(),
      },
    },
    paused: {
      meta: { titleZh: '鉴定中' },
      description:
        '鉴定中 jiàndìng zhōng — pre-filing appraisal under way; the period does not run (SPC-Online Art. 26)',
      tags: 'open',
      on: {
        ...appraisal.completed,
        'falseMediation.suspected': suspicion(),
        ...periodExtension({ kind: MEDIATION_PERIOD.kind }),
        ...termination(),
        ...withdrawal(),
      },
    },
    suspended: {
      meta: { titleZh: '中止调解' },
      description:
        '中止调解 zhōngzhǐ tiáojiě — suspected false mediation reported; the court or organisation ' +
        'examines it (SPC-Invited Art. 18)',
      tags: 'open',
      on: {
        'falseMediation.cleared': [
          // An appraisal that was under way when the suspicion arose still keeps the period paused.
          { guard: 'appraisalUnderWay', target: 'paused', actions: 'clearSuspension' },
          {
            target: 'mediating',
            actions: ['clearSuspension', { type: 'resumeDeadline', params: { kind: MEDIATION_PERIOD.kind } }],
          },
        ],
        ...termination(),
        ...withdrawal(),
      },
    },
    agreed: {
      type: 'final',
      meta: { titleZh: '调解成功' },
      description:
        '调解成功 tiáojiě chénggōng — agreement reached, served and filed with the court for the ' +
        'record (SPC-Invited Arts. 19, 24)',
      tags: ['resolved', 'agreementConfirmable'],
      entry: 'endCase',
    },
    returnedForFiling: {
      type: 'final',
      meta: { titleZh: '退回立案' },
      description:
        '退回立案 tuìhuí lì’àn — no agreement; the failure report and the materials go back to the court ' +
        '(SPC-Invited Art. 21; SPC-Online Art. 21)',
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
function refusalOfMediation(): Record<string, Transition[]> {
  return {
    'party.refused': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      { target: 'returnedForFiling', actions: returnToCourt('partyUnwilling') },
    ],
  };
}

/** SPC-Online Arts. 15, 25: the other side cannot be reached or will not mediate. */
function partyEndings(): Record<string, Transition[]> {
  return {
    'party.unreachable': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      { target: 'returnedForFiling', actions: returnToCourt('unreachable') },
    ],
    ...refusalOfMediation(),
  };
}

/** SPC-Invited Art. 26; SPC-Online Art. 25: the mediator ends mediation and reports to the court. */
function termination(): Record<string, Transition> {
  return {
    'mediation.terminated': { target: 'returnedForFiling', actions: returnToCourt() },
  };
}

/** SPC-Invited Art. 18: the mediator suspends and reports to the court or the organisation. */
function suspicion(): Transition {
  return {
    target: 'suspended',
    actions: [
      'suspend',
      { type: 'pauseDeadline', params: { kind: MEDIATION_PERIOD.kind } },
      effect(({ context, event }) => ({
        type: 'notice.sent',
        notice: 'falseMediationSuspected',
        to: 'court',
        details: {
          note: payloadOf(event, 'falseMediation.suspected').note,
          basis: 'SPC-Invited Art. 18',
          ...courtOf(context),
        },
      })),
    ],
  };
}

/** SPC-Online Art. 25(3), (6): the period ran out without agreement or extension. */
function periodExpiry(): Record<string, Transition[]> {
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

/**
 * SPC-Online Art. 25(2): the parties settled themselves; the court is told the delegation ended (SPC-Invited Art. 26).
 */
function withdrawal() {
  return applicantWithdrawal({
    rule: RULES.WITHDRAWAL_BY_APPLICANT,
    reason: 'settledByParties',
    notices: [
      effect(({ context }) => ({
        type: 'notice.sent',
        notice: 'delegationWithdrawn',
        to: 'court',
        details: { basis: 'SPC-Invited Art. 26; SPC-Online Art. 25', ...courtOf(context) },
      })),
    ],
  });
}

export const delegatedMediationV1 = defineFlow({
  id: 'delegated-mediation',
  version: 1,
  title: 'Court-delegated (pre-filing) mediation',
  titleZh: '委派调解',
  basis: 'SPC-Invited 2016 Arts. 11-27; SPC-Online 2021 Arts. 10-26',
  machine: delegatedMediationMachine,
  openedBy: ['reception', 'mediator', 'court'],
  organizationFields: { courtId: 'reference' },
  intake: DELEGATED_MEDIATION_INTAKE,
  events: DELEGATED_MEDIATION_EVENTS,
  deadlines: DELEGATED_MEDIATION_DEADLINES,
  rules: Object.values(RULES),
});
