/**
 * Petitions 信访 — PC-Reg 2022 (信访工作条例), Arts. 19-24 (registration, forwarding 转送,
 * assignment 交办), 28 and 31 (诉访分离), 32-36 (handling opinion, review 复查, re-review 复核),
 * 33 and 37 (访调对接: mediation of civil disputes by a people's mediation committee).
 *
 * registered → handling ⇄ inMediation → opinionIssued → underReview → reviewDecided →
 * underRereview ⇄ inHearing. Decisions where flows.md is silent: docs/decisions/petition.md.
 */
import type { IsoDate } from '@jiefen/legal-time';
import { assign } from 'xstate';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseMachineInput, Party, Warning } from '../../caseContext.js';
import { clearDeadlines, extendDeadline, findDeadline, setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow, type EventSpec } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation } from '../../flowSetup.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { NO_PAYLOAD } from '../../payloads.js';
import { field, NAME_MAX } from '../../schema.js';
import type { CaseStatus } from '../../vocabulary.js';

export const PETITION_RULES = defineRules({
  FORWARDING_TO_ANOTHER_BODY: {
    basis: 'PC-Reg Arts. 22, 23',
    requirement: 'a petition is forwarded (转送) or assigned (交办) to a body other than the one holding it',
  },
  FORWARDING_NOT_UPWARD: {
    basis: 'PC-Reg Arts. 22, 23',
    requirement: 'a petition is forwarded or assigned to a competent body at the same level or below, never to one above the body holding it',
  },
  ASSIGNMENT_DUE_IN_FUTURE: {
    basis: 'PC-Reg Art. 22',
    requirement: 'an assignment (交办) sets a due date for the result after today',
  },
  OBJECTION_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 23',
    requirement: 'a body objects to a petition forwarded or assigned to it within 5 working days of receiving it, once',
  },
  HANDLING_EXTENSION_TOO_LONG: {
    basis: 'PC-Reg Art. 34',
    requirement: 'the handling period is extended by at most 30 days',
  },
  HANDLING_ALREADY_EXTENDED: {
    basis: 'PC-Reg Art. 34',
    requirement: 'the handling period is extended only once',
  },
  MEDIATION_ONLY_FOR_CLAIMS: {
    basis: 'PC-Reg Art. 33',
    requirement: 'mediation is offered only while handling a request or complaint for resolution (申诉求决类)',
  },
  MEDIATION_ONLY_FOR_CIVIL_DISPUTES: {
    basis: 'PC-Reg Arts. 33, 37 (访调对接)',
    requirement: 'only a civil dispute between the parties goes to a people’s mediation committee; administrative disputes and matters for other legal procedures do not',
  },
  MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'PC-Reg Art. 33',
    requirement: 'mediation needs both sides of the dispute: a respondent, and the consent of every applicant and respondent',
  },
  REVIEW_ONLY_FOR_CLAIMS: {
    basis: 'PC-Reg Arts. 31, 35',
    requirement: 'review (复查) is requested against a handling opinion on a request or complaint for resolution (申诉求决类)',
  },
  REVIEW_BY_HIGHER_BODY: {
    basis: 'PC-Reg Art. 35',
    requirement: 'review is requested from the body one level above the one that issued the handling opinion',
  },
  REVIEW_REQUEST_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 35',
    requirement: 'review is requested within 30 days of receiving the written handling opinion',
  },
  REREVIEW_BY_HIGHER_BODY: {
    basis: 'PC-Reg Art. 36',
    requirement: 're-review (复核) is requested from the body one level above the reviewing body',
  },
  REREVIEW_REQUEST_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 36',
    requirement: 're-review is requested within 30 days of receiving the written review opinion',
  },
});

const RULES = { ...COMMON_RULES, ...PETITION_RULES };

