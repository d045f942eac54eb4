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
import type { CaseContext, CaseMachineInput } from '../../caseContext.js';
import { clearDeadlines, setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow, type EventSpec } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { field } from '../../schema.js';
import { MEDIATION_OUTCOMES } from '../../vocabulary.js';

export const COURT_REFERRAL_RULES = defineRules({
  DEFENDANT_REQUIRED: {
    basis: 'CPL Art. 122',
    requirement: 'a suit names a definite defendant: the referral has at least one respondent',
  },
  MATERIALS_DUE_IN_FUTURE: {
    basis: 'CPL-Interp Art. 126',
    requirement: 'the time the court gives to complete the filing ends after today',
  },
});

const RULES = { ...COMMON_RULES, ...COURT_REFERRAL_RULES };

/** CPL Art. 126: the court registers a conforming suit, or rules not to accept it, within 7 days. */
const REGISTRATION_DECISION: DeadlineRule = {
  kind: 'registrationDecision',
  sort: 'target',
  basis: 'CPL Art. 126',
  length: 7,
  unit: 'day',
};
/** CPL-Interp Art. 126: after a completion request, the 7 days count from the completed filing. */
const REGISTRATION_AFTER_MATERIALS: DeadlineRule = { ...REGISTRATION_DECISION, basis: 'CPL Art. 126; CPL-Interp Art. 126' };
/**
 * SPC-Invited Art. 21; SPC-Online Art. 21(2): a delegated mediation that failed sends the complaint
 * back to the court, which registers the case if the claimant insists, within the 7 days of CPL
 * Art. 126 (legal-reference §§3.2, 9.3).
 */
const REGISTRATION_AFTER_MEDIATION: DeadlineRule = { ...REGISTRATION_DECISION, basis: 'CPL Art. 126; SPC-Invited Art. 21; SPC-Online Art. 21' };
/** The day the court set to complete the filing (CPL-Interp Art. 126). */
const MATERIALS_DUE = { kind: 'materialsDue', sort: 'target', basis: 'CPL-Interp Art. 126' } as const;

/** Grounds for a ruling not to accept a suit (CPL Arts. 122, 126, 127). */
const FILING_REJECTION_REASONS = [
  'conditionsNotMet', // CPL Art. 122
  'administrativeCase', // CPL Art. 127(1)
  'arbitrationAgreement', // CPL Art. 127(2)
  'otherAuthority', // CPL Art. 127(3)
  'noJurisdiction', // CPL Art. 127(4)
  'alreadyDecided', // CPL Art. 127(5)
  'barredPeriod', // CPL Art. 127(6)
  'other',
] as const;

/** Like the other flows without an acceptance step, the case counts as accepted from its opening (flows.md). */
function openingContext(machineInput: CaseMachineInput): CaseContext {
  const context = baseContext(machineInput);
  return { ...context, acceptedOn: context.receivedOn };
}

