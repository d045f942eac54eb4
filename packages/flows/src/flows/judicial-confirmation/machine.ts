/**
 * Judicial confirmation of a mediation agreement 司法确认 — PML Art. 33 (人民调解法); CPL 2023
 * Arts. 185-187, 205-206, 250 (民事诉讼法); CPL-Interp 2022 Arts. 351-358, 372; SPC-Confirm-2011
 * Arts. 4-6 (人民调解协议司法确认程序的若干规定: the 3-day and 15 (+10)-day court targets).
 *
 * applied → underReview ⇄ awaitingSupplement → confirmed | dismissed; notAccepted, withdrawn.
 * The parties apply jointly, within 30 days of the agreement's effect, for an agreement taken
 * from a linked case or given inline. Only the court sends this flow's events.
 */
import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { lastTermDueOn } from '../../agreements.js';
import { baseContext } from '../../baseContext.js';
import type { Agreement, CaseContext, CaseMachineInput, Party, Term, Warning } from '../../caseContext.js';
import { clearDeadlines, extendDeadline, setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow, type EventSpec, type OpeningRule } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation, type FlowTransition } from '../../flowSetup.js';
import { confirmableAgreementOf, localizeAgreement } from '../../linkedAgreement.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { field, NAME_MAX, type Infer } from '../../schema.js';

export const JUDICIAL_CONFIRMATION_RULES = defineRules({
  AGREEMENT_REQUIRED: {
    basis: 'CPL-Interp Art. 354; SPC-Confirm-2011 Art. 3',
    requirement:
      'an application for judicial confirmation names exactly one mediation agreement: a linked case’s (linkedCaseId) or one given inline (agreement)',
  },
  LINKED_AGREEMENT_NOT_CONFIRMABLE: {
    basis: 'PML Art. 33; CPL Art. 205',
    requirement: 'a linked case qualifies only while it holds an effective mediation agreement that judicial confirmation may take up',
  },
  CONFIRMATION_WINDOW_EXPIRED: {
    basis: 'PML Art. 33; CPL Art. 205',
    requirement: 'judicial confirmation is applied for within 30 days from the day the mediation agreement took effect',
  },
  JOINT_APPLICATION_REQUIRED: {
    basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
    requirement: 'every party bound by the agreement applies together with the others; one side alone cannot apply',
  },
  SUPPLEMENT_DUE_IN_FUTURE: {
    basis: 'CPL-Interp Arts. 354, 356',
    requirement: 'the time limit the court sets for further statements or evidence ends after today',
  },
  REVIEW_ALREADY_EXTENDED: {
    basis: 'SPC-Confirm-2011 Art. 5',
    requirement: 'the review period is extended only once, with the court president’s approval',
  },
  REVIEW_EXTENSION_TOO_LONG: {
    basis: 'SPC-Confirm-2011 Art. 5',
    requirement: 'the review period is extended by at most 10 days',
  },
  SERVICE_BEFORE_RULING: {
    basis: 'CPL-Interp Art. 372',
    requirement: 'a ruling is served on or after the day it was made; each party’s 15 days to object count from its service',
  },
});

const RULES = { ...COMMON_RULES, ...JUDICIAL_CONFIRMATION_RULES };

