import { field, NAME_MAX, type Static } from './schema.js';

/** Payload shapes several flows share (their events' meanings and senders stay in each flow). */
export const NO_PAYLOAD = field.object({});

/** An event about one party of the case (`party.refused`, `case.withdrawn` …). */
export const PARTY_PAYLOAD = field.object({ partyId: field.id() });

/**
 * `session.recorded`: a mediation session held (PML Art. 27), with what its record's header
 * names (人民调解记录: 时间, 地点, 参加人, 当事人): the place, the parties present and the others who
 * took part — relatives, neighbours, colleagues, experts the mediator invited (PML Art. 20).
 */
export const SESSION_PAYLOAD = field.object({
  heldOn: field.date(),
  summary: field.text(),
  place: field.optional(field.text({ maxLength: 200, description: '地点' })),
  presentPartyIds: field.optional(
    field.list(field.id(), { minItems: 1, description: '到场的当事人: parties of the case present' }),
  ),
  participants: field.optional(
    field.list(
      field.object({
        name: field.text({ maxLength: NAME_MAX }),
        capacity: field.text({ maxLength: 100, description: '身份, e.g. 当事人亲属, 邻里, 特邀专家 (PML Art. 20)' }),
      }),
      { minItems: 1, description: '参加人: others who took part (PML Art. 20), not the mediator or the parties' },
    ),
  ),
});

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
