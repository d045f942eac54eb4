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
import { defineFlow } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation } from '../../flowSetup.js';
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
import { PETITION_EVENTS, PETITION_INTAKE } from './events.js';
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

/** PC-Reg Art. 34: once, by at most 30 days; the petitioner is told why. */
function extensionTransitions() {
  return singleExtension({
    record: 'handlingExtension',
    maxDays: HANDLING_EXTENSION_MAX_DAYS,
    rules: { alreadyExtended: RULES.HANDLING_ALREADY_EXTENDED, tooLong: RULES.HANDLING_EXTENSION_TOO_LONG },
    actions: [
      'extendHandlingPeriod',
      effect(({ event }) => ({
        type: 'notice.sent',
        notice: 'handlingExtended',
        to: 'parties',
        details: { days: event.payload.days, reason: event.payload.reason },
      })),
    ],
  });
}

function handOversOf(context: CaseContext): HandOver[] {
  return (context.records.handOvers as HandOver[] | undefined) ?? [];
}

export const petitionV1 = defineFlow({
  id: 'petition',
  version: 1,
  title: 'Petition',
  titleZh: '信访',
  basis: 'PC-Reg 2022 Arts. 19-24, 28-37',
  machine: petitionMachine,
  openedBy: ['reception'],
  organizationFields: { organizationId: 'handling', committeeId: 'reference', reviewOrganizationId: 'handling', rereviewOrganizationId: 'handling' },
  intake: PETITION_INTAKE,
  events: PETITION_EVENTS,
  deadlines: PETITION_DEADLINES,
  rules: Object.values(RULES),
  statusOf: (state, context) => (state === 'closed' || state === 'concluded' ? settledStatus(context) : undefined),
});
