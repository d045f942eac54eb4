import { field, type Static } from './schema.js';

/** Payload shapes several flows share (their events' meanings and senders stay in each flow). */
export const NO_PAYLOAD = field.object({});

/** An event about one party of the case (`party.refused`, `case.withdrawn` …). */
export const PARTY_PAYLOAD = field.object({ partyId: field.id() });

/** `session.recorded`: a mediation session held (PML Art. 27). */
export const SESSION_PAYLOAD = field.object({ heldOn: field.date(), summary: field.text() });

/** `period.extended`: with every party's consent. */
export const PERIOD_EXTENSION_PAYLOAD = field.object({
  length: field.integer(1, 365),
  unit: field.oneOf(['day', 'workingDay', 'month'] as const),
  consentingPartyIds: field.list(field.id(), { minItems: 1 }),
});

export type NoPayload = Static<typeof NO_PAYLOAD>;
export type PartyPayload = Static<typeof PARTY_PAYLOAD>;
export type SessionPayload = Static<typeof SESSION_PAYLOAD>;
export type PeriodExtensionPayload = Static<typeof PERIOD_EXTENSION_PAYLOAD>;
