import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { field } from '../../schema.js';
import { MEDIATION_OUTCOMES } from '../../vocabulary.js';

/** Grounds for a ruling not to accept a suit (CPL Arts. 122, 126, 127). */
export const FILING_REJECTION_REASONS = [
  'conditionsNotMet', // CPL Art. 122
  'administrativeCase', // CPL Art. 127(1)
  'arbitrationAgreement', // CPL Art. 127(2)
  'otherAuthority', // CPL Art. 127(3)
  'noJurisdiction', // CPL Art. 127(4)
  'alreadyDecided', // CPL Art. 127(5)
  'barredPeriod', // CPL Art. 127(6)
  'other',
] as const;

/** The events of court referral: payload, senders and meaning. */
export const COURT_REFERRAL_EVENTS = {
  'referral.submitted': {
    titleZh: '递交起诉材料',
    description: '递交起诉材料: the centre hands the filing to the court; the court has 7 days (CPL Art. 126)',
    by: ['reception', 'mediator'],
    payload: field.object({
      courtId: field.id(),
      submittedOn: field.optional(field.date({ description: 'default: today' })),
    }),
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
    payload: field.object({
      courtCaseNo: field.id(),
      registeredOn: field.optional(field.date({ description: 'default: today' })),
    }),
  },
  'filing.rejected': {
    titleZh: '裁定不予受理',
    description: '裁定不予受理: the court rules not to accept the suit; appealable (CPL Arts. 126, 127)',
    by: ['court'],
    payload: field.object({ reason: field.oneOf(FILING_REJECTION_REASONS), rulingNo: field.id() }),
  },
  'mediation.delegated': {
    titleZh: '诉前委派调解',
    description:
      '诉前委派调解: the court sends the dispute to a roster organisation first; opens a linked ' +
      'delegated-mediation case (SPC-Invited Art. 11)',
    by: ['court'],
    payload: field.object({
      organizationId: field.id({ description: 'the organisation the court delegates to' }),
      courtReference: field.optional(
        field.text({ maxLength: 100, description: 'the court’s reference for the delegation (诉前调解案号)' }),
      ),
    }),
  },
  'mediation.concluded': {
    titleZh: '委派调解结束',
    description:
      'sent by the engine when the linked delegated mediation ends: failed → back with the court; ' +
      'agreed or withdrawn → withdrawn',
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

type Events = typeof COURT_REFERRAL_EVENTS & typeof CENTRE_EVENTS;
/** The events of a case of this flow as its machine sees them, payloads typed from their schemas. */
export type CourtReferralEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