/** PML Art. 33; CPL Art. 205: the joint application within 30 days from the agreement's effect. */
const CONFIRMATION_WINDOW: DeadlineRule = {
  kind: 'confirmationWindow',
  sort: 'window',
  basis: 'PML Art. 33; CPL Art. 205',
  length: 30,
  unit: 'day',
};
/** SPC-Confirm-2011 Art. 4: the court decides within 3 days of receipt whether to accept. */
const ACCEPTANCE_DECISION: DeadlineRule = {
  kind: 'acceptanceDecision',
  sort: 'target',
  basis: 'SPC-Confirm-2011 Art. 4',
  length: 3,
  unit: 'day',
};
/** SPC-Confirm-2011 Art. 5: decided within 15 days of acceptance; +10 days once, the president approving. */
const REVIEW_DECISION: DeadlineRule = {
  kind: 'reviewDecision',
  sort: 'target',
  basis: 'SPC-Confirm-2011 Art. 5',
  length: 15,
  unit: 'day',
};
const MAX_REVIEW_EXTENSION_DAYS = 10;
/** CPL Art. 187: special-procedure cases are concluded within 30 days of filing. */
const SPECIAL_PROCEDURE_PERIOD: DeadlineRule = {
  kind: 'specialProcedurePeriod',
  sort: 'target',
  basis: 'CPL Art. 187',
  length: 30,
  unit: 'day',
};
/** CPL-Interp Arts. 354, 356: further statements or evidence within the time the court sets. */
const SUPPLEMENT_DUE = { kind: 'supplementDue', sort: 'target', basis: 'CPL-Interp Arts. 354, 356' } as const;
/** CPL-Interp Art. 372: a party objects within 15 days of receiving the ruling. */
const OBJECTION_PERIOD = { basis: 'CPL-Interp Art. 372', length: 15, unit: 'day' } as const;
/** CPL Art. 250: enforcement is applied for within 2 years of the last performance day, else of the ruling. */
const ENFORCEMENT_PERIOD = { basis: 'CPL Art. 250', length: 2, unit: 'year' } as const;

/**
 * What the agreement settles. Identity relations and ownership confirmations are outside
 * judicial confirmation (CPL-Interp Art. 355(3), (5)); property terms of a family agreement
 * (division, maintenance, support) are confirmable.
 */
export const AGREEMENT_SUBJECTS = [
  'propertyObligation', // 财产给付、债权债务
  'familyProperty', // 婚姻家庭中的财产分割、抚养费、赡养费
  'identityRelation', // 婚姻、亲子、收养等身份关系有效、无效或解除
  'realRightOwnership', // 物权确权
  'ipOwnership', // 知识产权确权
  'other',
] as const;
export type AgreementSubject = (typeof AGREEMENT_SUBJECTS)[number];

const SUBJECT_WARNINGS: Partial<Record<AgreementSubject, Warning>> = {
  identityRelation: {
    code: 'IDENTITY_RELATION',
    basis: 'CPL-Interp Art. 355(3)',
    message: 'the agreement concerns an identity relation (marriage, parent-child, adoption); the court does not accept or dismisses such an application',
  },
  realRightOwnership: {
    code: 'OWNERSHIP_CONFIRMATION',
    basis: 'CPL-Interp Art. 355(5)',
    message: 'the agreement confirms ownership of a real right; the court does not accept or dismisses such an application',
  },
  ipOwnership: {
    code: 'OWNERSHIP_CONFIRMATION',
    basis: 'CPL-Interp Art. 355(5)',
    message: 'the agreement confirms ownership of intellectual property; the court does not accept or dismisses such an application',
  },
};

const BOUND_PARTY_INPUT = field.object({
  name: field.text({ maxLength: NAME_MAX }),
  idNumber: field.optional(field.text({ maxLength: 18, format: 'idNumber' })),
  creditCode: field.optional(field.text({ maxLength: 18, format: 'creditCode' })),
});

/** An agreement given with the application instead of a linked case (CPL-Interp Art. 354). */
const INLINE_AGREEMENT = field.object({
  effectiveOn: field.date(),
  subject: field.oneOf(AGREEMENT_SUBJECTS),
  boundParties: field.list(BOUND_PARTY_INPUT, {
    minItems: 2,
    description: 'the parties the agreement binds, as it names them; matched to the applicants by ID number or credit code, else by name',
  }),
  terms: field.list(
    field.object({
      obligorPartyId: field.id({ description: 'the obligor’s id on this case (parties are numbered p1, p2 … in the order given)' }),
      description: field.text(),
      amount: field.optional(field.decimal()),
      dueOn: field.optional(field.date()),
    }),
    { minItems: 1 },
  ),
});
type InlineAgreement = Infer<typeof INLINE_AGREEMENT>;
type BoundPartyInput = Infer<typeof BOUND_PARTY_INPUT>;

