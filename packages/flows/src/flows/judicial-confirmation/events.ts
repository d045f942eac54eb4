import { CENTRE_EVENTS } from '../../centreEvents.js';
import { payloadReader, type MachineEventOf } from '../../eventPayload.js';
import type { EventSpec } from '../../flowDefinition.js';
import { field, NAME_MAX, type Infer } from '../../schema.js';

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

export const BOUND_PARTY_INPUT = field.object({
  name: field.text({ maxLength: NAME_MAX }),
  idNumber: field.optional(field.text({ maxLength: 18, format: 'idNumber' })),
  creditCode: field.optional(field.text({ maxLength: 18, format: 'creditCode' })),
});

/** An agreement given with the application instead of a linked case (CPL-Interp Art. 354). */
export const INLINE_AGREEMENT = field.object({
  effectiveOn: field.date(),
  subject: field.oneOf(AGREEMENT_SUBJECTS),
  boundParties: field.list(BOUND_PARTY_INPUT, {
    minItems: 2,
    description:
      'the parties the agreement binds, as it names them; matched to the applicants by ID ' +
      'number or credit code, else by name',
  }),
  terms: field.list(
    field.object({
      obligorPartyId: field.id({
        description: 'the obligor’s id on this case (parties are numbered p1, p2 … in the order given)',
      }),
      description: field.text(),
      amount: field.optional(field.decimal()),
      dueOn: field.optional(field.date()),
    }),
    { minItems: 1 },
  ),
});
export type InlineAgreement = Infer<typeof INLINE_AGREEMENT>;
export type BoundPartyInput = Infer<typeof BOUND_PARTY_INPUT>;

export const REJECTION_REASONS = [
  'notCivil',
  'noJurisdiction',
  'identityRelation',
  'otherSpecialProcedure',
  'ownershipConfirmation',
] as const;
export const DISMISSAL_REASONS = [
  'mandatoryLaw',
  'publicOrThirdPartyHarm',
  'publicOrder',
  'involuntary',
  'unclearContent',
  'identityRelation',
  'ownershipConfirmation',
  'other',
] as const;

/** The events of judicial confirmation: the court sends them all. */
export const JUDICIAL_CONFIRMATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description:
      '受理: the court accepts the application (调确字 case number); starts the review periods ' +
      '(SPC-Confirm-2011 Arts. 4-5; CPL Art. 187)',
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
    description:
      '裁定调解协议有效: the agreement is ruled valid (CPL Art. 206); records objection and enforcement periods ' +
      '(CPL-Interp Art. 372; CPL Art. 250)',
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
    description:
      '裁定驳回申请: the application is dismissed after acceptance (CPL-Interp Arts. 355, 358); re-mediation ' +
      'or a suit remain (CPL Art. 206)',
    by: ['court'],
    payload: field.object({ reason: field.oneOf(DISMISSAL_REASONS), rulingNo: field.id() }),
  },
  'application.withdrawn': {
    titleZh: '准许撤回',
    description:
      '准许撤回 / 按撤回申请处理: withdrawal allowed, or deemed for failing to supplement or refusing ' +
      'questioning (CPL-Interp Art. 357)',
    by: ['court'],
    payload: field.object({
      rulingNo: field.id(),
      deemed: field.boolean(),
      partyId: field.optional(
        field.id({ description: 'the party who withdrew, or whose failure led to a deemed withdrawal' }),
      ),
    }),
  },
} as const satisfies Record<string, EventSpec>;

/** Intake beyond the common fields: when the court received the application, and an agreement given inline. */
export const JUDICIAL_CONFIRMATION_INTAKE = {
  appliedOn: field.optional(
    field.date({ description: 'the day the court received the joint application; default: today' }),
  ),
  agreement: field.optional(INLINE_AGREEMENT),
};

type Events = typeof JUDICIAL_CONFIRMATION_EVENTS & typeof CENTRE_EVENTS;
/** The events of a case of this flow as its machine sees them, payloads typed from their schemas. */
export type JudicialConfirmationEvent = MachineEventOf<Events>;
/** Reads the payload of one of this flow's events, typed from its schema. */
export const payloadOf = payloadReader<Events>();
