/**
 * Court referral 引导诉讼 — CPL 2023 Arts. 122, 126 (民事诉讼法: filing conditions, the 7-day
 * registration decision); CPL-Interp 2022 Art. 126 (the 7 days restart when the complaint is
 * completed); PML Art. 26 (the mediator points the parties to litigation); SPC-Invited 2016
 * Arts. 11, 21, 26 and SPC-Online Arts. 21, 25 (the court's pre-filing delegation, its failure
 * report, and the registration when the claimant insists after it failed).
 *
 * preparing → submitted ⇄ awaitingMaterials; submitted ⇄ awaitingDelegatedMediation;
 * registered, notRegistered, withdrawn. The centre prepares the filing and hands it to a court;
 * the court may send it back for delegated (pre-filing) mediation first.
 */
import type { IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseEvent, CaseMachineInput } from '../../caseContext.js';
import { stringField } from '../../eventPayload.js';
import { clearDeadlines, setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violationIn, type FlowTransition } from '../../flowSetup.js';
import {
  COURT_REFERRAL_DEADLINES,
  MATERIALS_DUE,
  REGISTRATION_AFTER_MATERIALS,
  REGISTRATION_AFTER_MEDIATION,
  REGISTRATION_DECISION,
} from './deadlines.js';
import { COURT_REFERRAL_EVENTS, payloadOf } from './events.js';
import { RULES } from './rules.js';

export { COURT_REFERRAL_RULES } from './rules.js';

function submissionOf(event: CaseEvent) {
  const { courtId, submittedOn } = payloadOf(event, 'referral.submitted');
  return { courtId, submittedOn: submittedOn ?? event.today };
}

function registrationOf(event: CaseEvent) {
  const { courtCaseNo, registeredOn } = payloadOf(event, 'filing.registered');
  return { courtCaseNo, registeredOn: registeredOn ?? event.today };
}

function courtReferenceOf(event: CaseEvent): { courtReference?: string } {
  const { courtReference } = payloadOf(event, 'mediation.delegated');
  return courtReference ? { courtReference } : {};
}

/** Like the other flows without an acceptance step, the case counts as accepted from its opening (flows.md). */
function openingContext(machineInput: CaseMachineInput): CaseContext {
  const context = baseContext(machineInput);
  return { ...context, acceptedOn: context.receivedOn };
}

/** The intake of the `delegated-mediation` case the court asked for (flows.md, delegated-mediation). */
function delegatedMediationInput(context: CaseContext, event: CaseEvent, today: IsoDate): Record<string, unknown> {
  const payload = payloadOf(event, 'mediation.delegated');
  return {
    category: context.category,
    summary: context.summary,
    parties: context.parties.map(({ id, linkedPartyId: _linked, ...party }) => ({ ...party, linkedPartyId: id })),
    channel: 'courtDelegation',
    organizationId: payload.organizationId,
    receivedOn: today,
    ...(context.amount === null ? {} : { amount: context.amount }),
    riskLevel: context.riskLevel,
    courtId: context.records.courtId,
    ...(payload.courtReference ? { courtReference: payload.courtReference } : {}),
  };
}