/** A party the agreement binds, and the applicant it was matched to (null: not among the applicants). */
interface BoundParty {
  name: string;
  partyId: string | null;
}

type AgreementSource = 'linkedCase' | 'inline' | 'both' | 'none';

/** What judicial confirmation keeps in `context.facts`. */
interface ConfirmationFacts {
  appliedOn: IsoDate;
  agreementSource: AgreementSource;
  linkedFlowId: string | null;
  subject: AgreementSubject | null;
  boundParties: BoundParty[];
  confirmationWindowDueOn: IsoDate | null;
}

const factsOf = (context: CaseContext) => context.facts as unknown as ConfirmationFacts;
const applicantsOf = (parties: readonly Party[]) => parties.filter((p) => p.role === 'applicant');

function openingContext(machineInput: CaseMachineInput): CaseContext {
  const context = baseContext(machineInput);
  const { input, today, host } = machineInput;
  const inline = input.agreement as InlineAgreement | undefined;
  const source: AgreementSource =
    context.linkedCaseId !== null ? (inline ? 'both' : 'linkedCase') : inline ? 'inline' : 'none';
  const linked = source === 'linkedCase' ? confirmableAgreementOf(host.linkedCase) : null;
  const applicants = applicantsOf(context.parties);

  let agreement: Agreement | null = null;
  let boundParties: BoundParty[] = [];
  if (linked) {
    agreement = localizeAgreement(linked, context.parties);
    const linkedParties = host.linkedCase!.context.parties;
    boundParties = linked.boundPartyIds.map((id) => ({
      name: linkedParties.find((p) => p.id === id)?.name ?? id,
      partyId: applicants.find((p) => p.linkedPartyId === id)?.id ?? null,
    }));
  } else if (source === 'inline') {
    boundParties = inline!.boundParties.map((bound) => ({
      name: bound.name,
      partyId: applicants.find((p) => isSameParty(bound, p))?.id ?? null,
    }));
    agreement = {
      form: 'written',
      effectiveOn: inline!.effectiveOn,
      terms: inline!.terms as Term[],
      boundPartyIds: boundParties.flatMap((b) => (b.partyId ? [b.partyId] : [])),
    };
  }

  const subject = source === 'inline' ? inline!.subject : null;
  const facts: ConfirmationFacts = {
    appliedOn: input.appliedOn ?? today,
    agreementSource: source,
    linkedFlowId: source === 'linkedCase' ? (host.linkedCase?.flowId ?? null) : null,
    subject,
    boundParties,
    confirmationWindowDueOn: agreement ? computeDueDate({ from: agreement.effectiveOn, ...CONFIRMATION_WINDOW }).dueOn : null,
  };
  const warning = subject ? SUBJECT_WARNINGS[subject] : undefined;
  return {
    ...context,
    agreement,
    facts: facts as unknown as Record<string, unknown>,
    warnings: warning ? [warning] : [],
    deadlines: startDeadline(context.deadlines, ACCEPTANCE_DECISION, facts.appliedOn),
  };
}

/** The same person or organisation: by ID number, else credit code, else the name as written. */
function isSameParty(bound: BoundPartyInput, party: Party): boolean {
  if (bound.idNumber) return party.idNumber === bound.idNumber;
  if (bound.creditCode) return party.creditCode === bound.creditCode;
  return party.name === bound.name;
}

/** A period recorded as information after the end (flows.md "Deadlines": a final state holds no deadline). */
interface RecordedPeriod {
  from: IsoDate;
  dueOn: IsoDate;
  basis: string;
  provisional: boolean;
}

function recordedPeriod(from: IsoDate, period: { basis: string; length: number; unit: 'day' | 'year' }): RecordedPeriod {
  const due = computeDueDate({ from, length: period.length, unit: period.unit });
  return { from, dueOn: due.dueOn, basis: period.basis, provisional: due.provisional };
}

/**
 * What the ruling leaves on record: each party's objection period from its own service
 * (null while not served; CPL-Interp Art. 372) and the enforcement period (CPL Art. 250).
 */
