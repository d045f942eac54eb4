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
import type { CaseContext, CaseEvent, CaseInput, CaseMachineInput, Party, Warning } from '../../caseContext.js';
import { stringField } from '../../eventPayload.js';
import type { Static, TObject } from '../../schema.js';
import {
  clearDeadlines,
  extendDeadline,
  findDeadline,
  setDeadlineOn,
  startDeadline,
  type DeadlineRule,
} from '../../deadlines.js';
import { defineFlow } from '../../flowDefinition.js';
import {
  centreHandlers,
  effect,
  flowSetup,
  payloadDate,
  violationIn,
  type ActionOf,
  type FlowTransition,
} from '../../flowSetup.js';
import type { CaseStatus } from '../../vocabulary.js';
import { singleExtension } from '../shared/singleExtension.js';
import {
  ACCEPTANCE_DECISION,
  ASSIGNMENT_DUE,
  HANDLING_EXTENSION_MAX_DAYS,
  HANDLING_PERIOD,
  HANDLING_SPAN,
  OBJECTION_WINDOW,
  PETITION_DEADLINES,
  REREVIEW_DECISION,
  REREVIEW_REQUEST_PERIOD,
  REVIEW_DECISION,
  REVIEW_REQUEST_PERIOD,
} from './deadlines.js';
import { PETITION_EVENTS, PETITION_INTAKE, payloadOf } from './events.js';
import { RULES } from './rules.js';

export { PETITION_RULES } from './rules.js';

type OpinionRecord = 'handlingOpinion' | 'reviewOpinion' | 'rereviewOpinion';

/** A forwarding (转送) or assignment (交办), kept in `records.handOvers`. */
interface HandOver {
  how: 'forwarded' | 'assigned';
  on: IsoDate;
  fromOrganizationId: string;
  toOrganizationId: string;
  receivedOn: IsoDate;
}

function pickReferral(event: CaseEvent) {
  const { committeeId, consentingPartyIds } = payloadOf(event, 'mediation.referred');
  return { committeeId, consentingPartyIds };
}

