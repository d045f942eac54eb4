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
import type {
  Agreement,
  CaseContext,
  CaseEvent,
  CaseInput,
  CaseMachineInput,
  Party,
  Term,
  Warning,
} from '../../caseContext.js';
import { stringField } from '../../eventPayload.js';
import type { Static, TObject } from '../../schema.js';
import { clearDeadlines, extendDeadline, setDeadlineOn, startDeadline } from '../../deadlines.js';
import { defineFlow } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violationIn, type FlowTransition } from '../../flowSetup.js';
import { confirmableAgreementOf, localizeAgreement } from '../../linkedAgreement.js';
import { singleExtension } from '../shared/singleExtension.js';
import {
  ACCEPTANCE_DECISION,
  CONFIRMATION_WINDOW,
  ENFORCEMENT_PERIOD,
  JUDICIAL_CONFIRMATION_DEADLINES,
  MAX_REVIEW_EXTENSION_DAYS,
  OBJECTION_PERIOD,
  REVIEW_DECISION,
  SPECIAL_PROCEDURE_PERIOD,
  SUPPLEMENT_DUE,
} from './deadlines.js';
import {
  JUDICIAL_CONFIRMATION_EVENTS,
  JUDICIAL_CONFIRMATION_INTAKE,
  payloadOf,
  type AgreementSubject,
  type BoundPartyInput,
  type InlineAgreement,
} from './events.js';
import type { AgreementSource, BoundParty, ConfirmationFacts } from './facts.js';
import { JUDICIAL_CONFIRMATION_OPENING_RULES, RULES } from './rules.js';

export { AGREEMENT_SUBJECTS, type AgreementSubject } from './events.js';
export { JUDICIAL_CONFIRMATION_RULES } from './rules.js';

const SUBJECT_WARNINGS: Partial<Record<AgreementSubject, Warning>> = {
  identityRelation: {
    code: 'IDENTITY_RELATION',
    basis: 'CPL-Interp Art. 355(3)',
    message:
      'the agreement concerns an identity relation (marriage, parent-child, adoption); the court does not accept or ' +
      'dismisses such an application',
  },
  realRightOwnership: {
    code: 'OWNERSHIP_CONFIRMATION',
    basis: 'CPL-Interp Art. 355(5)',
    message:
      'the agreement confirms ownership of a real right; the court does not accept or dismisses such an application',
  },
  ipOwnership: {
    code: 'OWNERSHIP_CONFIRMATION',
    basis: 'CPL-Interp Art. 355(5)',
    message:
      'the agreement confirms ownership of intellectual property; the court does not accept or ' +
      'dismisses such an application',
  },
};

const applicantsOf = (parties: readonly Party[]) => parties.filter((p) => p.role === 'applicant');

function openingContext(machineInput: CaseMachineInput): CaseContext {
  const context = baseContext(machineInput);
  const { today, host } = machineInput;
  // Validated against JUDICIAL_CONFIRMATION_INTAKE before the machine starts.
  const input = machineInput.input as CaseInput & Static<TObject<typeof JUDICIAL_CONFIRMATION_INTAKE>>;
  const inline: InlineAgreement | undefined = input.agreement;
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
    confirmationWindowDueOn: agreement
      ? computeDueDate({ from: agreement.effectiveOn, ...CONFIRMATION_WINDOW }).dueOn
      : null,
  };
  const warning = subject ? SUBJECT_WARNINGS[subject] : undefined;
  return {
    ...context,
    agreement,
    facts,
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

function recordedPeriod(
  from: IsoDate,
  period: { basis: string; length: number; unit: 'day' | 'year' },
): RecordedPeriod {
  const due = computeDueDate({ from, length: period.length, unit: period.unit });
  return { from, dueOn: due.dueOn, basis: period.basis, provisional: due.provisional };
}

/**
 * What the ruling leaves on record: each party's objection period from its own service
 * (null while not served; CPL-Interp Art. 372) and the enforcement period (CPL Art. 250).
 */
function confirmationRecords(context: CaseContext, event: CaseEvent) {
  const payload = payloadOf(event, 'agreement.confirmed');
  const servedOnOf = (partyId: string): IsoDate | undefined =>
    payload.partyServices?.find((s) => s.partyId === partyId)?.servedOn ?? payload.servedOn;
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
    details: { ruling, ...rulingOf(event) },
  }));