/** The intake of the `delegated-mediation` case the court asked for (flows.md, delegated-mediation). */
function delegatedMediationInput(context: CaseContext, payload: Record<string, any>, today: IsoDate): Record<string, unknown> {
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

export const courtReferralMachine = flowSetup
  .extend({
    actions: {
      recordSubmission: assign(({ context, event }) => ({
        records: { ...context.records, courtId: event.payload.courtId, submittedOn: event.payload.submittedOn ?? event.today },
      })),
      startRegistrationDecision: assign(({ context, event }, params: { rule: DeadlineRule; field?: string }) => ({
        deadlines: startDeadline(
          context.deadlines,
          params.rule,
          (params.field ? event.payload[params.field] : undefined) ?? event.today,
        ),
      })),
      setMaterialsDue: assign(({ context, event }) => ({
        deadlines: setDeadlineOn(clearDeadlines(context.deadlines, [REGISTRATION_DECISION.kind]), MATERIALS_DUE, event.payload.dueOn, event.today),
      })),
      recordRegistration: assign(({ context, event }) => ({
        records: { ...context.records, courtCaseNo: event.payload.courtCaseNo, registeredOn: event.payload.registeredOn ?? event.today },
        outcome: { courtCaseNo: event.payload.courtCaseNo },
      })),
      recordSettlement: assign(({ event }) => ({
        outcome: { reason: 'settledInDelegatedMediation', mediationOutcome: event.payload.outcome },
      })),
      recordDelegation: assign(({ context, event }) => ({
        deadlines: clearDeadlines(context.deadlines, [REGISTRATION_DECISION.kind]),
        records: {
          ...context.records,
          delegations: [
            ...((context.records.delegations as unknown[]) ?? []),
            {
              organizationId: event.payload.organizationId,
              delegatedOn: event.today,
              ...(event.payload.courtReference ? { courtReference: event.payload.courtReference } : {}),
            },
          ],
        },
      })),
    },
    guards: {
      mediationFailed: ({ event }) => event.payload.outcome === 'failed',
    },
  })
  .createMachine({
    id: 'court-referral',
    context: ({ input }) => openingContext(input),
    initial: 'preparing',
    on: centreHandlers,
    states: {
      preparing: {
        meta: { titleZh: '准备起诉材料' },
        description: '准备起诉材料 zhǔnbèi qǐsù cáiliào — the centre prepares the filing with the claimant (PML Art. 26; CPL Art. 122)',
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
                  details: { courtId: event.payload.courtId },
                })),
              ],
            },
          ],
          ...withdrawal(),
        },
      },
      submitted: {
        meta: { titleZh: '已递交法院' },
        description: '已递交法院 yǐ dìjiāo fǎyuàn — the filing is with the court, which registers it or rules within 7 days (CPL Art. 126)',
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
                  details: { items: event.payload.items, dueOn: event.payload.dueOn },
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
                  rulingNo: event.payload.rulingNo,
                  reason: event.payload.reason,
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
                organizationId: event.payload.organizationId,
                input: delegatedMediationInput(context, event.payload, event.today),
              })),
            ],
          },
          ...registration({ duringDelegatedMediation: false }),
          ...withdrawal(),
        },
      },
      awaitingMaterials: {
        meta: { titleZh: '待补正' },
        description: '待补正 dài bǔzhèng — the court asked to complete the filing; its 7 days restart on completion (CPL-Interp Art. 126)',
        tags: 'open',
        on: {
          'materials.provided': [
            violation({ type: 'dateInFuture', params: { field: 'providedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'submitted',
              actions: [
                { type: 'clearDeadlines', params: { kinds: [MATERIALS_DUE.kind] } },
                { type: 'startRegistrationDecision', params: { rule: REGISTRATION_AFTER_MATERIALS, field: 'providedOn' } },
                { type: 'recordInList', params: { list: 'materialsProvided', fields: ['providedOn'] } },
              ],
            },
          ],
          ...withdrawal(),
        },
      },
      awaitingDelegatedMediation: {
        meta: { titleZh: '诉前委派调解中' },
        description: '诉前委派调解中 sùqián wěipài tiáojiě zhōng — the court sent the dispute to pre-filing mediation (SPC-Invited Art. 11)',
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
        description: '不予受理 bùyǔ shòulǐ — the court ruled not to accept the suit; the ruling is appealable (CPL Art. 126)',
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
function registration({ duringDelegatedMediation }: { duringDelegatedMediation: boolean }): Record<string, FlowTransition | FlowTransition[]> {
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
            details: { courtCaseNo: event.payload.courtCaseNo, registeredOn: event.payload.registeredOn ?? event.today },
          })),
          ...(duringDelegatedMediation
            ? [
                effect(({ context, event }) => ({
                  type: 'notice.sent',
                  notice: 'filingRegistered',
                  to: 'organization',
                  details: { courtCaseNo: event.payload.courtCaseNo, delegations: context.records.delegations },
                })),
              ]
            : []),
        ],
      },
    ],
  };
}

