import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { NO_PAYLOAD } from '../../payloads.js';
import { field, NAME_MAX } from '../../schema.js';

/** 建议意见类 (Art. 29), 检举控告类 (Art. 30), 申诉求决类 (Art. 31). */
export const PETITION_TYPES = ['suggestion', 'accusation', 'claim'] as const;
export const REJECTION_REASONS = ['outOfCompetence', 'pendingAtLowerBody', 'alreadyRereviewed', 'other'] as const;
/** PC-Reg Arts. 22, 28, 31: matters that leave the petition track for their own procedure. */
export const LEGAL_ROUTES = [
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
export const OPINION_RESULTS = ['supported', 'explained', 'notSupported'] as const;
export const DISPUTE_NATURES = ['civil', 'administrative', 'criminal', 'other'] as const;
export const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;

/** The events of the petition flow: payload, senders and meaning. */
export const PETITION_EVENTS = {
  'petition.forwarded': {
    titleZh: '转送',
    description:
      '转送: to the competent body; its 15 days to decide and 5 working days to object run from its ' +
      'receipt (PC-Reg Arts. 22, 23)',
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
    description:
      '诉访分离: to litigation, arbitration, administrative reconsideration or another legal ' +
      'procedure (PC-Reg Arts. 28, 31)',
    by: ['reception', 'mediator'],
    payload: field.object({ route: field.oneOf(LEGAL_ROUTES), note: field.optional(field.text()) }),
  },
  'handling.extended': {
    titleZh: '延期办理',
    description:
      '延期办理: at most 30 days, once, approved by the body’s head; the petitioner is told why (PC-Reg Art. 34)',
    by: ['mediator'],
    payload: field.object({
      days: field.integer(1, 365),
      reason: field.text(),
      approvedBy: field.text({ maxLength: NAME_MAX, description: 'the head of the body who approved the extension' }),
    }),
  },
  'mediation.referred': {
    titleZh: '访调对接',
    description:
      '访调对接: a civil dispute to a people’s mediation committee with both sides’ consent (PC-Reg Arts. 33, 37)',
    by: ['mediator'],
    payload: field.object({
      committeeId: field.id(),
      disputeNature: field.oneOf(DISPUTE_NATURES, { description: 'only a civil dispute goes to people’s mediation' }),
      consentingPartyIds: field.list(field.id(), {
        minItems: 1,
        description: 'every applicant and respondent must consent',
      }),
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
    payload: field.object({
      result: field.oneOf(OPINION_RESULTS),
      servedOn: field.optional(field.date({ description: 'default: today' })),
    }),
  },
  'rereview.requested': {
    titleZh: '请求复核',
    description:
      '请求复核: to the body one level above the reviewer, within 30 days of the review opinion (PC-Reg Art. 36)',
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
    payload: field.object({
      result: field.oneOf(OPINION_RESULTS),
      servedOn: field.optional(field.date({ description: 'default: today' })),
    }),
  },
} as const satisfies Record<string, EventSpec>;

/** Intake beyond the common fields: the petition's type (PC-Reg Arts. 29-31). */
export const PETITION_INTAKE = {
  petitionType: field.oneOf(PETITION_TYPES, {
    description: '建议意见 suggestion, 检举控告 accusation, 申诉求决 claim',
  }),
};

type Events = typeof PETITION_EVENTS & typeof CENTRE_EVENTS;
/** The events of a case of this flow as its machine sees them, payloads typed from their schemas. */
export type PetitionEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