/** The court's number for a ruling, and its reason where the ruling gives one. */
function rulingOf(event: CaseEvent): { rulingNo: string; reason?: string } {
  const { rulingNo } = payloadOf(
    event,
    'application.rejected',
    'agreement.confirmed',
    'application.dismissed',
    'application.withdrawn',
  );
  const reason = stringField(event.payload, 'reason');
  return { rulingNo, ...(reason ? { reason } : {}) };
}

/** The days an `agreement.confirmed` says the ruling was served: on everyone, and per party. */
function serviceDates(payload: { servedOn?: IsoDate; partyServices?: { servedOn: IsoDate }[] }): IsoDate[] {
  return [payload.servedOn, ...(payload.partyServices ?? []).map((s) => s.servedOn)].filter(
    (d): d is IsoDate => typeof d === 'string',
  );
}

const judicialConfirmationSetup = flowSetup.extend({
  guards: {
    serviceDateInFuture: ({ event }) =>
      serviceDates(payloadOf(event, 'agreement.confirmed')).some((d) => d > event.today),
    // A service date before the ruling is a typing error that would end a party's objection period early.
    serviceBeforeRuling: ({ event }) => {
      const confirmed = payloadOf(event, 'agreement.confirmed');
      return serviceDates(confirmed).some((d) => d < confirmed.ruledOn);
    },
    withdrawingPartyUnknown: ({ context, event }) =>
      ((partyId) => partyId !== undefined && !context.parties.some((p) => p.id === partyId))(
        payloadOf(event, 'application.withdrawn').partyId,
      ),
    serviceNamesUnknownParty: ({ context, event }) =>
      (payloadOf(event, 'agreement.confirmed').partyServices ?? []).some(
        (s) => !context.parties.some((p) => p.id === s.partyId),
      ),
  },
  actions: {
    startReviewPeriods: assign(({ context, event }) => {
      const acceptedOn: IsoDate = payloadOf(event, 'application.accepted').acceptedOn ?? event.today;
      const deadlines = startDeadline(
        clearDeadlines(context.deadlines, ['acceptanceDecision']),
        REVIEW_DECISION,
        acceptedOn,
      );
      return { deadlines: startDeadline(deadlines, SPECIAL_PROCEDURE_PERIOD, acceptedOn) };
    }),
    setSupplementDue: assign(({ context, event }) => ({
      deadlines: setDeadlineOn(
        context.deadlines,
        SUPPLEMENT_DUE,
        payloadOf(event, 'supplement.requested').dueOn,
        event.today,
      ),
    })),
    extendReview: assign(({ context, event }) => {
      const { days, approvedBy } = payloadOf(event, 'review.extended');
      return {
        deadlines: extendDeadline(context.deadlines, REVIEW_DECISION.kind, days, 'day'),
        records: { ...context.records, reviewExtension: { days, approvedBy, on: event.today } },
      };
    }),
    recordConfirmation: assign(({ context, event }) => ({
      records: { ...context.records, ...confirmationRecords(context, event) },
    })),
    recordWithdrawal: assign(({ event }) => {
      const { deemed, rulingNo, partyId } = payloadOf(event, 'application.withdrawn');
      return {
        outcome: {
          reason: deemed ? 'deemedWithdrawn' : 'withdrawn',
          rulingNo,
          deemed,
          ...(partyId ? { partyId } : {}),
        },
      };
    }),
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof judicialConfirmationSetup>;
const violation = violationIn<typeof judicialConfirmationSetup>();

export const judicialConfirmationMachine = judicialConfirmationSetup.createMachine({
  id: 'judicial-confirmation',
  context: ({ input }) => openingContext(input),
  // CPL Art. 205, CPL-Interp Arts. 353-354: the joint application as the court received it (司法确认申请书),
  // printed for the applicants to sign — an oral application is recorded and signed the same way.
  entry: effect({
    type: 'document.issued',
    document: 'application',
    details: { basis: 'CPL Art. 205; CPL-Interp Arts. 353-354' },
  }),
  initial: 'applied',
  on: centreHandlers,
  states: {
    applied: {
      meta: { titleZh: '已申请' },
      description:
        '已申请 yǐ shēnqǐng — the joint application is with the court; acceptance not yet ' +
        'decided (SPC-Confirm-2011 Art. 4)',
      tags: 'open',
      on: {
        'application.accepted': [
          violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          {
            target: 'underReview',
            actions: [
              { type: 'markAccepted', params: { field: 'acceptedOn' } },
              'startReviewPeriods',
              effect({
                type: 'document.issued',
                document: 'acceptanceNotice',
                details: { basis: 'SPC-Confirm-2011 Art. 4' },
              }),
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
      description:
        '审查中 shěnchá zhōng — accepted (调确字); the judge reviews the agreement with both ' +
        'parties (CPL-Interp Arts. 356, 358)',
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
                details: {
                  items: payloadOf(event, 'supplement.requested').items,
                  dueOn: payloadOf(event, 'supplement.requested').dueOn,
                },
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
      description:
        '待补充材料 dài bǔchōng cáiliào — the court awaits further statements or evidence by a set ' +
        'day (CPL-Interp Arts. 354, 356)',
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
      description:
        '裁定调解协议有效 cáidìng tiáojiě xiéyì yǒuxiào — ruled valid; enforceable if a party does not perform (CPL Art. 206)',
      tags: 'resolved',
      entry: 'endCase',
    },
    dismissed: {
      type: 'final',
      meta: { titleZh: '裁定驳回申请' },
      description:
        '裁定驳回申请 cáidìng bóhuí shēnqǐng — application dismissed; the parties may re-mediate or sue (CPL ' +
        'Art. 206; CPL-Interp Art. 358)',
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
      description:
        '撤回申请 chèhuí shēnqǐng — withdrawal allowed, or the application treated as withdrawn (CPL-Interp Art. 357)',
      tags: 'withdrawn',
      entry: 'endCase',
    },
  },
});
/** `review.extended`: once, by at most 10 days, moving `reviewDecision` (SPC-Confirm-2011 Art. 5). */
function reviewExtension(): Record<'review.extended', Transition[]> {
  return {
    'review.extended': singleExtension<typeof judicialConfirmationSetup>({
      record: 'reviewExtension',
      maxDays: MAX_REVIEW_EXTENSION_DAYS,
      rules: { alreadyExtended: RULES.REVIEW_ALREADY_EXTENDED, tooLong: RULES.REVIEW_EXTENSION_TOO_LONG },
      actions: 'extendReview',
    }),
  };
}

/** `application.dismissed` after acceptance (CPL-Interp Arts. 355, 358); CPL Art. 206 leaves re-mediation or a suit. */
function dismissal(): Record<string, Transition | Transition[]> {
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

/**
 * `application.withdrawn`: allowed, or deemed when a party fails
 * to supplement or refuses questioning (CPL-Interp Art. 357).
 */
function withdrawal(): Record<string, Transition | Transition[]> {
  return {
    'application.withdrawn': [
      violation('withdrawingPartyUnknown', RULES.UNKNOWN_PARTY),
      { target: 'withdrawn', actions: ['recordWithdrawal', rulingIssued('withdrawal')] },
    ],
  };
}

export const judicialConfirmationV1 = defineFlow({
  id: 'judicial-confirmation',
  version: 1,
  title: 'Judicial confirmation of a mediation agreement',
  titleZh: '司法确认',
  basis: 'PML Art. 33; CPL Arts. 185-187, 205-206, 250; CPL-Interp Arts. 351-358, 372; SPC-Confirm-2011 Arts. 4-6',
  machine: judicialConfirmationMachine,
  openedBy: ['court'],
  organizationFields: {},
  intake: JUDICIAL_CONFIRMATION_INTAKE,
  events: JUDICIAL_CONFIRMATION_EVENTS,
  deadlines: JUDICIAL_CONFIRMATION_DEADLINES,
  rules: Object.values(RULES),
  openingRules: JUDICIAL_CONFIRMATION_OPENING_RULES,
});
