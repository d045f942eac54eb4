import type { IsoDate } from '@jiefen/legal-time';
import type { Agreement, CaseContext, Performance, Responsibility, Signatures, Term } from './caseContext.js';
import { field, type TObject } from './schema.js';

/** The payload of `agreement.signed`, as the flows that reach agreements share it. */
export interface AgreementPayload {
  form?: 'written' | 'oral';
  effectiveOn?: IsoDate;
  terms: Term[];
  boundPartyIds?: string[];
  signatures?: Signatures;
  facts?: string;
  disputedIssues?: string;
  responsibilities?: Responsibility[];
  performance?: Performance;
}

const AGREEMENT_FIELDS = {
  effectiveOn: field.optional(field.date({ description: 'default: today' })),
  terms: field.list(
    field.object({
      obligorPartyId: field.id(),
      description: field.text(),
      amount: field.optional(field.decimal()),
      dueOn: field.optional(field.date()),
    }),
    { minItems: 1 },
  ),
  boundPartyIds: field.optional(
    field.list(field.id(), { minItems: 1, description: 'default: every applicant and respondent' }),
  ),
  signatures: field.optional(
    field.object({
      partyIds: field.list(field.id()),
      mediator: field.boolean(),
      committeeSeal: field.optional(
        field.boolean({ description: 'people’s mediation: the committee’s seal (PML Art. 29)' }),
      ),
    }),
  ),
  // PML Art. 29 lists what a written agreement "may" state (可以载明), so these are optional and
  // the document prints a line to fill in by hand where one is missing (docs/decisions/people-mediation.md).
  facts: field.optional(field.text({ description: '纠纷的主要事实 (PML Art. 29(2))' })),
  disputedIssues: field.optional(field.text({ description: '争议事项 (PML Art. 29(2))' })),
  responsibilities: field.optional(
    field.list(
      field.object({
        partyId: field.id({ description: 'a party of the case' }),
        text: field.text({ description: 'what this party is responsible for' }),
      }),
      { minItems: 1, description: '各方当事人的责任 (PML Art. 29(2))' },
    ),
  ),
  performance: field.optional(
    field.object(
      {
        manner: field.optional(field.text({ maxLength: 500, description: '履行方式, e.g. 银行转账' })),
        place: field.optional(field.text({ maxLength: 500, description: '履行地点' })),
      },
      { description: '履行的方式、地点 (PML Art. 29(3); MoJ 2002 rules Art. 35); the time is each term’s dueOn' },
    ),
  ),
};
const WRITTEN_OR_ORAL = { form: field.oneOf(['written', 'oral'] as const) };

/** `agreement.signed`'s payload spec; people's mediation also allows an oral form (PML Art. 28). */
export function agreementPayloadSpec(options: {
  withForm: true;
}): TObject<typeof WRITTEN_OR_ORAL & typeof AGREEMENT_FIELDS>;
export function agreementPayloadSpec(options: { withForm: false }): TObject<typeof AGREEMENT_FIELDS>;
export function agreementPayloadSpec({ withForm }: { withForm: boolean }): TObject {
  return withForm ? field.object({ ...WRITTEN_OR_ORAL, ...AGREEMENT_FIELDS }) : field.object(AGREEMENT_FIELDS);
}

/** The parties an agreement binds: as given, or every applicant and respondent. */
export function boundPartyIdsOf(context: CaseContext, payload: AgreementPayload): string[] {
  return payload.boundPartyIds ?? context.parties.filter((p) => p.role !== 'thirdParty').map((p) => p.id);
}

export function agreementFrom(context: CaseContext, payload: AgreementPayload, today: IsoDate): Agreement {
  return {
    form: payload.form ?? 'written',
    effectiveOn: payload.effectiveOn ?? today,
    terms: payload.terms,
    boundPartyIds: boundPartyIdsOf(context, payload),
    ...(payload.signatures ? { signatures: payload.signatures } : {}),
    ...(payload.facts ? { facts: payload.facts } : {}),
    ...(payload.disputedIssues ? { disputedIssues: payload.disputedIssues } : {}),
    ...(payload.responsibilities ? { responsibilities: payload.responsibilities } : {}),
    ...(payload.performance ? { performance: payload.performance } : {}),
  };
}

/** A party id the agreement names (obligor, bound party, signatory, responsible party) not of the case. */
export function firstUnknownPartyInAgreement(context: CaseContext, payload: AgreementPayload): string | undefined {
  const known = new Set(context.parties.map((p) => p.id));
  const named = [
    ...payload.terms.map((t) => t.obligorPartyId),
    ...(payload.boundPartyIds ?? []),
    ...(payload.signatures?.partyIds ?? []),
    ...(payload.responsibilities ?? []).map((r) => r.partyId),
  ];
  return named.find((id) => !known.has(id));
}

export type SignatureCheck = 'ok' | 'missingParty' | 'missingMediator' | 'missingSeal';

/**
 * Whether a written agreement carries what makes it effective: every bound party's signature,
 * seal or fingerprint, the mediator's signature and, when `sealRequired`, the committee's
 * seal (PML Art. 29). An oral agreement needs none (PML Art. 30).
 */
export function checkSignatures(
  context: CaseContext,
  payload: AgreementPayload,
  // No default: each flow says whether its document carries a seal (PML Art. 29: the committee's).
  { sealRequired }: { sealRequired: boolean },
): SignatureCheck {
  if (payload.form === 'oral') return 'ok';
  const signatures = payload.signatures;
  if (!signatures || boundPartyIdsOf(context, payload).some((id) => !signatures.partyIds.includes(id)))
    return 'missingParty';
  if (!signatures.mediator) return 'missingMediator';
  if (sealRequired && !signatures.committeeSeal) return 'missingSeal';
  return 'ok';
}

/** The last `dueOn` among the terms, if any term has one. */
export function lastTermDueOn(agreement: Pick<Agreement, 'terms'>): IsoDate | undefined {
  return agreement.terms
    .map((t) => t.dueOn)
    .filter((d): d is IsoDate => d !== undefined)
    .sort()
    .at(-1);
}