/** The petition's type as the intake gives it (validated against PETITION_INTAKE). */
function petitionTypeOf(input: CaseInput) {
  return (input as CaseInput & Static<TObject<typeof PETITION_INTAKE>>).petitionType;
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
      message:
        'the linked petition was concluded after re-review; the same request on the same facts and ' +
        'reasons is not accepted again',
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

/** The organisation a forwarding or assignment hands the petition to, and the day it received it. */
function handOverOf(event: CaseEvent) {
  const { organizationId } = payloadOf(event, 'petition.forwarded', 'petition.assigned');
  return { organizationId, receivedOn: payloadDate(event, 'receivedOn') };
}

/** An opinion's stance and the day it was served (handling opinion, review or re-review). */
function opinionOf(event: CaseEvent) {
  const { result } = payloadOf(event, 'opinion.issued', 'review.decided', 'rereview.decided');
  return { result, servedOn: payloadDate(event, 'servedOn') };
}

const petitionSetup = flowSetup.extend({
  guards: {
    forwardedToItself: ({ context, event }) =>
      handOverOf(event).organizationId === context.organizationId || event.host.targetRelation === 'self',
    forwardedUpward: ({ event }) => event.host.targetRelation === 'ancestor',
    objectionOutOfTime: ({ context, event }) => {
      const window = findDeadline(context.deadlines, OBJECTION_WINDOW.kind);
      return !(window?.status === 'running' && window.dueOn !== null && event.today <= window.dueOn);
    },
    notAClaim: ({ context }) => context.facts.petitionType !== 'claim',
    notACivilDispute: ({ event }) => payloadOf(event, 'mediation.referred').disputeNature !== 'civil',
    bothSidesNotConsenting: ({ context, event }) => {
      const consenting = payloadOf(event, 'mediation.referred').consentingPartyIds;
      const sides = context.parties.filter((p) => p.role !== 'thirdParty');
      return !sides.some((p) => p.role === 'respondent') || sides.some((p) => !consenting.includes(p.id));
    },
    requestOutOfTime: ({ context, event }, params: { kind: string }) =>
      requestedTooLate(context, params.kind, payloadDate(event, 'requestedOn')),
    mediationAgreed: ({ event }) => payloadOf(event, 'mediation.concluded').outcome === 'agreed',
  },
  actions: {
    startDeadlineFrom: assign(({ context, event }, params: { rule: DeadlineRule; field: string }) => ({
      deadlines: startDeadline(context.deadlines, params.rule, payloadDate(event, params.field)),
    })),
    startHandlingPeriod: assign(({ context, event }) => ({
      deadlines: startDeadline(context.deadlines, HANDLING_PERIOD, context.acceptedOn ?? event.today),
    })),
    /**
     * 转送 / 交办: the receiving body now holds the petition; its 5 working days to object run
     * from its receipt, and before acceptance so do its 15 days to decide (PC-Reg Art. 23).
     */
    handOver: assign(({ context, event }, params: { how: HandOver['how']; restartAcceptance: boolean }) => {
      const { organizationId, receivedOn } = handOverOf(event);
      let deadlines = startDeadline(context.deadlines, OBJECTION_WINDOW, receivedOn);
      if (params.restartAcceptance) deadlines = startDeadline(deadlines, ACCEPTANCE_DECISION, receivedOn);
      const handOver: HandOver = {
        how: params.how,
        on: event.today,
        fromOrganizationId: context.organizationId,
        toOrganizationId: organizationId,
        receivedOn,
      };
      return {
        organizationId,
        deadlines,
        records: { ...context.records, handOvers: [...handOversOf(context), handOver] },
      };
    }),
    setAssignmentDue: assign(({ context, event }) => ({
      deadlines: setDeadlineOn(
        context.deadlines,
        ASSIGNMENT_DUE,
        payloadOf(event, 'petition.assigned').dueOn,
        event.today,
      ),
    })),
    recordObjection: assign(({ context, event }) => ({
      deadlines: clearDeadlines(context.deadlines, [OBJECTION_WINDOW.kind]),
      records: {
        ...context.records,
        objections: [
          ...(context.records.objections ?? []),
          { on: event.today, reason: payloadOf(event, 'assignment.objected').reason },
        ],
      },
    })),
    extendHandlingPeriod: assign(({ context, event }) => {
      const { days, reason, approvedBy } = payloadOf(event, 'handling.extended');
      return {
        deadlines: extendDeadline(context.deadlines, HANDLING_PERIOD.kind, days, 'day'),
        records: { ...context.records, handlingExtension: { on: event.today, days, reason, approvedBy } },
      };
    }),
    recordMediationReferral: assign(({ context, event }) => ({
      deadlines: clearDeadlines(context.deadlines, [OBJECTION_WINDOW.kind]),
      records: {
        ...context.records,
        mediations: [...(context.records.mediations ?? []), { referredOn: event.today, ...pickReferral(event) }],
      },
    })),
    recordMediationOutcome: assign(({ context, event }) => {
      const mediations = [...(context.records.mediations ?? [])];
      const last = mediations.pop();
      if (!last) return {};
      const { outcome } = payloadOf(event, 'mediation.concluded');
      return {
        records: { ...context.records, mediations: [...mediations, { ...last, concludedOn: event.today, outcome }] },
      };
    }),
    recordOpinion: assign(({ context, event }, params: { record: OpinionRecord }) => ({
      records: {
        ...context.records,
        [params.record]: opinionOf(event),
      },
    })),
    /** The reviewing body now holds the case: it owes the next decision (PC-Reg Arts. 35, 36). */
    handToReviewingBody: assign(
      ({ context, event }, params: { field: 'reviewOrganizationId' | 'rereviewOrganizationId' }) => ({
        organizationId: stringField(event.payload, params.field) ?? context.organizationId,
      }),
    ),
    closeOnOpinion: assign(({ context }, params: { reason: string; decidedBy: OpinionRecord }) => ({
      outcome: {
        reason: params.reason,
        decidedBy: params.decidedBy,
        result: context.records[params.decidedBy]?.result ?? null,
      },
    })),
    closeOnAgreement: assign(() => ({ outcome: { reason: 'mediationAgreed', decidedBy: 'mediation', result: null } })),
    concludeAfterRereview: assign(({ context, event }) => ({
      outcome: { reason: 'rereviewDecided', decidedBy: 'rereviewOpinion', result: opinionOf(event).result },
      records: {
        ...context.records,
        noFurtherAcceptance: {
          sameFactsAndReasons: true,
          since: opinionOf(event).servedOn,
          basis: 'PC-Reg Art. 36',
        },
      },
    })),
    recordHearingStart: assign(({ context, event }) => ({
      records: { ...context.records, hearings: [...(context.records.hearings ?? []), { startedOn: event.today }] },
    })),
    recordHearingEnd: assign(({ context, event }) => {
      const hearings = [...(context.records.hearings ?? [])];
      const last = hearings.pop();
      return last
        ? { records: { ...context.records, hearings: [...hearings, { ...last, endedOn: event.today }] } }
        : {};
    }),
  },
});

/** A transition of this flow built by a helper: its guards and actions are checked against the flow's setup. */
type Transition = FlowTransition<typeof petitionSetup>;
const violation = violationIn<typeof petitionSetup>();

export const petitionMachine = petitionSetup.createMachine({
  id: 'petition',
  context: ({ input }) => {
    const context = baseContext(input);
    return {
      ...context,
      facts: { petitionType: petitionTypeOf(input.input) },
      warnings: openingWarnings(input.host),
      // Next to what the case opened with: a centre's 化解时限 (docs/centres.md).
      deadlines: startDeadline(context.deadlines, ACCEPTANCE_DECISION, input.input.receivedOn ?? input.today),
    };
  },
  initial: 'registered',
  on: centreHandlers,
  states: {
    registered: {
      meta: { titleZh: '已登记' },
      description:
        '已登记 yǐ dēngjì — registered; to be accepted, forwarded, assigned or routed within ' +
        '15 days (PC-Reg Arts. 22, 23)',
      tags: 'open',
      on: {
        'petition.forwarded': [
          ...handOverViolations(),
          {
            actions: [
              { type: 'handOver', params: { how: 'forwarded', restartAcceptance: true } },
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'petitionForwarded',
                to: 'organization',
                details: { ...event.payload },
              })),
              // PC-Reg Art. 23: the petitioner is told where the petition went.
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'forwardingDestination',
                to: 'parties',
                details: { organizationId: handOverOf(event).organizationId },
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
            effect(({ event }) => ({
              type: 'document.issued',
              document: 'rejectionNotice',
              details: { reason: payloadOf(event, 'petition.rejected').reason },
            })),
          ],
        },
        'petition.routedToLegalProcedure': {
          target: 'routedToLegalProcedure',
          actions: [
            'recordOutcome',
            effect(({ event }) => ({
              type: 'document.issued',
              document: 'routesNotice',
              details: {
                route: payloadOf(event, 'petition.routedToLegalProcedure').route,
                basis: 'PC-Reg Arts. 28, 31',
              },
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
                organizationId: payloadOf(event, 'mediation.referred').committeeId,
                input: mediationIntake(context, payloadOf(event, 'mediation.referred').committeeId, event.today),
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
                details: { result: opinionOf(event).result, basis: 'PC-Reg Art. 32' },
              })),
            ],
          },
        ],
      },
    },
    inMediation: {
      meta: { titleZh: '访调对接' },
      description:
        '访调对接 fǎngtiáo duìjiē — a people’s mediation committee mediates the dispute (PC-Reg Arts. 33, 37)',
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
      description:
        '已出具处理意见 yǐ chūjù chǔlǐ yìjiàn — handling opinion served; review may be requested within ' +
        '30 days (PC-Reg Arts. 32, 35)',
      tags: 'open',
      on: {
        'review.requested': [
          violation('notAClaim', RULES.REVIEW_ONLY_FOR_CLAIMS),
          violation({ type: 'dateInFuture', params: { field: 'requestedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation(
            { type: 'requestOutOfTime', params: { kind: REVIEW_REQUEST_PERIOD.kind } },
            RULES.REVIEW_REQUEST_OUT_OF_TIME,
          ),
          violation('targetNotAncestor', RULES.REVIEW_BY_HIGHER_BODY),
          {
            target: 'underReview',
            actions: [
              { type: 'handToReviewingBody', params: { field: 'reviewOrganizationId' } },
              { type: 'clearDeadlines', params: { kinds: [REVIEW_REQUEST_PERIOD.kind] } },
              { type: 'startDeadlineFrom', params: { rule: REVIEW_DECISION, field: 'requestedOn' } },
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'reviewRequested',
                to: 'organization',
                details: { ...event.payload },
              })),
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
                details: { result: opinionOf(event).result, basis: 'PC-Reg Art. 35' },
              })),
            ],
          },
        ],
      },
    },
    reviewDecided: {
      meta: { titleZh: '已复查' },
      description:
        '已复查 yǐ fùchá — review opinion served; re-review may be requested within 30 days (PC-Reg Art. 36)',
      tags: 'open',
      on: {
        'rereview.requested': [
          violation({ type: 'dateInFuture', params: { field: 'requestedOn' } }, RULES.DATE_NOT_IN_FUTURE),
          violation(
            { type: 'requestOutOfTime', params: { kind: REREVIEW_REQUEST_PERIOD.kind } },
            RULES.REREVIEW_REQUEST_OUT_OF_TIME,
          ),
          violation('targetNotAncestor', RULES.REREVIEW_BY_HIGHER_BODY),
          {
            target: 'underRereview',
            actions: [
              { type: 'handToReviewingBody', params: { field: 'rereviewOrganizationId' } },
              { type: 'clearDeadlines', params: { kinds: [REREVIEW_REQUEST_PERIOD.kind] } },
              { type: 'startDeadlineFrom', params: { rule: REREVIEW_DECISION, field: 'requestedOn' } },
              effect(({ event }) => ({
                type: 'notice.sent',
                notice: 'rereviewRequested',
                to: 'organization',
                details: { ...event.payload },
              })),
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
                details: { result: opinionOf(event).result, basis: 'PC-Reg Art. 36' },
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
      description:
        '导入法定程序 dǎorù fǎdìng chéngxù — routed to litigation, arbitration or another legal ' +
        'procedure (诉访分离, PC-Reg Arts. 28, 31)',
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
      description:
        '复核终结 fùhé zhōngjié — re-review decided; the same request on the same facts and reasons is not ' +
        'accepted again (PC-Reg Art. 36)',
      entry: 'endCase',
    },
  },
});
/** 转送 and 交办 go to another body, never upward (PC-Reg Arts. 22, 23). */
function handOverViolations(): Transition[] {
  return [
    violation('forwardedToItself', RULES.FORWARDING_TO_ANOTHER_BODY),
    violation('forwardedUpward', RULES.FORWARDING_NOT_UPWARD),
    violation({ type: 'dateInFuture', params: { field: 'receivedOn' } }, RULES.DATE_NOT_IN_FUTURE),
  ];
}

function assignmentViolations(): Transition[] {
  return [...handOverViolations(), violation('dueDateNotInFuture', RULES.ASSIGNMENT_DUE_IN_FUTURE)];
}

function assignmentNotices(): ActionOf<typeof petitionSetup>[] {
  return [
    effect(({ event }) => ({
      type: 'notice.sent',
      notice: 'petitionAssigned',
      to: 'organization',
      details: { ...event.payload },
    })),
    // PC-Reg Art. 23: the petitioner is told where the petition went.
    effect(({ event }) => ({
      type: 'notice.sent',
      notice: 'forwardingDestination',
      to: 'parties',
      details: { organizationId: handOverOf(event).organizationId },
    })),
  ];
}

function objectionTransitions(): Transition[] {
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
          details: {
            reason: payloadOf(event, 'assignment.objected').reason,
            toOrganizationId: handOversOf(context).at(-1)?.fromOrganizationId,
          },
        })),
      ],
    },
  ];
}

