import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { agreementPayloadSpec } from '../../agreements.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';
import { ADMINISTRATIVE_DOMAINS } from './facts.js';

export const REJECTION_REASONS = [
  'outOfCompetence',
  'acceptedElsewhere',
  'notMediable',
  'outOfTime',
  'incompleteApplication',
  'other',
] as const;
export const FAILURE_REASONS = ['noAgreement', 'partyAbsent', 'partyRefused', 'acceptedElsewhere', 'other'] as const;

/** The events of administrative mediation: payload, senders and meaning. */
export const ADMINISTRATIVE_MEDIATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description: '受理: the body accepts; starts the mediation period (traffic: waits for mediation.started)',
    by: ['reception', 'mediator'],
    payload: field.object({
      acceptedOn: field.optional(field.date({ description: 'default: today' })),
      otherSideConsented: field.optional(
        field.boolean({ description: 'medical disputes: the other side applied too or consented (MDR Arts. 31, 40)' }),
      ),
    }),
  },
  'application.rejected': {
    titleZh: '不予受理',
    description: '不予受理: the body does not accept the dispute',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS) }),
  },
  'mediation.started': {
    titleZh: '开始调解',
    description:
      '开始调解: traffic — the funeral or treatment ended, disability was rated or the loss was fixed (RTSL-Reg Art. 94)',
    by: ['mediator'],
    payload: field.object({ startsOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'appraisal.started': {
    titleZh: '鉴定开始',
    description: '鉴定开始: pauses the mediation period where the domain excludes appraisal (MDR Art. 40)',
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
    description:
      '延长调解期限: only where the period is local policy (public security, general), with every party’s consent',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '制作调解书',
    description: '制作调解书: effective when every bound party has signed (RTSL-Reg Art. 95; MDR Art. 41)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: false }),
  },
  'mediation.failed': {
    titleZh: '调解不成',
    description: '调解不成: the termination statement (调解终结书) names the routes left',
    by: ['mediator'],
    payload: field.object({ reason: field.oneOf(FAILURE_REASONS), note: field.optional(field.text()) }),
  },
  'lawsuit.filed': {
    titleZh: '当事人起诉',
    description: '当事人起诉: administrative mediation ends (RTSL-Reg Art. 96; MDR Art. 40)',
    by: ['reception', 'mediator'],
    payload: field.object({
      courtId: field.id(),
      filedOn: field.optional(field.date({ description: 'default: today' })),
    }),
  },
  'case.withdrawn': {
    titleZh: '撤回',
    description: '撤回: an applicant withdraws',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
} as const satisfies Record<string, EventSpec>;

/**
 * Intake beyond the common fields: the domain, and what its opening
 * rules check (optional in the schema, required by the rules).
 */
export const ADMINISTRATIVE_MEDIATION_INTAKE = {
  domain: field.oneOf(ADMINISTRATIVE_DOMAINS),
  determinationReceivedOn: field.optional(
    field.date({
      description: 'traffic: the day the accident determination (交通事故认定书) was received (RTSL-Reg Art. 94)',
    }),
  ),
  jointWrittenApplication: field.optional(
    field.boolean({ description: 'traffic: every party applied together in writing (RTSL-Reg Art. 94)' }),
  ),
  minorCivilMatter: field.optional(
    field.boolean({ description: 'public security: a minor violation arising from a civil dispute (PSAPL Art. 9)' }),
  ),
  partiesConsent: field.optional(
    field.boolean({ description: 'public security: every party agrees to police mediation (PSAPL Art. 9)' }),
  ),
};

type Events = typeof ADMINISTRATIVE_MEDIATION_EVENTS & typeof CENTRE_EVENTS;
/** The events of a case of this flow as its machine sees them, payloads typed from their schemas. */
export type AdministrativeMediationEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
