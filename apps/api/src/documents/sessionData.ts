import type { PartyData } from './partyData.js';

/** A session as its record (人民调解记录) prints it: 地点, 参加人, 当事人 present (PML Arts. 20, 27). */
export interface SessionData {
  place: string | null;
  /** The names of the parties present, joined with 、. */
  presentParties: string | null;
  participants: { name: string; capacity: string }[];
  /** `王五（社区网格员）、…`: the participants on one line. */
  participantList: string | null;
}

/** The session a `session.recorded` event carries; empty for any other event. */
export function sessionData(
  event: { type: string; payload: Record<string, unknown> },
  parties: readonly PartyData[],
): SessionData {
  const payload = event.type === 'session.recorded' ? event.payload : {};
  const present = Array.isArray(payload.presentPartyIds) ? (payload.presentPartyIds as string[]) : [];
  const participants = Array.isArray(payload.participants)
    ? (payload.participants as { name: string; capacity: string }[])
    : [];
  const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  return {
    place: typeof payload.place === 'string' ? payload.place : null,
    presentParties: present.length ? present.map(nameOf).join('、') : null,
    participants,
    participantList: participants.length ? participants.map((p) => `${p.name}（${p.capacity}）`).join('、') : null,
  };
}
