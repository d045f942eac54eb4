import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, SESSION_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';
import { agreementPayloadSpec } from '../../agreements.js';

/** PML Arts. 17, 25; MoJ-2002 Art. 22: why a committee does not accept a dispute. */
export const REJECTION_REASONS = [
  'outOfScope',
  'reservedToOtherBody',
  'alreadyHandledByAuthority',
  'criminalOrPublicOrder',
  'administrativeDispute',
  'partyRefuses',
] as const;
export const TERMINATION_REASONS = [
  'noAgreement',
  'partyRefused',
  'expired',
  'courtAccepted',
  'riskReported',
  'other',
] as const;
export const CLOSING_ROUTES = [
  'judicialConfirmation',
  'paymentOrder',
  'litigation',
  'arbitration',
  'abandoned',
] as const;

/** The events of people's mediation: payload, senders and meaning (flows.md "Who sends what"). */
export const PEOPLE_MEDIATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description: '受理: the committee accepts the application; starts the mediation period',
    by: ['reception', 'mediator'],
    payload: field.object({
      acceptedOn: field.optional(field.date()),
      otherSideConsented: field.optional(
        field.boolean({ description: 'medical disputes: the other side applied too or consented (MDR Art. 31)' }),
      ),
    }),
  },
  'application.rejected': {
    titleZh: '不予受理',
    description: '不予受理: the committee does not accept the dispute',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS) }),
  },
  'party.refused': {
    titleZh: '当事人拒绝调解',
    description: 'a party refuses mediation (PML Arts. 17, 23)',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
  'mediator.assigned': {
    titleZh: '选定调解员',
    description: '选定调解员: designated by the committee or chosen by the parties (PML Art. 19)',
    by: ['reception', 'mediator', 'supervisor'],
    payload: field.object({ mediatorId: field.id(), chosenBy: field.oneOf(['committee', 'parties'] as const) }),
  },
  'mediator.recused': {
    titleZh: '回避',
    description: '回避: the mediator steps aside',
    by: ['mediator', 'supervisor'],
    payload: field.object({ reason: field.text() }),
  },
  'session.recorded': {
    titleZh: '调解记录',
    description: '调解记录: a session was held (PML Art. 27)',
    by: ['mediator'],
    payload: SESSION_PAYLOAD,
  },
  'appraisal.started': {
    titleZh: '鉴定开始',
    description: '鉴定开始: pauses a medical mediation period (MDR Art. 38)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'appraisal.completed': {
    titleZh: '鉴定完成',
    description: '鉴定完成: resumes the period with the time that was left',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'period.extended': {
    titleZh: '延长调解期限',
    description: '延长调解期限: with every party’s consent',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '达成调解协议',
    description: '达成调解协议: written (PML Art. 29) or oral (PML Art. 30)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: true }),
  },
  'mediation.terminated': {
    titleZh: '终止调解',
    description: '终止调解: the termination notice names the routes left (PML Art. 26)',
    by: ['mediator'],
    payload: field.object({ reason: field.oneOf(TERMINATION_REASONS), note: field.optional(field.text()) }),
  },
  'case.withdrawn': {
    titleZh: '撤回',
    description: '撤回: an applicant withdraws',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
  'performance.confirmed': {
    titleZh: '履行完毕',
    description: '履行完毕: the agreement has been performed',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'performance.defaulted': {
    titleZh: '不履行',
    description: '不履行: a party has not performed; judicial confirmation, payment order or litigation remain',
    by: ['mediator'],
    payload: PARTY_PAYLOAD,
  },
  'followUp.recorded': {
    titleZh: '回访',
    description: '回访: a follow-up visit on performance (PML Art. 31)',
    by: ['mediator'],
    payload: field.object({ note: field.text() }),
  },
  'case.closed': {
    titleZh: '结案',
    description: '结案: enforcement went another way',
    by: ['mediator'],
    payload: field.object({ route: field.oneOf(CLOSING_ROUTES) }),
  },
} as const satisfies Record<string, EventSpec>;

type Events = typeof PEOPLE_MEDIATION_EVENTS & typeof CENTRE_EVENTS;
/** The events of a people's mediation case as its machine sees them, payloads typed from their schemas. */
export type PeopleMediationEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