/** PC-Reg Art. 34: once, by at most 30 days; the petitioner is told why. */
function extensionTransitions(): Transition[] {
  return singleExtension<typeof petitionSetup>({
    record: 'handlingExtension',
    maxDays: HANDLING_EXTENSION_MAX_DAYS,
    rules: { alreadyExtended: RULES.HANDLING_ALREADY_EXTENDED, tooLong: RULES.HANDLING_EXTENSION_TOO_LONG },
    actions: [
      'extendHandlingPeriod',
      effect(({ event }) => ({
        type: 'notice.sent',
        notice: 'handlingExtended',
        to: 'parties',
        details: {
          days: payloadOf(event, 'handling.extended').days,
          reason: payloadOf(event, 'handling.extended').reason,
        },
      })),
    ],
  });
}

function handOversOf(context: CaseContext): HandOver[] {
  return context.records.handOvers ?? [];
}

export const petitionV1 = defineFlow({
  id: 'petition',
  version: 1,
  title: 'Petition',
  titleZh: '信访',
  basis: 'PC-Reg 2022 Arts. 19-24, 28-37',
  machine: petitionMachine,
  openedBy: ['reception'],
  organizationFields: {
    committeeId: 'reference',
    reviewOrganizationId: 'handling',
    rereviewOrganizationId: 'handling',
  },
  intake: PETITION_INTAKE,
  events: PETITION_EVENTS,
  deadlines: PETITION_DEADLINES,
  rules: Object.values(RULES),
  statusOf: (state, context) => (state === 'closed' || state === 'concluded' ? settledStatus(context) : undefined),
});