/** PC-Reg Arts. 22, 23: forward, assign or tell the petitioner how it will be handled within 15 days. */
const ACCEPTANCE_DECISION: DeadlineRule = {
  kind: 'acceptanceDecision',
  sort: 'target',
  basis: 'PC-Reg Arts. 22, 23',
  length: 15,
  unit: 'day',
};
/** PC-Reg Art. 23: a body that is not competent objects within 5 working days of receipt. */
const OBJECTION_WINDOW: DeadlineRule = {
  kind: 'objectionWindow',
  sort: 'window',
  basis: 'PC-Reg Art. 23',
  length: 5,
  unit: 'workingDay',
};
/** PC-Reg Art. 22: 交办 — the result is reported by the date the assigning body sets. */
const ASSIGNMENT_DUE = { kind: 'assignmentDue', sort: 'target', basis: 'PC-Reg Art. 22 (交办)' } as const;
/** PC-Reg Art. 34: 60 days from acceptance, extendable once by at most 30 days. */
const HANDLING_PERIOD: DeadlineRule = { kind: 'handlingPeriod', sort: 'target', basis: 'PC-Reg Art. 34', length: 60, unit: 'day' };
const HANDLING_EXTENSION_MAX_DAYS = 30;
/** PC-Reg Art. 35: review within 30 days of the written opinion; otherwise the opinion stands. */
const REVIEW_REQUEST_PERIOD: DeadlineRule = { kind: 'reviewRequestPeriod', sort: 'limit', basis: 'PC-Reg Art. 35', length: 30, unit: 'day' };
const REVIEW_DECISION: DeadlineRule = { kind: 'reviewDecision', sort: 'target', basis: 'PC-Reg Art. 35', length: 30, unit: 'day' };
/** PC-Reg Art. 36: re-review within 30 days of the written review opinion. */
const REREVIEW_REQUEST_PERIOD: DeadlineRule = {
  kind: 'rereviewRequestPeriod',
  sort: 'limit',
  basis: 'PC-Reg Art. 36',
  length: 30,
  unit: 'day',
};
/** PC-Reg Art. 36: 30 days from the request; hearing time is not counted. */
const REREVIEW_DECISION: DeadlineRule = { kind: 'rereviewDecision', sort: 'target', basis: 'PC-Reg Art. 36', length: 30, unit: 'day' };

/** Deadlines that end when the handling opinion is issued (or the case ends). */
const HANDLING_SPAN = [ACCEPTANCE_DECISION.kind, OBJECTION_WINDOW.kind, ASSIGNMENT_DUE.kind, HANDLING_PERIOD.kind];

/** 建议意见类 (Art. 29), 检举控告类 (Art. 30), 申诉求决类 (Art. 31). */
const PETITION_TYPES = ['suggestion', 'accusation', 'claim'] as const;
const REJECTION_REASONS = ['outOfCompetence', 'pendingAtLowerBody', 'alreadyRereviewed', 'other'] as const;
/** PC-Reg Arts. 22, 28, 31: matters that leave the petition track for their own procedure. */
const LEGAL_ROUTES = [
  'litigation',
  'arbitration',
  'administrativeReconsideration',
  'otherAdministrativeProcedure',
  'procuratorate',
  'police',
  'partyAppeal',
  'disciplineInspection',
] as const;
/** PC-Reg Art. 32: the opinion's stance on the request (支持 / 解释说明 / 不予支持). */
const OPINION_RESULTS = ['supported', 'explained', 'notSupported'] as const;
const DISPUTE_NATURES = ['civil', 'administrative', 'criminal', 'other'] as const;
const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;

type OpinionRecord = 'handlingOpinion' | 'reviewOpinion' | 'rereviewOpinion';

/** A forwarding (转送) or assignment (交办), kept in `records.handOvers`. */
interface HandOver {
  how: 'forwarded' | 'assigned';
  on: IsoDate;
  fromOrganizationId: string;
  toOrganizationId: string;
  receivedOn: IsoDate;
}

/** What decided how a closed or concluded case counts (flows.md: resolved when supported or agreed). */
function settledStatus(context: CaseContext | undefined): CaseStatus {
  const outcome = context?.outcome;
  return outcome?.decidedBy === 'mediation' || outcome?.result === 'supported' ? 'resolved' : 'unresolved';
}

/** PC-Reg Art. 36: a matter already re-reviewed is not accepted again on the same facts and reasons. */
function openingWarnings(host: CaseMachineInput['host']): Warning[] {
  const linked = host.linkedCase;
  if (linked?.flowId !== 'petition' || linked.state !== 'concluded') return [];
  return [
    {
      code: 'MATTER_ALREADY_REREVIEWED',
      basis: 'PC-Reg Art. 36',
      message: 'the linked petition was concluded after re-review; the same request on the same facts and reasons is not accepted again',
    },
  ];
}

/** The intake a people's mediation committee needs to open its own case (访调对接). */
function mediationIntake(context: CaseContext, committeeId: string, today: IsoDate): Record<string, unknown> {
  return {
    category: context.category,
    summary: context.summary,
    parties: context.parties.map(partyForLinkedCase),
    channel: 'petition',
    organizationId: committeeId,
    receivedOn: today,
    riskLevel: context.riskLevel,
    ...(context.amount === null ? {} : { amount: context.amount }),
  };
}

function partyForLinkedCase({ id, linkedPartyId: _previous, ...party }: Party): Record<string, unknown> {
  return { ...party, linkedPartyId: id };
}

/** Whether the date the request was made lies after the last day of its request period. */
function requestedTooLate(context: CaseContext, kind: string, requestedOn: IsoDate): boolean {
  const period = findDeadline(context.deadlines, kind);
  return period?.dueOn != null && requestedOn > period.dueOn;
}

