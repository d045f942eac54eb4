import { field, type Static, type TObject, type TProperties } from './schema.js';
import { CATEGORIES, CHANNELS, PARTY_KINDS, PARTY_ROLES, RISK_LEVELS } from './vocabulary.js';

/** A party as given at opening (flows.md "Intake"); the flow assigns its `id`. */
export const PARTY_INPUT = field.object({
  role: field.oneOf(PARTY_ROLES),
  kind: field.oneOf(PARTY_KINDS),
  name: field.text({ maxLength: 200 }),
  idNumber: field.optional(field.text({ maxLength: 18, format: 'idNumber' })),
  creditCode: field.optional(field.text({ maxLength: 18, format: 'creditCode' })),
  phone: field.optional(field.text({ maxLength: 20, format: 'phone' })),
  address: field.optional(field.text({ maxLength: 500 })),
  agent: field.optional(field.text({ maxLength: 200 })),
  ethnicity: field.optional(
    field.text({
      maxLength: 20,
      description: '民族, e.g. 汉族 (PML Art. 29(1)); sensitive: stored encrypted, masked in reads (docs/security.md)',
    }),
  ),
  occupation: field.optional(field.text({ maxLength: 100, description: '职业或职务 (PML Art. 29(1))' })),
  linkedPartyId: field.optional(field.id({ description: 'the same party’s id on the linked case' })),
});

/** A party as given at opening. */
export type PartyInput = Static<typeof PARTY_INPUT>;

/** Fields every case is opened with, whatever its flow. */
export const COMMON_INTAKE = {
  category: field.oneOf(CATEGORIES),
  summary: field.text(),
  parties: field.list(PARTY_INPUT, { minItems: 1, maxItems: 50 }),
  channel: field.oneOf(CHANNELS),
  organizationId: field.id({ description: 'the receiving organisation' }),
  receivedOn: field.optional(field.date({ description: 'default: today' })),
  amount: field.optional(field.decimal()),
  riskLevel: field.optional(field.oneOf(RISK_LEVELS)),
  linkedCaseId: field.optional(field.id({ description: 'the case this one continues from' })),
};

/** The common intake's organisation field: the receiving organisation handles the case. */
export const COMMON_ORGANIZATION_FIELDS = { organizationId: 'handling' } as const;

/** The common intake fields, as the flow receives them (a flow's own fields come on top). */
export type CommonIntake = Static<TObject<typeof COMMON_INTAKE>>;

const intakeSchemas = new WeakMap<TProperties, TObject>();

/**
 * The whole input of a case of a flow with these fields of its own: one schema object per flow
 * (the same object each call, so it is compiled once and what OpenAPI serves is what validates).
 */
export function intakeSpec<F extends TProperties>(flowFields: F): TObject<typeof COMMON_INTAKE & F> {
  let schema = intakeSchemas.get(flowFields);
  if (!schema) intakeSchemas.set(flowFields, (schema = field.object({ ...COMMON_INTAKE, ...flowFields })));
  return schema as TObject<typeof COMMON_INTAKE & F>;
}