function withdrawal(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'referral.withdrawn': {
      target: 'withdrawn',
      actions: { type: 'recordOutcome', params: { reason: 'withdrawnByClaimant' } },
    },
  };
}

const COURT_REFERRAL_EVENTS = {
  'referral.submitted': {
    titleZh: '递交起诉材料',
    description: '递交起诉材料: the centre hands the filing to the court; the court has 7 days (CPL Art. 126)',
    by: ['reception', 'mediator'],
    payload: field.object({ courtId: field.id(), submittedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'materials.requested': {
    titleZh: '通知补正',
    description: '通知补正: the court asks for the filing to be completed by a set day (CPL-Interp Art. 126)',
    by: ['court'],
    payload: field.object({ items: field.list(field.text(), { minItems: 1 }), dueOn: field.date() }),
  },
  'materials.provided': {
    titleZh: '补正材料',
    description: '补正材料: the filing is completed; the court’s 7 days restart (CPL-Interp Art. 126)',
    by: ['reception', 'mediator'],
    payload: field.object({ providedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'filing.registered': {
    titleZh: '立案',
    description: '立案: the court registered the case (CPL Art. 126)',
    by: ['court'],
    payload: field.object({ courtCaseNo: field.id(), registeredOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'filing.rejected': {
    titleZh: '裁定不予受理',
    description: '裁定不予受理: the court rules not to accept the suit; appealable (CPL Arts. 126, 127)',
    by: ['court'],
    payload: field.object({ reason: field.oneOf(FILING_REJECTION_REASONS), rulingNo: field.id() }),
  },
  'mediation.delegated': {
    titleZh: '诉前委派调解',
    description: '诉前委派调解: the court sends the dispute to a roster organisation first; opens a linked delegated-mediation case (SPC-Invited Art. 11)',
    by: ['court'],
    payload: field.object({
      organizationId: field.id({ description: 'the organisation the court delegates to' }),
      courtReference: field.optional(field.text({ maxLength: 100, description: 'the court’s reference for the delegation (诉前调解案号)' })),
    }),
  },
  'mediation.concluded': {
    titleZh: '委派调解结束',
    description: 'sent by the engine when the linked delegated mediation ends: failed → back with the court; agreed or withdrawn → withdrawn',
    by: ['engine'],
    payload: field.object({ outcome: field.oneOf(MEDIATION_OUTCOMES) }),
  },
  'referral.withdrawn': {
    titleZh: '撤回',
    description: '撤回: the claimant no longer wants to sue',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.optional(field.text()) }),
  },
} as const satisfies Record<string, EventSpec>;

export const courtReferralV1 = defineFlow({
  id: 'court-referral',
  version: 1,
  title: 'Court referral',
  titleZh: '引导诉讼',
  basis: 'CPL Arts. 122, 126, 127; CPL-Interp Art. 126; PML Art. 26; SPC-Invited Arts. 11, 21, 26; SPC-Online Art. 21',
  machine: courtReferralMachine,
  openedBy: ['reception', 'mediator'],
  organizationFields: { courtId: 'reference', organizationId: 'handling' },
  intake: {},
  events: COURT_REFERRAL_EVENTS,
  deadlines: [
    {
      kind: 'registrationDecision',
      sort: 'target',
      basis: 'CPL Art. 126; CPL-Interp Art. 126; SPC-Invited Art. 21',
      description: '7 days from submission, from a completed filing, or from a failed delegated mediation, to register or rule',
    },
    { kind: 'materialsDue', sort: 'target', basis: 'CPL-Interp Art. 126', description: 'the day the court set to complete the filing' },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
  openingRules: [
    { rule: RULES.DEFENDANT_REQUIRED, violated: (context) => !context.parties.some((p) => p.role === 'respondent') },
  ],
});
