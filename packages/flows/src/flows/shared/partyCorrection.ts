import type { ActorRole } from '../../vocabulary.js';
import type { Party } from '../../caseContext.js';
import { PARTY_INPUT } from '../../intake.js';
import { field, type Static } from '../../schema.js';

const fields = PARTY_INPUT.properties;

/**
 * What a correction (更正当事人信息) may change: the party's details with the opening's own field
 * schemas (intake.ts PARTY_INPUT), at least one of them. Role and kind are not among them: a party
 * of another kind is another party, and a role is what the case is about (docs/decisions/party-correction.md).
 */
export const PARTY_CHANGES = field.object(
  {
    name: field.optional(fields.name),
    idNumber: field.optional(fields.idNumber),
    creditCode: field.optional(fields.creditCode),
    phone: field.optional(fields.phone),
    address: field.optional(fields.address),
    agent: field.optional(fields.agent),
    ethnicity: field.optional(fields.ethnicity),
    occupation: field.optional(fields.occupation),
  },
  { minProperties: 1, description: 'the corrected details; at least one' },
);

/** `party.corrected { partyId, changes, reason }`. */
export const PARTY_CORRECTED_PAYLOAD = field.object({
  partyId: field.id({ description: 'the party whose details are corrected' }),
  changes: PARTY_CHANGES,
  reason: field.text({ description: 'why: what was wrong, and what it was checked against' }),
});

export type PartyChanges = Static<typeof PARTY_CHANGES>;
export type PartyCorrectedPayload = Static<typeof PARTY_CORRECTED_PAYLOAD>;

/**
 * The parties with one party's details replaced by the corrected ones; the other parties, and its
 * id, role and kind, unchanged.
 */
export function correctedParties(parties: readonly Party[], partyId: string, changes: PartyChanges): Party[] {
  return parties.map((p) => (p.id === partyId ? { ...p, ...changes } : p));
}

/**
 * Who corrects a party on a flow's cases: whoever opens them (the flow's `openedBy`, who took the
 * details down) and whoever sends the flow's own events (who handles the case), supervisors and
 * administrators excepted. People's mediation: reception and the mediator; judicial confirmation:
 * the court (docs/decisions/party-correction.md).
 */
export function partyCorrectionSenders(
  openedBy: readonly ActorRole[],
  events: Readonly<Record<string, { by: readonly string[] }>>,
): ActorRole[] {
  const handling = Object.values(events).flatMap((e) => e.by);
  const roles = new Set<string>([...openedBy, ...handling]);
  // Supervisors and administrators neither take a case's details down nor handle it: not listed.
  return (['reception', 'mediator', 'court'] as const).filter((r) => roles.has(r));
}