function confirmationRecords(context: CaseContext, payload: Record<string, any>) {
  const servedOnOf = (partyId: string): IsoDate | undefined =>
    (payload.partyServices as { partyId: string; servedOn: IsoDate }[] | undefined)?.find((s) => s.partyId === partyId)?.servedOn ??
    payload.servedOn;
  const objectionUntil = Object.fromEntries(
    context.parties
      .filter((p) => p.role !== 'thirdParty')
      .map((p) => {
        const servedOn = servedOnOf(p.id);
        return [p.id, servedOn ? recordedPeriod(servedOn, OBJECTION_PERIOD) : null];
      }),
  );
  const lastDueOn = context.agreement ? lastTermDueOn(context.agreement) : undefined;
  return {
    ruling: { rulingNo: payload.rulingNo, ruledOn: payload.ruledOn },
    objectionUntil,
    enforcementUntil: recordedPeriod(lastDueOn ?? payload.ruledOn, ENFORCEMENT_PERIOD),
  };
}

const rulingIssued = (ruling: string) =>
  effect(({ event }) => ({
    type: 'document.issued',
    document: 'ruling',
    details: { ruling, rulingNo: event.payload.rulingNo, ...(event.payload.reason ? { reason: event.payload.reason } : {}) },
  }));

/** The days an `agreement.confirmed` says the ruling was served: on everyone, and per party. */
function serviceDates(payload: { servedOn?: IsoDate; partyServices?: { servedOn: IsoDate }[] }): IsoDate[] {
  return [payload.servedOn, ...(payload.partyServices ?? []).map((s) => s.servedOn)].filter((d): d is IsoDate => typeof d === 'string');
}