const payloadDate = (payload: Record<string, any>, key: string, today: IsoDate): IsoDate => payload[key] ?? today;

export const petitionMachine = flowSetup
  .extend({
    guards: {
      forwardedToItself: ({ context, event }) =>
        event.payload.organizationId === context.organizationId || event.host.targetRelation === 'self',
      forwardedUpward: ({ event }) => event.host.targetRelation === 'ancestor',
      objectionOutOfTime: ({ context, event }) => {
        const window = findDeadline(context.deadlines, OBJECTION_WINDOW.kind);
        return !(window?.status === 'running' && window.dueOn !== null && event.today <= window.dueOn);
      },
      extensionTooLong: ({ event }) => event.payload.days > HANDLING_EXTENSION_MAX_DAYS,
      handlingAlreadyExtended: ({ context }) => context.records.handlingExtension !== undefined,
      notAClaim: ({ context }) => context.facts.petitionType !== 'claim',
      notACivilDispute: ({ event }) => event.payload.disputeNature !== 'civil',
      bothSidesNotConsenting: ({ context, event }) => {
        const consenting: string[] = event.payload.consentingPartyIds ?? [];
        const sides = context.parties.filter((p) => p.role !== 'thirdParty');
        return !sides.some((p) => p.role === 'respondent') || sides.some((p) => !consenting.includes(p.id));
      },
      requestOutOfTime: ({ context, event }, params: { kind: string }) =>
        requestedTooLate(context, params.kind, payloadDate(event.payload, 'requestedOn', event.today)),
      mediationAgreed: ({ event }) => event.payload.outcome === 'agreed',
    },
    actions: {
      startDeadlineFrom: assign(({ context, event }, params: { rule: DeadlineRule; field: string }) => ({
        deadlines: startDeadline(context.deadlines, params.rule, payloadDate(event.payload, params.field, event.today)),
      })),
      startHandlingPeriod: assign(({ context, event }) => ({
        deadlines: startDeadline(context.deadlines, HANDLING_PERIOD, context.acceptedOn ?? event.today),
      })),
      /**
       * 转送 / 交办: the receiving body now holds the petition; its 5 working days to object run
       * from its receipt, and before acceptance so do its 15 days to decide (PC-Reg Art. 23).
       */
      handOver: assign(({ context, event }, params: { how: HandOver['how']; restartAcceptance: boolean }) => {
        const receivedOn = payloadDate(event.payload, 'receivedOn', event.today);
        let deadlines = startDeadline(context.deadlines, OBJECTION_WINDOW, receivedOn);
        if (params.restartAcceptance) deadlines = startDeadline(deadlines, ACCEPTANCE_DECISION, receivedOn);
        const handOver: HandOver = {
          how: params.how,
          on: event.today,
          fromOrganizationId: context.organizationId,
          toOrganizationId: event.payload.organizationId,
          receivedOn,
        };
        return {
          organizationId: event.payload.organizationId,
          deadlines,
          records: { ...context.records, handOvers: [...handOversOf(context), handOver] },
        };
      }),
      setAssignmentDue: assign(({ context, event }) => ({
        deadlines: setDeadlineOn(context.deadlines, ASSIGNMENT_DUE, event.payload.dueOn, event.today),
      })),
      recordObjection: assign(({ context, event }) => ({
        deadlines: clearDeadlines(context.deadlines, [OBJECTION_WINDOW.kind]),
        records: {
          ...context.records,
          objections: [...((context.records.objections as unknown[]) ?? []), { on: event.today, reason: event.payload.reason }],
        },
      })),
      extendHandlingPeriod: assign(({ context, event }) => ({
        deadlines: extendDeadline(context.deadlines, HANDLING_PERIOD.kind, event.payload.days, 'day'),
        records: {
          ...context.records,
          handlingExtension: { on: event.today, days: event.payload.days, reason: event.payload.reason, approvedBy: event.payload.approvedBy },
        },
      })),
      recordMediationReferral: assign(({ context, event }) => ({
        deadlines: clearDeadlines(context.deadlines, [OBJECTION_WINDOW.kind]),
        records: {
          ...context.records,
          mediations: [
            ...((context.records.mediations as unknown[]) ?? []),
            { referredOn: event.today, committeeId: event.payload.committeeId, consentingPartyIds: event.payload.consentingPartyIds },
          ],
        },
      })),
      recordMediationOutcome: assign(({ context, event }) => {
        const mediations = [...((context.records.mediations as Record<string, unknown>[]) ?? [])];
        const last = mediations.pop();
        return {
          records: { ...context.records, mediations: [...mediations, { ...last, concludedOn: event.today, outcome: event.payload.outcome }] },
        };
      }),
      recordOpinion: assign(({ context, event }, params: { record: OpinionRecord }) => ({
        records: {
          ...context.records,
          [params.record]: { result: event.payload.result, servedOn: payloadDate(event.payload, 'servedOn', event.today) },
        },
      })),
      /** The reviewing body now holds the case: it owes the next decision (PC-Reg Arts. 35, 36). */
      handToReviewingBody: assign(({ event }, params: { field: string }) => ({ organizationId: event.payload[params.field] })),
      closeOnOpinion: assign(({ context }, params: { reason: string; decidedBy: OpinionRecord }) => ({
        outcome: { reason: params.reason, decidedBy: params.decidedBy, result: (context.records[params.decidedBy] as { result: string }).result },
      })),
      closeOnAgreement: assign(() => ({ outcome: { reason: 'mediationAgreed', decidedBy: 'mediation', result: null } })),
      concludeAfterRereview: assign(({ context, event }) => ({
        outcome: { reason: 'rereviewDecided', decidedBy: 'rereviewOpinion', result: event.payload.result },
        records: {
          ...context.records,
          noFurtherAcceptance: {
            sameFactsAndReasons: true,
            since: payloadDate(event.payload, 'servedOn', event.today),
            basis: 'PC-Reg Art. 36',
          },
        },
      })),
      recordHearingStart: assign(({ context, event }) => ({
        records: { ...context.records, hearings: [...((context.records.hearings as unknown[]) ?? []), { startedOn: event.today }] },
      })),
      recordHearingEnd: assign(({ context, event }) => {
        const hearings = [...((context.records.hearings as Record<string, unknown>[]) ?? [])];
        const last = hearings.pop();
        return { records: { ...context.records, hearings: [...hearings, { ...last, endedOn: event.today }] } };
      }),
    },
  })
  .createMachine({
    id: 'petition',
    context: ({ input }) => ({
      ...baseContext(input),
      facts: { petitionType: input.input.petitionType },
      warnings: openingWarnings(input.host),
      deadlines: startDeadline([], ACCEPTANCE_DECISION, input.input.receivedOn ?? input.today),
    }),
    initial: 'registered',
    on: centreHandlers,
    states: {
      registered: {
        meta: { titleZh: '已登记' },
        description: '已登记 yǐ dēngjì — registered; to be accepted, forwarded, assigned or routed within 15 days (PC-Reg Arts. 22, 23)',
        tags: 'open',
        on: {
          'petition.forwarded': [
            ...handOverViolations(),
            {
              actions: [
                { type: 'handOver', params: { how: 'forwarded', restartAcceptance: true } },
                effect(({ event }) => ({ type: 'notice.sent', notice: 'petitionForwarded', to: 'organization', details: { ...event.payload } })),
                // PC-Reg Art. 23: the petitioner is told where the petition went.
                effect(({ event }) => ({
                  type: 'notice.sent',
                  notice: 'forwardingDestination',
                  to: 'parties',
                  details: { organizationId: event.payload.organizationId },
                })),
              ],
            },
          ],
          'petition.assigned': [
            ...assignmentViolations(),
            {
              actions: [
                { type: 'handOver', params: { how: 'assigned', restartAcceptance: true } },
                'setAssignmentDue',
                ...assignmentNotices(),
              ],
            },
          ],
          'assignment.objected': objectionTransitions(),
          'petition.accepted': [
            violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'handling',
              actions: [
                { type: 'markAccepted', params: { field: 'acceptedOn' } },
                // Accepting is the body's answer to the forwarding: it no longer objects (PC-Reg Art. 23).
                { type: 'clearDeadlines', params: { kinds: [ACCEPTANCE_DECISION.kind, OBJECTION_WINDOW.kind] } },
                'startHandlingPeriod',
                effect({ type: 'document.issued', document: 'acceptanceNotice', details: { basis: 'PC-Reg Art. 23' } }),
              ],
            },
          ],
          'petition.rejected': {
            target: 'notAccepted',
            actions: [
              'recordOutcome',
              effect(({ event }) => ({ type: 'document.issued', document: 'rejectionNotice', details: { reason: event.payload.reason } })),
            ],
          },
          'petition.routedToLegalProcedure': {
            target: 'routedToLegalProcedure',
            actions: [
              'recordOutcome',
              effect(({ event }) => ({
                type: 'document.issued',
                document: 'routesNotice',
                details: { route: event.payload.route, basis: 'PC-Reg Arts. 28, 31' },
              })),
            ],
          },
        },
      },
      handling: {
        meta: { titleZh: '办理中' },
        description: '办理中 bànlǐ zhōng — accepted; hearing the petitioner and investigating (PC-Reg Arts. 31, 34)',
        tags: 'open',
        on: {
          'petition.assigned': [
            ...assignmentViolations(),
            {
              actions: [
                { type: 'handOver', params: { how: 'assigned', restartAcceptance: false } },
                'setAssignmentDue',
                ...assignmentNotices(),
              ],
            },
          ],
          'assignment.objected': objectionTransitions(),
          'handling.extended': extensionTransitions(),
          'mediation.referred': [
            violation('notAClaim', RULES.MEDIATION_ONLY_FOR_CLAIMS),
            violation('notACivilDispute', RULES.MEDIATION_ONLY_FOR_CIVIL_DISPUTES),
            violation({ type: 'unknownPartyIn', params: { field: 'consentingPartyIds' } }, RULES.UNKNOWN_PARTY),
            violation('bothSidesNotConsenting', RULES.MEDIATION_NEEDS_BOTH_SIDES),
            {
              target: 'inMediation',
              actions: [
                'recordMediationReferral',
                effect(({ context, event }) => ({
                  type: 'linkedCase.requested',
                  flowId: 'people-mediation',
                  organizationId: event.payload.committeeId,
                  input: mediationIntake(context, event.payload.committeeId, event.today),
                })),
              ],
            },
          ],
          'opinion.issued': [
            violation({ type: 'dateInFuture', params: { field: 'servedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'opinionIssued',
              actions: [
                { type: 'recordOpinion', params: { record: 'handlingOpinion' } },
                { type: 'clearDeadlines', params: { kinds: HANDLING_SPAN } },
                { type: 'startDeadlineFrom', params: { rule: REVIEW_REQUEST_PERIOD, field: 'servedOn' } },
                effect(({ event }) => ({
                  type: 'document.issued',
                  document: 'handlingOpinion',
                  details: { result: event.payload.result, basis: 'PC-Reg Art. 32' },
                })),
              ],
            },
          ],
        },
      },
      inMediation: {
        meta: { titleZh: '访调对接' },
        description: '访调对接 fǎngtiáo duìjiē — a people’s mediation committee mediates the dispute (PC-Reg Arts. 33, 37)',
        tags: 'open',
        on: {
          // PC-Reg Art. 34 has no pause: the handling period keeps running during mediation.
          'handling.extended': extensionTransitions(),
          'mediation.concluded': [
            {
              guard: 'mediationAgreed',
              target: 'closed',
              actions: ['recordMediationOutcome', 'closeOnAgreement'],
            },
            { target: 'handling', actions: 'recordMediationOutcome' },
          ],
        },
      },
      opinionIssued: {
        meta: { titleZh: '已出具处理意见' },
        description: '已出具处理意见 yǐ chūjù chǔlǐ yìjiàn — handling opinion served; review may be requested within 30 days (PC-Reg Arts. 32, 35)',
        tags: 'open',
        on: {
          'review.requested': [
            violation('notAClaim', RULES.REVIEW_ONLY_FOR_CLAIMS),
            violation({ type: 'dateInFuture', params: { field: 'requestedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation({ type: 'requestOutOfTime', params: { kind: REVIEW_REQUEST_PERIOD.kind } }, RULES.REVIEW_REQUEST_OUT_OF_TIME),
            violation('targetNotAncestor', RULES.REVIEW_BY_HIGHER_BODY),
            {
              target: 'underReview',
              actions: [
                { type: 'handToReviewingBody', params: { field: 'reviewOrganizationId' } },
                { type: 'clearDeadlines', params: { kinds: [REVIEW_REQUEST_PERIOD.kind] } },
                { type: 'startDeadlineFrom', params: { rule: REVIEW_DECISION, field: 'requestedOn' } },
                effect(({ event }) => ({ type: 'notice.sent', notice: 'reviewRequested', to: 'organization', details: { ...event.payload } })),
              ],
            },
          ],
          'deadline.expired': {
            guard: { type: 'deadlineDue', params: { kind: REVIEW_REQUEST_PERIOD.kind, sort: 'limit' } },
            target: 'closed',
            actions: { type: 'closeOnOpinion', params: { reason: 'reviewNotRequested', decidedBy: 'handlingOpinion' } },
          },
        },
      },
      underReview: {
        meta: { titleZh: '复查中' },
        description: '复查中 fùchá zhōng — the body one level up reviews the handling opinion (PC-Reg Art. 35)',
        tags: 'open',
        on: {
          'review.decided': [
            violation({ type: 'dateInFuture', params: { field: 'servedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'reviewDecided',
              actions: [
                { type: 'recordOpinion', params: { record: 'reviewOpinion' } },
                { type: 'clearDeadlines', params: { kinds: [REVIEW_DECISION.kind] } },
                { type: 'startDeadlineFrom', params: { rule: REREVIEW_REQUEST_PERIOD, field: 'servedOn' } },
                effect(({ event }) => ({
                  type: 'document.issued',
                  document: 'reviewOpinion',
                  details: { result: event.payload.result, basis: 'PC-Reg Art. 35' },
                })),
              ],
            },
          ],
        },
      },
      reviewDecided: {
        meta: { titleZh: '已复查' },
        description: '已复查 yǐ fùchá — review opinion served; re-review may be requested within 30 days (PC-Reg Art. 36)',
        tags: 'open',
        on: {
          'rereview.requested': [
            violation({ type: 'dateInFuture', params: { field: 'requestedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation({ type: 'requestOutOfTime', params: { kind: REREVIEW_REQUEST_PERIOD.kind } }, RULES.REREVIEW_REQUEST_OUT_OF_TIME),
            violation('targetNotAncestor', RULES.REREVIEW_BY_HIGHER_BODY),
            {
              target: 'underRereview',
              actions: [
                { type: 'handToReviewingBody', params: { field: 'rereviewOrganizationId' } },
                { type: 'clearDeadlines', params: { kinds: [REREVIEW_REQUEST_PERIOD.kind] } },
                { type: 'startDeadlineFrom', params: { rule: REREVIEW_DECISION, field: 'requestedOn' } },
                effect(({ event }) => ({ type: 'notice.sent', notice: 'rereviewRequested', to: 'organization', details: { ...event.payload } })),
              ],
            },
          ],
          'deadline.expired': {
            guard: { type: 'deadlineDue', params: { kind: REREVIEW_REQUEST_PERIOD.kind, sort: 'limit' } },
            target: 'closed',
            actions: { type: 'closeOnOpinion', params: { reason: 'rereviewNotRequested', decidedBy: 'reviewOpinion' } },
          },
        },
      },
      underRereview: {
        meta: { titleZh: '复核中' },
        description: '复核中 fùhé zhōng — the body above the reviewer re-reviews (PC-Reg Art. 36)',
        tags: 'open',
        on: {
          'hearing.started': {
            target: 'inHearing',
            // PC-Reg Art. 36: the time a hearing takes is not counted in the 30 days.
            actions: ['recordHearingStart', { type: 'pauseDeadline', params: { kind: REREVIEW_DECISION.kind } }],
          },
          'rereview.decided': [
            violation({ type: 'dateInFuture', params: { field: 'servedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            {
              target: 'concluded',
              actions: [
                { type: 'recordOpinion', params: { record: 'rereviewOpinion' } },
                'concludeAfterRereview',
                effect(({ event }) => ({
                  type: 'document.issued',
                  document: 'rereviewOpinion',
                  details: { result: event.payload.result, basis: 'PC-Reg Art. 36' },
                })),
              ],
            },
          ],
        },
      },
      inHearing: {
        meta: { titleZh: '听证中' },
        description: '听证中 tīngzhèng zhōng — a re-review hearing; its time is not counted (PC-Reg Arts. 31, 36)',
        tags: 'open',
        on: {
          'hearing.ended': {
            target: 'underRereview',
            actions: ['recordHearingEnd', { type: 'resumeDeadline', params: { kind: REREVIEW_DECISION.kind } }],
          },
        },
      },
      notAccepted: {
        type: 'final',
        meta: { titleZh: '不予受理' },
        description: '不予受理 bùyǔ shòulǐ — not accepted (PC-Reg Arts. 19, 23, 36)',
        tags: 'notAccepted',
        entry: 'endCase',
      },
      routedToLegalProcedure: {
        type: 'final',
        meta: { titleZh: '导入法定程序' },
        description: '导入法定程序 dǎorù fǎdìng chéngxù — routed to litigation, arbitration or another legal procedure (诉访分离, PC-Reg Arts. 28, 31)',
        tags: 'referred',
        entry: 'endCase',
      },
      closed: {
        type: 'final',
        // Status from statusOf: resolved when the last opinion supported the request or a mediation agreed.
        meta: { titleZh: '办结' },
        description: '办结 bànjié — closed: the opinion stands unchallenged or a mediation agreed (PC-Reg Arts. 32-36)',
        entry: 'endCase',
      },
      concluded: {
        type: 'final',
        // Status from statusOf, as for closed, on the re-review opinion.
        meta: { titleZh: '复核终结' },
        description: '复核终结 fùhé zhōngjié — re-review decided; the same request on the same facts and reasons is not accepted again (PC-Reg Art. 36)',
        entry: 'endCase',
      },
    },
  });

/** 转送 and 交办 go to another body, never upward (PC-Reg Arts. 22, 23). */
function handOverViolations() {
  return [
    violation('forwardedToItself', RULES.FORWARDING_TO_ANOTHER_BODY),
    violation('forwardedUpward', RULES.FORWARDING_NOT_UPWARD),
    violation({ type: 'dateInFuture', params: { field: 'receivedOn' } }, RULES.DATE_NOT_IN_FUTURE),
  ];
}

function assignmentViolations() {
  return [...handOverViolations(), violation('dueDateNotInFuture', RULES.ASSIGNMENT_DUE_IN_FUTURE)];
}

function assignmentNotices() {
  return [
    effect(({ event }) => ({ type: 'notice.sent', notice: 'petitionAssigned', to: 'organization', details: { ...event.payload } })),
    // PC-Reg Art. 23: the petitioner is told where the petition went.
    effect(({ event }) => ({
      type: 'notice.sent',
      notice: 'forwardingDestination',
      to: 'parties',
      details: { organizationId: event.payload.organizationId },
    })),
  ];
}

function objectionTransitions() {
  return [
    violation('objectionOutOfTime', RULES.OBJECTION_OUT_OF_TIME),
    {
      actions: [
        'recordObjection',
        // PC-Reg Art. 23: the forwarding or assigning body checks the objection and takes the materials back.
        effect(({ context, event }) => ({
          type: 'notice.sent',
          notice: 'assignmentObjected',
          to: 'organization',
          details: { reason: event.payload.reason, toOrganizationId: handOversOf(context).at(-1)?.fromOrganizationId },
        })),
      ],
    },
  ];
}

function extensionTransitions() {
  return [
    violation('extensionTooLong', RULES.HANDLING_EXTENSION_TOO_LONG),
    violation('handlingAlreadyExtended', RULES.HANDLING_ALREADY_EXTENDED),
    {
      actions: [
        'extendHandlingPeriod',
        // PC-Reg Art. 34: the petitioner is told why.
        effect(({ event }) => ({
          type: 'notice.sent',
          notice: 'handlingExtended',
          to: 'parties',
          details: { days: event.payload.days, reason: event.payload.reason },
        })),
      ],
    },
  ];
}

function handOversOf(context: CaseContext): HandOver[] {
  return (context.records.handOvers as HandOver[] | undefined) ?? [];
}

const PETITION_EVENTS = {
  'petition.forwarded': {
    titleZh: '转送',
    description: '转送: to the competent body; its 15 days to decide and 5 working days to object run from its receipt (PC-Reg Arts. 22, 23)',
    by: ['reception', 'mediator'],
    payload: field.object({
      organizationId: field.id(),
      receivedOn: field.optional(field.date({ description: 'the day the new body received it; default: today' })),
    }),
  },
  'petition.assigned': {
    titleZh: '交办',
    description: '交办: to a lower or competent body, with a due date for the result (PC-Reg Arts. 22, 23)',
    by: ['reception', 'mediator'],
    payload: field.object({
      organizationId: field.id(),
      dueOn: field.date(),
      receivedOn: field.optional(field.date({ description: 'the day the assigned body received it; default: today' })),
    }),
  },
  'assignment.objected': {
    titleZh: '提出异议',
    description: '提出异议: the receiving body is not competent; within 5 working days of receipt (PC-Reg Art. 23)',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.text() }),
  },
  'petition.accepted': {
    titleZh: '受理',
    description: '受理: starts the 60-day handling period (PC-Reg Arts. 23, 34)',
    by: ['reception', 'mediator'],
    payload: field.object({ acceptedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'petition.rejected': {
    titleZh: '不予受理',
    description: '不予受理 (PC-Reg Arts. 19, 23, 36)',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS), note: field.optional(field.text()) }),
  },
  'petition.routedToLegalProcedure': {
    titleZh: '诉访分离',
    description: '诉访分离: to litigation, arbitration, administrative reconsideration or another legal procedure (PC-Reg Arts. 28, 31)',
    by: ['reception', 'mediator'],
    payload: field.object({ route: field.oneOf(LEGAL_ROUTES), note: field.optional(field.text()) }),
  },
  'handling.extended': {
    titleZh: '延期办理',
    description: '延期办理: at most 30 days, once, approved by the body’s head; the petitioner is told why (PC-Reg Art. 34)',
    by: ['mediator'],
    payload: field.object({
      days: field.integer(1, 365),
      reason: field.text(),
      approvedBy: field.text({ maxLength: NAME_MAX, description: 'the head of the body who approved the extension' }),
    }),
  },
  'mediation.referred': {
    titleZh: '访调对接',
    description: '访调对接: a civil dispute to a people’s mediation committee with both sides’ consent (PC-Reg Arts. 33, 37)',
    by: ['mediator'],
    payload: field.object({
      committeeId: field.id(),
      disputeNature: field.oneOf(DISPUTE_NATURES, { description: 'only a civil dispute goes to people’s mediation' }),
      consentingPartyIds: field.list(field.id(), { minItems: 1, description: 'every applicant and respondent must consent' }),
    }),
  },
  'mediation.concluded': {
    titleZh: '调解结束',
    description: '调解结束: the linked people’s mediation case ended (sent by the engine)',
    by: ['engine'],
    payload: field.object({ outcome: field.oneOf(MEDIATION_OUTCOMES) }),
  },
  'opinion.issued': {
    titleZh: '出具信访处理意见书',
    description: '出具信访处理意见书: supported, explained or not supported (PC-Reg Arts. 31, 32)',
    by: ['mediator'],
    payload: field.object({
      result: field.oneOf(OPINION_RESULTS),
      servedOn: field.optional(field.date({ description: 'the day the petitioner received it; default: today' })),
    }),
  },
  'review.requested': {
    titleZh: '请求复查',
    description: '请求复查: to the body one level up, within 30 days of the opinion (PC-Reg Art. 35)',
    by: ['reception', 'mediator'],
    payload: field.object({
      requestedOn: field.optional(field.date({ description: 'default: today' })),
      reviewOrganizationId: field.id(),
    }),
  },
  'review.decided': {
    titleZh: '复查意见',
    description: '复查意见: the review opinion’s stance on the request (PC-Reg Art. 35)',
    by: ['mediator'],
    payload: field.object({ result: field.oneOf(OPINION_RESULTS), servedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'rereview.requested': {
    titleZh: '请求复核',
    description: '请求复核: to the body one level above the reviewer, within 30 days of the review opinion (PC-Reg Art. 36)',
    by: ['reception', 'mediator'],
    payload: field.object({
      requestedOn: field.optional(field.date({ description: 'default: today' })),
      rereviewOrganizationId: field.id(),
    }),
  },
  'hearing.started': {
    titleZh: '听证开始',
    description: '听证开始: pauses the re-review period (PC-Reg Art. 36)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'hearing.ended': {
    titleZh: '听证结束',
    description: '听证结束: the re-review period resumes with the time left (PC-Reg Art. 36)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'rereview.decided': {
    titleZh: '复核意见',
    description: '复核意见: final; the same request is not accepted again (PC-Reg Art. 36)',
    by: ['mediator'],
    payload: field.object({ result: field.oneOf(OPINION_RESULTS), servedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
} as const satisfies Record<string, EventSpec>;

export const petitionV1 = defineFlow({
  id: 'petition',
  version: 1,
  title: 'Petition',
  titleZh: '信访',
  basis: 'PC-Reg 2022 Arts. 19-24, 28-37',
  machine: petitionMachine,
  openedBy: ['reception'],
  organizationFields: { organizationId: 'handling', committeeId: 'reference', reviewOrganizationId: 'handling', rereviewOrganizationId: 'handling' },
  intake: {
    petitionType: field.oneOf(PETITION_TYPES, { description: '建议意见 suggestion, 检举控告 accusation, 申诉求决 claim' }),
  },
  events: PETITION_EVENTS,
  deadlines: [
    { kind: 'acceptanceDecision', sort: 'target', basis: 'PC-Reg Arts. 22, 23', description: '15 days from receipt; restarts at each forwarding or assignment before acceptance' },
    { kind: 'objectionWindow', sort: 'window', basis: 'PC-Reg Art. 23', description: '5 working days from receipt of a forwarded or assigned petition to object' },
    { kind: 'assignmentDue', sort: 'target', basis: 'PC-Reg Art. 22', description: '交办 due date set by the assigning body' },
    { kind: 'handlingPeriod', sort: 'target', basis: 'PC-Reg Art. 34', description: '60 days from acceptance, +≤30 once with the head’s approval; runs on during mediation' },
    { kind: 'reviewRequestPeriod', sort: 'limit', basis: 'PC-Reg Art. 35', description: '30 days from service of the opinion; on expiry the case closes' },
    { kind: 'reviewDecision', sort: 'target', basis: 'PC-Reg Art. 35', description: '30 days from the review request' },
    { kind: 'rereviewRequestPeriod', sort: 'limit', basis: 'PC-Reg Art. 36', description: '30 days from service of the review opinion; on expiry the case closes' },
    { kind: 'rereviewDecision', sort: 'target', basis: 'PC-Reg Art. 36', description: '30 days from the re-review request, hearing time not counted' },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
  statusOf: (state, context) => (state === 'closed' || state === 'concluded' ? settledStatus(context) : undefined),
});