const courtReferralSetup = flowSetup.extend({
  actions: {
    recordSubmission: assign(({ context, event }) => ({
      records: { ...context.records, ...submissionOf(event) },
    })),
    startRegistrationDecision: assign(({ context, event }, params: { rule: DeadlineRule; field?: string }) => ({
      deadlines: startDeadline(
        context.deadlines,
        params.rule,
        (params.field ? stringField(event.payload, params.field) : undefined) ?? event.today,
      ),
    })),
    setMaterialsDue: assign(({ context, event }) => ({
      deadlines: setDeadlineOn(
        clearDeadlines(context.deadlines, [REGISTRATION_DECISION.kind]),
        MATERIALS_DUE,
        payloadOf(event, 'materials.requested').dueOn,
        event.today,
      ),
    })),
    recordRegistration: assign(({ context, event }) => ({
      records: { ...context.records, ...registrationOf(event) },
      outcome: { courtCaseNo: registrationOf(event).courtCaseNo },
    })),
    recordSettlement: assign(({ event }) => ({
      outcome: {
        reason: 'settledInDelegatedMediation',
        mediationOutcome: payloadOf(event, 'mediation.concluded').outcome,
      },
    })),
    recordDelegation: assign(({ context, event }) => ({
      deadlines: clearDeadlines(context.deadlines, [REGISTRATION_DECISION.kind]),
      records: {
        ...context.records,
        delegations: [
          ...(context.records.delegations ?? []),
          {
            organizationId: payloadOf(event, 'mediation.delegated').organizationId,
            delegatedOn: event.today,
            ...courtReferenceOf(event),
          },
        ],
      },
    })),
  },
  guards: {
    mediationFailed: ({ event }) => payloadOf(event, 'mediation.concluded').outcome === 'failed',
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof courtReferralSetup>;
const violation = violationIn<typeof courtReferralSetup>();

export const courtReferralMachine = courtReferralSetup.createMachine({
  id: 'court-referral',
  context: ({ input }) => openingContext(input),
  initial: 'preparing',
  on: centreHandlers,
  states: {
    preparing: {
      meta: { titleZh: '准备起诉材料' },
      description:
        '准备起诉材料 zhǔnbèi qǐsù cáiliào — the centre prepares the filing with the claimant (PML Art. 26; CPL Art. 122)',
      tags: 'open',
      on: {
        'referral.submitted': [
          violation({ type: 'dateInFuture', params: { field: 'submittedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          {
            target: 'submitted',
            actions: [
              'recordSubmission',
              { type: 'startRegistrationDecision', params: { rule: REGISTRATION_DECISION, field: 'submittedOn' } },
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'referralSubmitted',
                to: 'court',
                details: { courtId: payloadOf(event, 'referral.submitted').courtId },
              })),
            ],
          },
        ],
        ...withdrawal(),
      },
    },
    submitted: {
      meta: { titleZh: '已递交法院' },
      description:
        '已递交法院 yǐ dìjiāo fǎyuàn — the filing is with the court, which registers it or ' +
        'rules within 7 days (CPL Art. 126)',
      tags: 'open',
      on: {
        'materials.requested': [
          violation('dueDateNotInFuture', RULES.MATERIALS_DUE_IN_FUTURE),
          {
            target: 'awaitingMaterials',
            actions: [
              'setMaterialsDue',
              { type: 'recordInList', params: { list: 'materialsRequests', fields: ['items', 'dueOn'] } },
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'materialsRequested',
                to: 'parties',
                details: {
                  items: payloadOf(event, 'materials.requested').items,
                  dueOn: payloadOf(event, 'materials.requested').dueOn,
                },
              })),
            ],
          },
        ],
        'filing.rejected': {
          target: 'notRegistered',
          actions: [
            'recordOutcome',
            effect(({ event }) => ({
              type: 'document.issued',
              document: 'ruling',
              details: {
                ruling: 'notAccepted',
                rulingNo: payloadOf(event, 'filing.rejected').rulingNo,
                reason: payloadOf(event, 'filing.rejected').reason,
                appealable: true,
                basis: 'CPL Art. 126',
              },
            })),
          ],
        },
        'mediation.delegated': {
          target: 'awaitingDelegatedMediation',
          actions: [
            'recordDelegation',
            effect(({ context, event }) => ({
              type: 'linkedCase.requested',
              flowId: 'delegated-mediation',
              organizationId: payloadOf(event, 'mediation.delegated').organizationId,
              input: delegatedMediationInput(context, event, event.today),
            })),
          ],
        },
        ...registration({ duringDelegatedMediation: false }),
        ...withdrawal(),
      },
    },
    awaitingMaterials: {
      meta: { titleZh: '待补正' },
      description:
        '待补正 dài bǔzhèng — the court asked to complete the filing; its 7 days restart on ' +
        'completion (CPL-Interp Art. 126)',
      tags: 'open',
      on: {
        'materials.provided': [
          violation({ type: 'dateInFuture', params: { field: 'providedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          {
            target: 'submitted',
            actions: [
              { type: 'clearDeadlines', params: { kinds: [MATERIALS_DUE.kind] } },
              {
                type: 'startRegistrationDecision',
                params: { rule: REGISTRATION_AFTER_MATERIALS, field: 'providedOn' },
              },
              { type: 'recordInList', params: { list: 'materialsProvided', fields: ['providedOn'] } },
            ],
          },
        ],
        ...withdrawal(),
      },
    },
    awaitingDelegatedMediation: {
      meta: { titleZh: '诉前委派调解中' },
      description:
        '诉前委派调解中 sùqián wěipài tiáojiě zhōng — the court sent the dispute to pre-filing ' +
        'mediation (SPC-Invited Art. 11)',
      tags: 'open',
      on: {
        'mediation.concluded': [
          {
            // SPC-Invited Art. 21: the complaint goes back to the court, which registers if the claimant insists.
            guard: 'mediationFailed',
            target: 'submitted',
            actions: [
              { type: 'startRegistrationDecision', params: { rule: REGISTRATION_AFTER_MEDIATION } },
              { type: 'recordInList', params: { list: 'delegatedMediationOutcomes', fields: ['outcome'] } },
            ],
          },
          {
            // The parties agreed (or settled and withdrew): nothing is left to file.
            target: 'withdrawn',
            actions: 'recordSettlement',
          },
        ],
        ...registration({ duringDelegatedMediation: true }),
      },
    },
    registered: {
      type: 'final',
      meta: { titleZh: '已立案' },
      description: '已立案 yǐ lì’àn — the court registered the case under its case number (CPL Art. 126)',
      tags: 'referred',
      entry: 'endCase',
    },
    notRegistered: {
      type: 'final',
      meta: { titleZh: '不予受理' },
      description:
        '不予受理 bùyǔ shòulǐ — the court ruled not to accept the suit; the ruling is appealable (CPL Art. 126)',
      tags: 'unresolved',
      entry: 'endCase',
    },
    withdrawn: {
      type: 'final',
      meta: { titleZh: '撤回' },
      description: '撤回 chèhuí — the referral was withdrawn, or the parties settled in delegated mediation',
      tags: 'withdrawn',
      entry: 'endCase',
    },
  },
});
/**
 * `filing.registered`: the court registered the suit (立案). While a delegated mediation runs, its
 * organisation is told, since the dispute now goes to trial (SPC-Invited Art. 26).
 */
function registration({
  duringDelegatedMediation,
}: {
  duringDelegatedMediation: boolean;
}): Record<string, Transition | Transition[]> {
  return {
    'filing.registered': [
      violation({ type: 'dateInFuture', params: { field: 'registeredOn' } }, RULES.DATE_NOT_IN_FUTURE),
      {
        target: 'registered',
        actions: [
          'recordRegistration',
          effect(({ event }) => ({
            type: 'document.issued',
            document: 'filingReceipt',
            details: registrationOf(event),
          })),
          ...(duringDelegatedMediation
            ? [
                effect(({ context, event }) => ({
                  type: 'notice.sent',
                  notice: 'filingRegistered',
                  to: 'organization',
                  details: { courtCaseNo: registrationOf(event).courtCaseNo, delegations: context.records.delegations },
                })),
              ]
            : []),
        ],
      },
    ],
  };
}

function withdrawal(): Record<string, Transition | Transition[]> {
  return {
    'referral.withdrawn': {
      target: 'withdrawn',
      actions: { type: 'recordOutcome', params: { reason: 'withdrawnByClaimant' } },
    },
  };
}

export const courtReferralV1 = defineFlow({
  id: 'court-referral',
  version: 1,
  title: 'Court referral',
  titleZh: '引导诉讼',
  basis: 'CPL Arts. 122, 126, 127; CPL-Interp Art. 126; PML Art. 26; SPC-Invited Arts. 11, 21, 26; SPC-Online Art. 21',
  machine: courtReferralMachine,
  openedBy: ['reception', 'mediator'],
  organizationFields: { courtId: 'reference' },
  intake: {},
  events: COURT_REFERRAL_EVENTS,
  deadlines: COURT_REFERRAL_DEADLINES,
  rules: Object.values(RULES),
  openingRules: [
    { rule: RULES.DEFENDANT_REQUIRED, violated: (context) => !context.parties.some((p) => p.role === 'respondent') },
  ],
});
