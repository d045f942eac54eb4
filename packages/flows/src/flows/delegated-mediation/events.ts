import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { agreementPayloadSpec } from '../../agreements.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, PERIOD_EXTENSION_PAYLOAD, SESSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';

export const CHOSEN_BY = ['parties', 'organization', 'court'] as const;
export const TERMINATION_REASONS = [
  'gapTooWide',
  'partyUnwilling',
  'refusedToSign',
  'falseMediation',
  'other',
] as const;

/** The events of delegated mediation: payload, senders and meaning. */
export const DELEGATED_MEDIATION_EVENTS = {
  'mediator.assigned': {
    titleZh: '选定/指定调解员',
    description:
      '选定/指定调解员: chosen jointly by the parties, else designated by the organisation or court ' +
      '(SPC-Invited Art. 12; SPC-Online Art. 10)',
    by: ['reception', 'mediator', 'court'],
    payload: field.object({ mediatorId: field.id(), chosenBy: field.oneOf(CHOSEN_BY) }),
  },
  'mediator.declined': {
    titleZh: '不予接受委派',
    description:
      '不予接受委派: out of the organisation’s scope or the mediator’s expertise, with reasons (SPC-Online Art. 12)',
    by: ['mediator', 'reception'],
    payload: field.object({ reason: field.text() }),
  },
  'mediator.confirmed': {
    titleZh: '确认接受委派',
    description: '确认接受委派: starts the 30-day mediation period (SPC-Online Arts. 12, 24)',
    by: ['mediator', 'reception'],
    payload: field.object({ confirmedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'parties.reached': {
    titleZh: '联系到当事人',
    description: '联系到当事人: the other side agrees to mediate (SPC-Online Art. 15)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'party.unreachable': {
    titleZh: '无法联系当事人',
    description: '无法联系当事人: the file goes back to the court (SPC-Online Arts. 15, 25)',
    by: ['mediator', 'court'],
    payload: PARTY_PAYLOAD,
  },
  'party.refused': {
    titleZh: '当事人拒绝调解',
    description:
      '当事人拒绝调解: including refusing the designated mediator (SPC-Invited Art. 12; SPC-Online Arts. 14, 15, 25)',
    by: ['mediator', 'court'],
    payload: PARTY_PAYLOAD,
  },
  'session.recorded': {
    titleZh: '调解笔录',
    description: '调解笔录: a session was held (SPC-Online Art. 22)',
    by: ['mediator'],
    payload: SESSION_PAYLOAD,
  },
  'period.extended': {
    titleZh: '延长调解期限',
    description: '延长调解期限: with every party’s consent, without cap (SPC-Invited Art. 27; SPC-Online Art. 24)',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'appraisal.started': {
    titleZh: '诉前委托鉴定开始',
    description: '诉前委托鉴定开始: pauses the mediation period (SPC-Online Art. 26)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'appraisal.completed': {
    titleZh: '鉴定完成',
    description: '鉴定完成: resumes the period with the time that was left',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'falseMediation.suspected': {
    titleZh: '疑似虚假调解',
    description: '疑似虚假调解: the mediator suspends and reports to the court (SPC-Invited Art. 18)',
    by: ['mediator'],
    payload: field.object({ note: field.text() }),
  },
  'falseMediation.cleared': {
    titleZh: '排除虚假调解',
    description: '排除虚假调解: the court or organisation found no false mediation; mediation resumes',
    by: ['court', 'mediator'],
    payload: NO_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '达成调解协议',
    description: '达成调解协议: effective when the parties sign, seal or fingerprint it (SPC-Invited Art. 24)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: false }),
  },
  'mediation.terminated': {
    titleZh: '终止调解',
    description:
      '终止调解: the failure report goes to the court with the reasons and any undisputed facts (SPC-Invited Arts. 21,' +
      ' 26; SPC-Online Arts. 21, 25)',
    by: ['mediator'],
    payload: field.object({
      reason: field.oneOf(TERMINATION_REASONS),
      undisputedFacts: field.optional(
        field.list(field.text(), {
          minItems: 1,
          description: '无争议事实 the parties confirmed in writing (SPC-Online Art. 22)',
        }),
      ),
    }),
  },
  'case.withdrawn': {
    titleZh: '自行和解撤回',
    description: '自行和解撤回: the parties settled themselves (SPC-Online Art. 25)',
    by: ['mediator', 'reception'],
    payload: PARTY_PAYLOAD,
  },
} as const satisfies Record<string, EventSpec>;

/** Intake beyond the common fields: the delegating court. */
export const DELEGATED_MEDIATION_INTAKE = {
  courtId: field.id({ description: 'the delegating court' }),
  courtReference: field.optional(
    field.text({ maxLength: 100, description: 'the court’s reference for the delegation (诉前调解案号)' }),
  ),
};

type Events = typeof DELEGATED_MEDIATION_EVENTS & typeof CENTRE_EVENTS;
/** The events of a case of this flow as its machine sees them, payloads typed from their schemas. */
export type DelegatedMediationEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