export const judicialConfirmationMachine = flowSetup
  .extend({
    guards: {
      reviewAlreadyExtended: ({ context }) => context.records.reviewExtension !== undefined,
      reviewExtensionTooLong: ({ event }) => event.payload.days > MAX_REVIEW_EXTENSION_DAYS,
      serviceDateInFuture: ({ event }) => serviceDates(event.payload).some((d) => d > event.today),
      // A service date before the ruling is a typing error that would end a party's objection period early.
      serviceBeforeRuling: ({ event }) => serviceDates(event.payload).some((d) => d < event.payload.ruledOn),
      withdrawingPartyUnknown: ({ context, event }) =>
        event.payload.partyId !== undefined && !context.parties.some((p) => p.id === event.payload.partyId),
      serviceNamesUnknownParty: ({ context, event }) =>
        ((event.payload.partyServices as { partyId: string }[] | undefined) ?? []).some((s) => !context.parties.some((p) => p.id === s.partyId)),
    },
    actions: {
      startReviewPeriods: assign(({ context, event }) => {
        const acceptedOn: IsoDate = event.payload.acceptedOn ?? event.today;
        const deadlines = startDeadline(clearDeadlines(context.deadlines, ['acceptanceDecision']), REVIEW_DECISION, acceptedOn);
        return { deadlines: startDeadline(deadlines, SPECIAL_PROCEDURE_PERIOD, acceptedOn) };
      }),
      setSupplementDue: assign(({ context, event }) => ({
        deadlines: setDeadlineOn(context.deadlines, SUPPLEMENT_DUE, event.payload.dueOn, event.today),
      })),
      extendReview: assign(({ context, event }) => ({
        deadlines: extendDeadline(context.deadlines, REVIEW_DECISION.kind, event.payload.days, 'day'),
        records: {
          ...context.records,
          reviewExtension: { days: event.payload.days, approvedBy: event.payload.approvedBy, on: event.today },
        },
      })),
      recordConfirmation: assign(({ context, event }) => ({
        records: { ...context.records, ...confirmationRecords(context, event.payload) },
      })),
      recordWithdrawal: assign(({ event }) => ({
        outcome: {
          reason: event.payload.deemed ? 'deemedWithdrawn' : 'withdrawn',
          rulingNo: event.payload.rulingNo,
          deemed: event.payload.deemed,
          ...(event.payload.partyId ? { partyId: event.payload.partyId } : {}),
        },
      })),
    },
  })
  .createMachine({
    id: 'judicial-confirmation',
    context: ({ input }) => openingContext(input),
    initial: 'applied',
    on: centreHandlers,
    states: {
      applied: {
        meta: { titleZh: '已申请' },
        description: '已申请 yǐ shēnqǐng — the joint application is with the court; acceptance not yet decided (SPC-Confirm-2011 Art. 4)',
        tags: 'open',
        on: {
          'application.accepted': [
            violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'underReview',
              actions: [
                { type: 'markAccepted', params: { field: 'acceptedOn' } },
                'startReviewPeriods',
                effect({ type: 'document.issued', document: 'acceptanceNotice', details: { basis: 'SPC-Confirm-2011 Art. 4' } }),
              ],
            },
          ],
          'application.rejected': {
            target: 'notAccepted',
            actions: ['recordOutcome', rulingIssued('notAccepted')],
          },
          ...withdrawal(),
        },
      },
      underReview: {
        meta: { titleZh: '审查中' },
        description: '审查中 shěnchá zhōng — accepted (调确字); the judge reviews the agreement with both parties (CPL-Interp Arts. 356, 358)',
        tags: 'open',
        on: {
          'supplement.requested': [
            violation('dueDateNotInFuture', RULES.SUPPLEMENT_DUE_IN_FUTURE),
            {
              target: 'awaitingSupplement',
              actions: [
                'setSupplementDue',
                { type: 'recordInList', params: { list: 'supplementRequests', fields: ['items', 'dueOn'] } },
                effect(({ event }) => ({
                  type: 'notice.sent',
                  notice: 'supplementRequested',
                  to: 'parties',
                  details: { items: event.payload.items, dueOn: event.payload.dueOn },
                })),
              ],
            },
          ],
          'agreement.confirmed': [
            violation({ type: 'dateInFuture', params: { field: 'ruledOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('serviceDateInFuture', RULES.DATE_NOT_IN_FUTURE),
            violation('serviceBeforeRuling', RULES.SERVICE_BEFORE_RULING),
            violation('serviceNamesUnknownParty', RULES.UNKNOWN_PARTY),
            {
              target: 'confirmed',
              actions: ['recordOutcome', 'recordConfirmation', rulingIssued('agreementValid')],
            },
          ],
          ...reviewExtension(),
          ...dismissal(),
          ...withdrawal(),
        },
      },
      awaitingSupplement: {
        meta: { titleZh: '待补充材料' },
        description: '待补充材料 dài bǔchōng cáiliào — the court awaits further statements or evidence by a set day (CPL-Interp Arts. 354, 356)',
        tags: 'open',
        on: {
          'supplement.provided': [
            violation({ type: 'dateInFuture', params: { field: 'providedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'underReview',
              actions: [
                { type: 'clearDeadlines', params: { kinds: [SUPPLEMENT_DUE.kind] } },
                { type: 'recordInList', params: { list: 'supplements', fields: ['providedOn'] } },
              ],
            },
          ],
          ...reviewExtension(),
          ...dismissal(),
          ...withdrawal(),
        },
      },
      confirmed: {
        type: 'final',
        meta: { titleZh: '裁定调解协议有效' },
        description: '裁定调解协议有效 cáidìng tiáojiě xiéyì yǒuxiào — ruled valid; enforceable if a party does not perform (CPL Art. 206)',
        tags: 'resolved',
        entry: 'endCase',
      },
      dismissed: {
        type: 'final',
        meta: { titleZh: '裁定驳回申请' },
        description: '裁定驳回申请 cáidìng bóhuí shēnqǐng — application dismissed; the parties may re-mediate or sue (CPL Art. 206; CPL-Interp Art. 358)',
        tags: 'unresolved',
        entry: 'endCase',
      },
      notAccepted: {
        type: 'final',
        meta: { titleZh: '裁定不予受理' },
        description: '裁定不予受理 cáidìng bùyǔ shòulǐ — the court does not accept the application (CPL-Interp Art. 355)',
        tags: 'notAccepted',
        entry: 'endCase',
      },
      withdrawn: {
        type: 'final',
        meta: { titleZh: '撤回申请' },
        description: '撤回申请 chèhuí shēnqǐng — withdrawal allowed, or the application treated as withdrawn (CPL-Interp Art. 357)',
        tags: 'withdrawn',
        entry: 'endCase',
      },
    },
  });

/** `review.extended`: once, by at most 10 days, moving `reviewDecision` (SPC-Confirm-2011 Art. 5). */
function reviewExtension(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'review.extended': [
      violation('reviewAlreadyExtended', RULES.REVIEW_ALREADY_EXTENDED),
      violation('reviewExtensionTooLong', RULES.REVIEW_EXTENSION_TOO_LONG),
      { actions: 'extendReview' },
    ],
  };
}

/** `application.dismissed` after acceptance (CPL-Interp Arts. 355, 358); CPL Art. 206 leaves re-mediation or a suit. */
function dismissal(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'application.dismissed': {
      target: 'dismissed',
      actions: [
        'recordOutcome',
        rulingIssued('dismissed'),
        effect({
          type: 'notice.sent',
          notice: 'confirmationDismissed',
          to: 'parties',
          details: { remainingRoutes: ['mediation', 'litigation'], basis: 'CPL Art. 206' },
        }),
      ],
    },
  } as const;
}

/** `application.withdrawn`: allowed, or deemed when a party fails to supplement or refuses questioning (CPL-Interp Art. 357). */
function withdrawal(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'application.withdrawn': [
      violation('withdrawingPartyUnknown', RULES.UNKNOWN_PARTY),
      { target: 'withdrawn', actions: ['recordWithdrawal', rulingIssued('withdrawal')] },
    ],
  };
}

const REJECTION_REASONS = ['notCivil', 'noJurisdiction', 'identityRelation', 'otherSpecialProcedure', 'ownershipConfirmation'] as const;
const DISMISSAL_REASONS = [
  'mandatoryLaw',
  'publicOrThirdPartyHarm',
  'publicOrder',
  'involuntary',
  'unclearContent',
  'identityRelation',
  'ownershipConfirmation',
  'other',
] as const;

const JUDICIAL_CONFIRMATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description: '受理: the court accepts the application (调确字 case number); starts the review periods (SPC-Confirm-2011 Arts. 4-5; CPL Art. 187)',
    by: ['court'],
    payload: field.object({ acceptedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'application.rejected': {
    titleZh: '裁定不予受理',
    description: '裁定不予受理: the court does not accept the application (CPL-Interp Art. 355)',
    by: ['court'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS), rulingNo: field.id() }),
  },
  'supplement.requested': {
    titleZh: '限期补充',
    description: '限期补充: the court asks for further statements or evidence by a set day (CPL-Interp Arts. 354, 356)',
    by: ['court'],
    payload: field.object({ items: field.list(field.text(), { minItems: 1 }), dueOn: field.date() }),
  },
  'supplement.provided': {
    titleZh: '补充材料',
    description: '补充材料: the parties supplied what the court asked for',
    by: ['court'],
    payload: field.object({ providedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'review.extended': {
    titleZh: '延长审查期限',
    description: '延长审查期限: once, by at most 10 days, approved by the court president (SPC-Confirm-2011 Art. 5)',
    by: ['court'],
    payload: field.object({ days: field.integer(1, 365), approvedBy: field.text({ maxLength: NAME_MAX }) }),
  },
  'agreement.confirmed': {
    titleZh: '裁定调解协议有效',
    description: '裁定调解协议有效: the agreement is ruled valid (CPL Art. 206); records objection and enforcement periods (CPL-Interp Art. 372; CPL Art. 250)',
    by: ['court'],
    payload: field.object({
      rulingNo: field.id(),
      ruledOn: field.date(),
      servedOn: field.optional(field.date({ description: 'the day the ruling was served on every party' })),
      partyServices: field.optional(
        field.list(field.object({ partyId: field.id(), servedOn: field.date() }), {
          minItems: 1,
          description: 'a party served on another day than `servedOn`',
        }),
      ),
    }),
  },
  'application.dismissed': {
    titleZh: '裁定驳回申请',
    description: '裁定驳回申请: the application is dismissed after acceptance (CPL-Interp Arts. 355, 358); re-mediation or a suit remain (CPL Art. 206)',
    by: ['court'],
    payload: field.object({ reason: field.oneOf(DISMISSAL_REASONS), rulingNo: field.id() }),
  },
  'application.withdrawn': {
    titleZh: '准许撤回',
    description: '准许撤回 / 按撤回申请处理: withdrawal allowed, or deemed for failing to supplement or refusing questioning (CPL-Interp Art. 357)',
    by: ['court'],
    payload: field.object({
      rulingNo: field.id(),
      deemed: field.boolean(),
      partyId: field.optional(field.id({ description: 'the party who withdrew, or whose failure led to a deemed withdrawal' })),
    }),
  },
} as const satisfies Record<string, EventSpec>;

const sourceIs = (context: CaseContext, ...sources: AgreementSource[]) => sources.includes(factsOf(context).agreementSource);

const JUDICIAL_CONFIRMATION_OPENING_RULES: OpeningRule[] = [
  { rule: RULES.AGREEMENT_REQUIRED, violated: (c) => sourceIs(c, 'none', 'both') },
  { rule: RULES.LINKED_AGREEMENT_NOT_CONFIRMABLE, violated: (c) => sourceIs(c, 'linkedCase') && c.agreement === null },
  { rule: RULES.DATE_NOT_IN_FUTURE, violated: (c) => c.agreement !== null && c.agreement.effectiveOn > c.openedOn },
  {
    rule: RULES.UNKNOWN_PARTY,
    violated: (c) => sourceIs(c, 'inline') && c.agreement!.terms.some((t) => !c.parties.some((p) => p.id === t.obligorPartyId)),
  },
  {
    rule: RULES.CONFIRMATION_WINDOW_EXPIRED,
    violated: (c) => factsOf(c).confirmationWindowDueOn !== null && factsOf(c).appliedOn > factsOf(c).confirmationWindowDueOn!,
  },
  { rule: RULES.JOINT_APPLICATION_REQUIRED, violated: (c) => factsOf(c).boundParties.some((b) => b.partyId === null) },
];

export const judicialConfirmationV1 = defineFlow({
  id: 'judicial-confirmation',
  version: 1,
  title: 'Judicial confirmation of a mediation agreement',
  titleZh: '司法确认',
  basis: 'PML Art. 33; CPL Arts. 185-187, 205-206, 250; CPL-Interp Arts. 351-358, 372; SPC-Confirm-2011 Arts. 4-6',
  machine: judicialConfirmationMachine,
  openedBy: ['court'],
  organizationFields: {},
  intake: {
    appliedOn: field.optional(field.date({ description: 'the day the court received the joint application; default: today' })),
    agreement: field.optional(INLINE_AGREEMENT),
  },
  events: JUDICIAL_CONFIRMATION_EVENTS,
  deadlines: [
    { kind: 'acceptanceDecision', sort: 'target', basis: 'SPC-Confirm-2011 Art. 4', description: '3 days from `appliedOn` to decide on acceptance' },
    {
      kind: 'reviewDecision',
      sort: 'target',
      basis: 'SPC-Confirm-2011 Art. 5',
      description: '15 days from acceptance to rule; `review.extended` adds up to 10 days once',
    },
    { kind: 'specialProcedurePeriod', sort: 'target', basis: 'CPL Art. 187', description: '30 days from acceptance (filing) to conclude' },
    { kind: 'supplementDue', sort: 'target', basis: 'CPL-Interp Arts. 354, 356', description: 'the day the court set for further statements or evidence' },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
  openingRules: JUDICIAL_CONFIRMATION_OPENING_RULES,
});
